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

    // The line being scanned.
    private var lineStart = 0
    private var lineEnd = 0
    /// The column a block scalar's content must be indented past: the line's
    /// indentation, then the column of its last `- `, then of its first key.
    private var parentColumn = 0
    private var keyColumnSet = false

    /// What reading one byte leads to.
    private enum Step {
        /// A complex key starts at this offset.
        case found(Int)
        /// The rest of the line holds nothing to check (a comment, a block scalar header).
        case endOfLine
        /// Go on from this offset.
        case next(Int)
    }

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
            lineStart = index
            lineEnd = index
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            let contentStart = skipBlanks(lineStart)
            let indent = contentStart - lineStart
            if let parent = blockScalarParent, contentStart == lineEnd || indent > parent {
                index = nextLine(after: lineEnd)
                continue
            }
            blockScalarParent = nil
            if quote == nil, flowOpenings.isEmpty { nodeStart = true }
            if let found = scanLine(from: quote == nil ? contentStart : lineStart, indent: indent) {
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
    private mutating func scanLine(from start: Int, indent: Int) -> Int? {
        var position = start
        parentColumn = indent
        keyColumnSet = false
        while position < lineEnd {
            let step: Step
            if quote != nil {
                step = .next(skipQuoted(at: position))
            } else if bytes[position] == 0x20 || bytes[position] == 0x09 {
                step = .next(position + 1)
            } else if bytes[position] == UInt8(ascii: "#"), position == start || isBlank(position - 1) {
                step = .endOfLine
            } else if nodeStart {
                step = scanNodeStart(at: position)
            } else {
                step = scanIndicator(at: position)
            }
            switch step {
            case .found(let offset): return offset
            case .endOfLine: return nil
            case .next(let offset): position = offset
            }
        }
        return nil
    }

    /// The offset after the byte at `position` inside a quoted scalar (two for an
    /// escape or a doubled `''`); ends the quote at its closing mark.
    private mutating func skipQuoted(at position: Int) -> Int {
        guard let open = quote else { return position + 1 }
        let byte = bytes[position]
        if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { return position + 2 }
        guard byte == open else { return position + 1 }
        if open == UInt8(ascii: "'"), position + 1 < lineEnd, bytes[position + 1] == open { return position + 2 }
        quote = nil
        return position + 1
    }

    /// Reads a byte where a node may start: quotes, aliases, explicit keys, list items,
    /// block scalars, properties and flow openings.
    private mutating func scanNodeStart(at position: Int) -> Step {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            quote = byte
            nodeStart = false
            return .next(position + 1)
        case UInt8(ascii: "*"):
            return scanAlias(at: position)
        case UInt8(ascii: "?") where isBlank(position + 1):
            let content = skipBlanks(position + 1)
            if content >= lineEnd { return .found(position) }
            if [UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "{")].contains(bytes[content]) { return .found(position) }
            if bytes[content] == UInt8(ascii: "-"), isBlank(content + 1) { return .found(position) }
            return .next(content)
        case UInt8(ascii: "-") where isBlank(position + 1):
            parentColumn = position - lineStart
            return .next(position + 1)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            if flowOpenings.isEmpty {
                blockScalarParent = parentColumn
                return .endOfLine
            }
        case UInt8(ascii: "&"), UInt8(ascii: "!"):
            var end = position
            while end < lineEnd, !isBlank(end) { end += 1 }
            return .next(end)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            flowOpenings.append(position)
            return .next(position + 1)
        default:
            break
        }
        if !keyColumnSet {
            parentColumn = position - lineStart
            keyColumnSet = true
        }
        return scanIndicator(at: position)
    }

    /// An alias is a complex key when a `:` indicator follows it.
    private mutating func scanAlias(at position: Int) -> Step {
        var after = position + 1
        while after < lineEnd, !isBlank(after), !isFlowEnd(after), bytes[after] != UInt8(ascii: "[") && bytes[after] != UInt8(ascii: "{") { after += 1 }
        if isValueIndicator(skipBlanks(after)) { return .found(position) }
        nodeStart = false
        return .next(after)
    }

    /// Reads a byte inside or after a node: flow ends (a flow collection followed by
    /// `:` is a complex key), `,` and `:` indicators, which start a new node.
    private mutating func scanIndicator(at position: Int) -> Step {
        let byte = bytes[position]
        if !flowOpenings.isEmpty, byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
            let opening = flowOpenings.removeLast()
            if isValueIndicator(skipBlanks(position + 1)) { return .found(opening) }
            nodeStart = false
            return .next(position + 1)
        }
        if (!flowOpenings.isEmpty && byte == UInt8(ascii: ",")) || isValueIndicator(position) {
            nodeStart = true
            return .next(position + 1)
        }
        nodeStart = false
        return .next(position + 1)
    }
}
