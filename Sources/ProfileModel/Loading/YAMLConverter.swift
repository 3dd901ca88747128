import Yams

/// Turns a composed Yams tree into `Node`s with exact ranges, checking depth,
/// alias expansion and repeated keys on the way.
struct YAMLConverter {
    let file: SourceFile
    /// The bytes Yams parsed (the file's, with masked repeated keys).
    let bytes: [UInt8]
    let marks: YAMLMarkTable
    /// The real text of keys masked to get past Yams' repeated-key error, by offset.
    let maskedKeys: [Int: String]
    let limits: LoadLimits
    private(set) var problems: [LoadError] = []
    /// Scalars the scanner could not reproduce (see `LoadedDocument.unscannedScalars`).
    private(set) var unscannedScalars = 0
    private var nodeCount = 0
    /// Whether an alias has brought a node back (the limit's message then says so).
    private var expandedAlias = false
    /// Converted nodes by kind and mark: an alias brings back the anchored node
    /// itself, so its conversion is reused (counted again, not redone).
    private var converted: [Int: (node: Node, count: Int, height: Int)] = [:]

    /// Whether the source may hold aliases (a `*` anywhere); without them no node
    /// comes back twice and conversions are not kept.
    let hasAliases: Bool

    init(file: SourceFile, bytes: [UInt8], marks: YAMLMarkTable, maskedKeys: [Int: String],
         limits: LoadLimits, hasAliases: Bool) {
        self.file = file
        self.bytes = bytes
        self.marks = marks
        self.maskedKeys = maskedKeys
        self.limits = limits
        self.hasAliases = hasAliases
    }

    /// Converts `node`, at nesting `depth` (the root is 1), inside a block collection
    /// whose column is `blockIndent` (-1 when there is none).
    mutating func convert(_ node: Yams.Node, depth: Int, blockIndent: Int) throws(LoadError) -> Node {
        let markOffset = node.mark.map { marks.offset(of: $0) } ?? 0
        let cacheKey = markOffset * 4 + node.kindIndex
        if let cached = converted[cacheKey] {
            expandedAlias = true
            nodeCount += cached.count
            try checkNodeCount(at: markOffset)
            if cached.height > 0 { try checkDepth(depth + cached.height - 1, at: cached.node.range.lowerBound) }
            return cached.node
        }
        let countBefore = nodeCount
        nodeCount += 1
        try checkNodeCount(at: markOffset)
        let result = try convertUncached(node, markOffset: markOffset, depth: depth, blockIndent: blockIndent)
        if hasAliases {
            converted[cacheKey] = (result, nodeCount - countBefore, Self.height(of: result))
        }
        return result
    }

    /// How many levels of lists and maps `node` holds (0 for a scalar).
    static func height(of node: Node) -> Int {
        switch node.value {
        case .scalar: 0
        case .list(let items): 1 + (items.map(height(of:)).max() ?? 0)
        case .map(let entries): 1 + (entries.map { height(of: $0.value) }.max() ?? 0)
        }
    }

    private func checkNodeCount(at offset: Int) throws(LoadError) {
        if nodeCount > limits.maxNodes {
            let expansion = expandedAlias ? " once YAML aliases are expanded" : ""
            throw LoadError("the document holds more than \(limits.maxNodes) values\(expansion)",
                            range: ByteRange(offset, offset), kind: .expansion)
        }
    }

