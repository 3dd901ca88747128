/// A `Node` tree written as Swift source, so a document parsed at generation time (the
/// built-in rule pack) is rebuilt at run time without parsing YAML. The builders below are
/// what the source calls: short and concretely typed, so large trees compile quickly.
package enum NodeLiteral {
    /// The Swift expression that rebuilds `node` exactly (ranges and span maps included),
    /// one node per line, nested lines indented by `indent` spaces more than their parent.
    package static func source(_ node: Node, indent: Int = 4) -> String {
        var out = ""
        write(node, indent: indent, into: &out)
        return out
    }

    private static func write(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        let range = "\(node.range.lowerBound), \(node.range.upperBound)"
        switch node.value {
        case .scalar(let scalar):
            let spans = scalar.spans
            let segments = spans.segments.map { "\($0.valueOffset), \($0.sourceOffset), \($0.length)" }.joined(separator: ", ")
            out += ".scalarNode(\(quoted(scalar.text)), .\(typeName(scalar.type)), \(range), "
                + "\(spans.whole.lowerBound), \(spans.whole.upperBound), [\(segments)])"
        case .list(let items) where items.allSatisfy({ $0.scalar != nil }):
            // A list of scalars (a skill's aliases, a rule's fields) on one line.
            out += ".listNode(\(range), ["
            for (index, item) in items.enumerated() {
                out += index == 0 ? "" : ", "
                write(item, indent: indent, into: &out)
            }
            out += "])"
        case .list(let items):
            out += ".listNode(\(range), [\n"
            for item in items {
                out += pad + "    "
                write(item, indent: indent + 4, into: &out)
                out += ",\n"
            }
            out += pad + "])"
        case .map(let entries):
            out += ".mapNode(\(range), [\n"
            for entry in entries {
                out += pad + "    .entry(\(quoted(entry.key)), \(entry.keyRange.lowerBound), \(entry.keyRange.upperBound), "
                write(entry.value, indent: indent + 4, into: &out)
                out += "),\n"
            }
            out += pad + "])"
        }
    }

    /// A Swift string literal holding exactly `text` (non-ASCII characters as they are).
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func typeName(_ type: Scalar.ScalarType) -> String {
        switch type {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .null: "null"
        }
    }
}

extension Node {
    /// A map node spanning `lower..<upper` (generated source).
    package static func mapNode(_ lower: Int, _ upper: Int, _ entries: [MapEntry]) -> Node {
        Node(.map(entries), range: ByteRange(lower, upper))
    }

    /// A list node spanning `lower..<upper` (generated source).
    package static func listNode(_ lower: Int, _ upper: Int, _ items: [Node]) -> Node {
        Node(.list(items), range: ByteRange(lower, upper))
    }

    /// A scalar node: its text and type, the node's range, the span map's whole range and
    /// its segments as flat (value offset, source offset, length) triples (generated source).
    package static func scalarNode(_ text: String, _ type: Scalar.ScalarType, _ lower: Int, _ upper: Int,
                                   _ wholeLower: Int, _ wholeUpper: Int, _ segments: [Int]) -> Node {
        let triples = stride(from: 0, to: segments.count - 2, by: 3).map {
            SpanMap.Segment(valueOffset: segments[$0], sourceOffset: segments[$0 + 1], length: segments[$0 + 2])
        }
        let spans = SpanMap(whole: ByteRange(wholeLower, wholeUpper), segments: triples)
        return Node(.scalar(Scalar(text: text, type: type, spans: spans)), range: ByteRange(lower, upper))
    }
}

extension MapEntry {
    /// A `key: value` entry whose key spans `lower..<upper` (generated source).
    package static func entry(_ key: String, _ lower: Int, _ upper: Int, _ value: Node) -> MapEntry {
        MapEntry(key: key, keyRange: ByteRange(lower, upper), value: value)
    }
}
