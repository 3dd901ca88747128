/// A value of a loaded document (YAML or JSON) with its source range.
/// Profiles, rule files, config files and YAML/JSON corpus posts all load into this tree.
package struct Node: Sendable {
    package enum Value: Sendable {
        case scalar(Scalar)
        case list([Node])
        case map([MapEntry])
    }

    package var value: Value
    /// The node's whole range (for a list or map, from its first to its last byte).
    package var range: ByteRange

    package init(_ value: Value, range: ByteRange) {
        self.value = value
        self.range = range
    }

    package var scalar: Scalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }

    package var list: [Node]? {
        if case .list(let items) = value { return items }
        return nil
    }

    package var map: [MapEntry]? {
        if case .map(let entries) = value { return entries }
        return nil
    }

    /// The string of a scalar node (any scalar type), else nil.
    package var string: String? { scalar?.text }

    /// The value under `key` in a map node (the first, if the key repeats).
    package subscript(key: String) -> Node? {
        map?.first(where: { $0.key == key })?.value
    }

    /// The entry for `key` in a map node, with the key's range.
    package func entry(_ key: String) -> MapEntry? {
        map?.first(where: { $0.key == key })
    }

    /// A short name of the node's type for messages: "a string", "a list", "a map".
    package var typeDescription: String {
        switch value {
        case .scalar(let scalar): scalar.type.description
        case .list: "a list"
        case .map: "a map"
        }
    }
}

/// One `key: value` pair of a map node.
package struct MapEntry: Sendable {
    package var key: String
    package var keyRange: ByteRange
    package var value: Node
    package init(key: String, keyRange: ByteRange, value: Node) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// A scalar value and how its characters map back to source bytes.
package struct Scalar: Sendable {
    package enum ScalarType: Sendable, CustomStringConvertible {
        case string, integer, float, boolean, null
        package var description: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .float: "a number"
            case .boolean: "a boolean"
            case .null: "null"
            }
        }
    }

    /// The value as text (for numbers and booleans, as written).
    package var text: String
    package var type: ScalarType
    /// Maps UTF-8 offsets in `text` to byte offsets in the source.
    package var spans: SpanMap

    package init(text: String, type: ScalarType, spans: SpanMap) {
        self.text = text
        self.type = type
        self.spans = spans
    }

    /// The value of a number, including YAML 1.1 forms (`1_000`, `0x1F`, `0o17`,
    /// `0b101`, `.inf`, `-.inf`, `.nan`); nil for other types.
    package var number: Double? {
        guard type == .integer || type == .float else { return nil }
        if let value = Double(text) { return value }
        var digits = text.filter { $0 != "_" }
        var sign = 1.0
        if digits.hasPrefix("-") || digits.hasPrefix("+") {
            if digits.hasPrefix("-") { sign = -1 }
            digits.removeFirst()
        }
        switch digits.lowercased() {
        case ".inf": return sign * .infinity
        case ".nan": return .nan
        default: break
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.lowercased().hasPrefix(prefix) {
            return Int(digits.dropFirst(2), radix: radix).map { sign * Double($0) }
        }
        return Double(digits).map { sign * $0 }
    }

    /// The value of an integer scalar (decimal, or YAML 1.1 `1_000`, `0x1F`, `0o17`, `0b101`);
    /// nil for other types and for integers an `Int` cannot hold (see `integerRangeProblem`).
    package var integer: Int? {
        guard type == .integer else { return nil }
        var digits = text.filter { $0 != "_" }
        var sign = ""
        if let first = digits.first, first == "-" || first == "+" {
            if first == "-" { sign = "-" }
            digits.removeFirst()
        }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.lowercased().hasPrefix(prefix) {
            radix = base
            digits.removeFirst(2)
        }
        return Int(sign + digits, radix: radix)
    }

    /// Why an integer scalar has no `integer` value (it is past the range of `Int`); nil otherwise.
    package var integerRangeProblem: String? {
        guard type == .integer, integer == nil else { return nil }
        return text.hasPrefix("-") ? "\(text) is too small; the smallest accepted is \(Int.min)"
            : "\(text) is too large; the largest accepted is \(Int.max)"
    }

    package var bool: Bool? {
        guard type == .boolean else { return nil }
        return ["true", "yes", "on", "y"].contains(text.lowercased())
    }
}

/// A piecewise-linear map from UTF-8 offsets in a scalar's value to byte offsets
/// in the source. Where the value's text stands in the source as is (plain scalars,
/// quoted scalars without escapes, each line of a block scalar) a segment maps it
/// exactly; anything else maps to the whole scalar's range.
package struct SpanMap: Sendable {
    /// A run of `length` value bytes starting at `valueOffset` that stands verbatim
    /// in the source at `sourceOffset`.
    package struct Segment: Sendable {
        var valueOffset: Int
        var sourceOffset: Int
        package var length: Int
        package init(valueOffset: Int, sourceOffset: Int, length: Int) {
            self.valueOffset = valueOffset
            self.sourceOffset = sourceOffset
            self.length = length
        }
    }

    /// The range of the whole scalar in the source (including quotes or block header).
    package var whole: ByteRange
    var segments: [Segment]

    package init(whole: ByteRange, segments: [Segment]) {
        self.whole = whole
        self.segments = segments
    }

    /// The source range of the value bytes `valueRange`; falls back to `whole`
    /// when the range does not lie within one verbatim segment.
    /// Segments are in value order and do not overlap, so each lookup is a binary search.
    package func sourceRange(_ valueRange: Range<Int>) -> ByteRange {
        // The first segment that reaches the range's end holds all of it, or no segment does.
        let holding = firstSegment { $0.valueOffset + $0.length >= valueRange.upperBound }
        if holding < segments.count, segments[holding].valueOffset <= valueRange.lowerBound {
            let start = segments[holding].sourceOffset + (valueRange.lowerBound - segments[holding].valueOffset)
            return ByteRange(start, start + valueRange.count)
        }
        // A range spanning several segments (several lines of a block scalar):
        // from the start of the first to the end of the last.
        let firstIndex = firstSegment { $0.valueOffset + $0.length > valueRange.lowerBound }
        let lastIndex = firstSegment { $0.valueOffset >= valueRange.upperBound } - 1
        if firstIndex < segments.count, segments[firstIndex].valueOffset <= valueRange.lowerBound,
           lastIndex >= 0, valueRange.upperBound <= segments[lastIndex].valueOffset + segments[lastIndex].length {
            let first = segments[firstIndex]
            let last = segments[lastIndex]
            return ByteRange(first.sourceOffset + (valueRange.lowerBound - first.valueOffset),
                             last.sourceOffset + (valueRange.upperBound - last.valueOffset))
        }
        return whole
    }

    /// The index of the first segment satisfying `predicate` (monotonic over the segments), or `segments.count`.
    private func firstSegment(where predicate: (Segment) -> Bool) -> Int {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(segments[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The source range of the value's content (without quotes), or `whole`.
    package var contentRange: ByteRange {
        guard let first = segments.first, let last = segments.last else { return whole }
        return ByteRange(first.sourceOffset, last.sourceOffset + last.length)
    }
}