    private mutating func convertUncached(_ node: Yams.Node, markOffset: Int, depth: Int,
                                          blockIndent: Int) throws(LoadError) -> Node {
        let start = Self.skipProperties(in: bytes, from: markOffset)
        switch node {
        case .scalar(let scalar):
            return convertScalar(scalar, markOffset: markOffset, start: start, blockIndent: blockIndent)
        case .sequence(let sequence):
            try checkDepth(depth, at: start)
            let isFlow = start < bytes.count && bytes[start] == UInt8(ascii: "[")
            let indent = isFlow ? blockIndent : (node.mark?.column ?? 1) - 1
            var items: [Node] = []
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, blockIndent: indent))
            }
            let end = isFlow ? flowEnd(after: items.last?.range.upperBound ?? start + 1, closing: UInt8(ascii: "]"))
                : nil
            return Node(.list(items), range: ByteRange(start, end ?? items.last?.range.upperBound ?? start))
        case .mapping(let mapping):
            try checkDepth(depth, at: start)
            let isFlow = start < bytes.count && bytes[start] == UInt8(ascii: "{")
            let indent = isFlow ? blockIndent : (node.mark?.column ?? 1) - 1
            var entries: [MapEntry] = []
            var firstRanges: [String: ByteRange] = [:]
            for (keyNode, valueNode) in mapping {
                let key = try convert(keyNode, depth: depth + 1, blockIndent: indent)
                guard let keyScalar = key.scalar else {
                    throw LoadError("a map key must be text, not \(key.typeDescription)", range: key.range)
                }
                let name = maskedKeys[key.range.lowerBound] ?? keyScalar.text
                if let first = firstRanges[name] {
                    problems.append(LoadError(
                        DocumentLoader.duplicateKeyMessage(name, first: file.position(ofByte: first.lowerBound)),
                        range: key.range, kind: .duplicateKey,
                        notes: [Note("'\(name)' is first defined here", range: first)]))
                } else {
                    firstRanges[name] = key.range
                }
                let value = try convert(valueNode, depth: depth + 1, blockIndent: indent)
                entries.append(MapEntry(key: name, keyRange: key.range, value: value))
            }
            let last = entries.last.map { max($0.value.range.upperBound, $0.keyRange.upperBound) }
            let end = isFlow ? flowEnd(after: last ?? start + 1, closing: UInt8(ascii: "}")) : nil
            return Node(.map(entries), range: ByteRange(start, end ?? last ?? start))
        case .alias:
            throw LoadError("syntax error: unresolved alias", range: ByteRange(markOffset, markOffset))
        }
    }

    private func checkDepth(_ depth: Int, at offset: Int) throws(LoadError) {
        if depth > limits.maxDepth {
            throw LoadError(DocumentLoader.depthMessage(limits),
                            range: YAMLDocumentParser.characterRange(in: bytes, at: offset), kind: .depth)
        }
    }

    private mutating func convertScalar(_ scalar: Yams.Node.Scalar, markOffset: Int,
                               start: Int, blockIndent: Int) -> Node {
        let type = Self.scalarType(scalar)
        let expected = Array(scalar.string.utf8)
        let style: YAMLScalarScanner.Style
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal: style = .literal
        case .folded: style = .folded
        case .plain, .any: style = .plain
        }
        let spans: SpanMap
        if style == .plain, expected.isEmpty {
            // An empty value (`key:` with nothing after it) sits where libyaml marks it.
            spans = SpanMap(whole: ByteRange(markOffset, markOffset), segments: [])
        } else if let result = YAMLScalarScanner(bytes: bytes, lineStarts: marks.lineStarts).scan(from: start, style: style, expected: expected,
                                                                      blockIndent: blockIndent) {
            spans = SpanMap(whole: result.whole, segments: result.segments)
        } else {
            // The scanner could not reproduce libyaml's text (not seen in tests): keep
            // the start exact and end the range at the end of the line.
            unscannedScalars += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            spans = SpanMap(whole: ByteRange(start, end), segments: [])
        }
        return Node(.scalar(Scalar(text: scalar.string, type: type, spans: spans)), range: spans.whole)
    }

    /// The type a scalar resolves to: its tag's when it has one (quoted scalars are `!!str`), else,
    /// for plain text, YAML 1.1's (`PlainScalarType`, the types Yams' default resolver gives).
    static func scalarType(_ scalar: Yams.Node.Scalar) -> Scalar.ScalarType {
        let tag = scalar.tag.rawValue
        if tag.isEmpty { return PlainScalarType.of(scalar.string) }
        switch Tag.Name(rawValue: tag) {
        case .null: return .null
        case .bool: return .boolean
        case .int: return .integer
        case .float: return .float
        default: return .string
        }
    }

    /// The offset after the closing bracket of a flow collection whose content ends
    /// at `offset`, skipping blanks, line breaks, comments, commas and colons.
    private func flowEnd(after offset: Int, closing: UInt8) -> Int? {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            if byte == closing { return index + 1 }
            if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                continue
            }
            guard [0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x3A].contains(byte) else { return nil }
            index += 1
        }
        return nil
    }

    /// The offset of a node's content after its anchor (`&name`) and tag (`!tag`),
    /// and the blanks, line breaks and comments that may follow them.
    static func skipProperties(in bytes: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: "!") {
            if bytes[index] == UInt8(ascii: "!"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") {
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
            }
            while index < bytes.count, ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            var scan = index
            while scan < bytes.count {
                let byte = bytes[scan]
                if [0x20, 0x09, 0x0A, 0x0D].contains(byte) {
                    scan += 1
                } else if byte == UInt8(ascii: "#") {
                    while scan < bytes.count, bytes[scan] != 0x0A, bytes[scan] != 0x0D { scan += 1 }
                } else {
                    break
                }
            }
            index = scan
        }
        return index
    }
}

private extension Yams.Node {
    /// Tells apart nodes that share a mark (a block map and its first key).
    var kindIndex: Int {
        switch self {
        case .scalar: 0
        case .sequence: 1
        case .mapping: 2
        case .alias: 3
        }
    }
}
