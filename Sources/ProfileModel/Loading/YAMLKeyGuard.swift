/// Finds map keys that are not text (an alias, a list or a map) before Yams sees them.
///
/// Yams checks a map for repeated keys by hashing each key node; an alias of an
/// alias bomb used as a key makes that hashing walk millions of shared nodes
/// (measured: 9 to 16 s for a 10-million-value key, ten times more per extra level)
/// before our expansion bound can act. A profile key must be text anyway, so these
/// keys are refused up front. The scan is lexical: it follows node starts, quoted
/// scalars, comments and block scalars, and looks for
/// - an alias followed by `:` (`*a : 1`, `{*a: 1}`),
/// - a flow list or map followed by `:` (`[a]: 1`, `{a: 1}: 2`),
/// - an explicit key (`? `) whose content is an alias, a flow collection, a block
///   collection, or starts on the next line.
struct YAMLKeyGuard {
    let bytes: [UInt8]
    private var index: Int
    private var nodeStart = true
    private var flowOpenings: [Int] = []
    private var quote: UInt8?
    /// While inside a block scalar: lines indented more than this belong to it.
    private var blockScalarParent: Int?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.index = SourceFile.byteOrderMarkLength(bytes)
    }

    /// The offset of the first key that is not text, or nil.
    static func firstComplexKey(in bytes: [UInt8]) -> Int? {
        var scanner = YAMLKeyGuard(bytes: bytes)
        return scanner.scan()
    }

    private func isBlank(_ offset: Int) -> Bool {
        offset >= bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset])
    }

    private func isFlowEnd(_ offset: Int) -> Bool {
        offset < bytes.count && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[offset])
    }

    /// Whether a `:` at `offset` is a mapping indicator.
    private func isValueIndicator(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] == UInt8(ascii: ":")
            && (isBlank(offset + 1) || (!flowOpenings.isEmpty && isFlowEnd(offset + 1)))
    }

    /// The offset after blanks (spaces and tabs) from `offset`.
    private func skipBlanks(_ offset: Int) -> Int {
        var position = offset
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return position
    }

    private mutating func scan() -> Int? {
        while index < bytes.count {
            let lineStart = index
            var lineEnd = index
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            let contentStart = skipBlanks(lineStart)
            let indent = contentStart - lineStart
            if let parent = blockScalarParent, contentStart == lineEnd || indent > parent {
                index = nextLine(after: lineEnd)
                continue
            }
            blockScalarParent = nil
            if quote == nil, flowOpenings.isEmpty { nodeStart = true }
            if let found = scanLine(from: quote == nil ? contentStart : lineStart, to: lineEnd, indent: indent) {
                return found
            }
            index = nextLine(after: lineEnd)
        }
        return nil
    }

    private func nextLine(after lineEnd: Int) -> Int {
        if lineEnd + 1 < bytes.count, bytes[lineEnd] == 0x0D, bytes[lineEnd + 1] == 0x0A { return lineEnd + 2 }
        return lineEnd + 1
    }

    /// Scans one line; returns the offset of a complex key when one is found.
    private mutating func scanLine(from start: Int, to end: Int, indent: Int) -> Int? {
        var position = start
        var parentColumn = indent
        var keyColumnSet = false
        while position < end {
            let byte = bytes[position]
            if let open = quote {
                if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    position += 2
                } else if byte == open {
                    if open == UInt8(ascii: "'"), position + 1 < end, bytes[position + 1] == open {
                        position += 2
                    } else {
                        quote = nil
                        position += 1
                    }
                } else {
                    position += 1
                }
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                position += 1
                continue
            }
            if byte == UInt8(ascii: "#"), position == start || isBlank(position - 1) { return nil }
            if nodeStart {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    quote = byte
                    nodeStart = false
                    position += 1
                    continue
                case UInt8(ascii: "*"):
                    var after = position + 1
                    while after < end, !isBlank(after), !isFlowEnd(after), bytes[after] != UInt8(ascii: "[") && bytes[after] != UInt8(ascii: "{") { after += 1 }
                    if isValueIndicator(skipBlanks(after)) { return position }
                    nodeStart = false
                    position = after
                    continue
                case UInt8(ascii: "?") where isBlank(position + 1):
                    let content = skipBlanks(position + 1)
                    if content >= end { return position }
                    if [UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "{")].contains(bytes[content]) { return position }
                    if bytes[content] == UInt8(ascii: "-"), isBlank(content + 1) { return position }
                    position = content
                    continue
                case UInt8(ascii: "-") where isBlank(position + 1):
                    parentColumn = columnOf(position)
                    position += 1
                    continue
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if flowOpenings.isEmpty {
                        blockScalarParent = parentColumn
                        return nil
                    }
                case UInt8(ascii: "&"), UInt8(ascii: "!"):
                    while position < end, !isBlank(position) { position += 1 }
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowOpenings.append(position)
                    position += 1
                    continue
                default:
                    break
                }
                if !keyColumnSet {
                    parentColumn = columnOf(position)
                    keyColumnSet = true
                }
            }
            if !flowOpenings.isEmpty, byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                let opening = flowOpenings.removeLast()
                if isValueIndicator(skipBlanks(position + 1)) { return opening }
                nodeStart = false
                position += 1
                continue
            }
            if !flowOpenings.isEmpty, byte == UInt8(ascii: ",") {
                nodeStart = true
                position += 1
                continue
            }
            if isValueIndicator(position) {
                nodeStart = true
                position += 1
                continue
            }
            nodeStart = false
            position += 1
        }
        return nil
    }

    /// The 0-based column of `offset` in bytes (compared only with indentation, which is ASCII).
    private func columnOf(_ offset: Int) -> Int {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        return offset - start
    }
}
