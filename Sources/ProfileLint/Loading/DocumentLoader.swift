import Yams

/// A located problem found while reading a document.
public struct LoadError: Error, Sendable, Equatable {
    public var message: String
    public var range: ByteRange
    public init(_ message: String, range: ByteRange) {
        self.message = message
        self.range = range
    }
}

/// The syntax of a document file.
public enum DocumentFormat: Sendable {
    case yaml, json

    /// The format a path's extension names (`.json` is JSON, anything else YAML).
    public init(path: String) {
        self = path.lowercased().hasSuffix(".json") ? .json : .yaml
    }
}

/// Parses YAML or JSON bytes into a `Node` tree with source ranges.
///
/// MINIMAL FIRST VERSION: YAML through Yams with start marks only; the end of a
/// scalar is estimated from its text. To be completed by the loading work.
public enum DocumentLoader {
    public static func load(_ file: SourceFile, format: DocumentFormat) throws(LoadError) -> Node? {
        let text = file.text
        let yamsNode: Yams.Node?
        do {
            yamsNode = try Yams.compose(yaml: text)
        } catch {
            throw LoadError("syntax error: \(error)", range: ByteRange(0, 0))
        }
        guard let yamsNode else { return nil }
        return convert(yamsNode, file: file)
    }

    private static func convert(_ node: Yams.Node, file: SourceFile) -> Node {
        let start = node.mark.map { file.byteOffset(line: $0.line, column: $0.column) } ?? 0
        switch node {
        case .scalar(let scalar):
            let length = scalar.string.utf8.count
            let whole = ByteRange(start, start + length)
            let type: Scalar.ScalarType
            if scalar.style != .plain { type = .string }
            else if node.null != nil { type = .null }
            else if node.bool != nil { type = .boolean }
            else if node.int != nil { type = .integer }
            else if node.float != nil { type = .float }
            else { type = .string }
            let spans = SpanMap(whole: whole, segments: [.init(valueOffset: 0, sourceOffset: start, length: length)])
            return Node(.scalar(Scalar(text: scalar.string, type: type, spans: spans)), range: whole)
        case .sequence(let sequence):
            let items = sequence.map { convert($0, file: file) }
            return Node(.list(items), range: ByteRange(start, items.last?.range.upperBound ?? start))
        case .mapping(let mapping):
            var entries: [MapEntry] = []
            for (key, value) in mapping {
                let keyNode = convert(key, file: file)
                entries.append(MapEntry(key: keyNode.string ?? "", keyRange: keyNode.range, value: convert(value, file: file)))
            }
            return Node(.map(entries), range: ByteRange(start, entries.last?.value.range.upperBound ?? start))
        case .alias:
            return Node(.scalar(Scalar(text: "", type: .null, spans: SpanMap(whole: ByteRange(start, start), segments: []))), range: ByteRange(start, start))
        }
    }
}
