/// A lexical pass over YAML source, before Yams sees it, that refuses what libyaml would
/// let through.
///
/// - Map keys that are not text (an alias, a list or a map). Yams checks a map for
///   repeated keys by hashing each key node; an alias of an alias bomb used as a key
///   makes that hashing walk millions of shared nodes (measured: 9 to 16 s for a
///   10-million-value key, ten times more per extra level) before our expansion bound
///   can act. A profile key must be text anyway. Refused: an alias followed by `:`
///   (`*a : 1`, `{*a: 1}`), a flow list or map followed by `:` (`[a]: 1`, `{a: 1}: 2`),
///   an explicit key (`? `) whose content is an alias, a flow collection, a block
///   collection, or starts on the next line.
/// - Invalid YAML that libyaml accepts (`YAMLPreScanProblem.Kind` lists it): a `#` right
///   after a token, lines of a quoted scalar or flow collection not indented past their
///   block parent, `-` alone inside `[ ]`, and a block scalar's leading empty lines
///   with more spaces than its first line of text.
///
/// It follows node starts, quoted scalars, flow collections, comments and block scalars
/// line by line, each byte once, so it stays linear in the length of a line.
struct YAMLPreScan {
    let bytes: [UInt8]
    var index: Int
    var nodeStart = true
    var flowOpenings: [Int] = []
    var quote: UInt8?
    /// Offset just after the last closing quote or bracket: a `#` there is no comment.
    var tokenEnd = -1
    /// While inside a block scalar: lines indented more than this belong to it.
    var blockScalarParent: Int?
    /// While before the first line of text of a block scalar without an indentation
    /// indicator: the most spaces an empty line had, and where that line starts.
    var blockScalarLeading: (spaces: Int, lineStart: Int)?
    /// While inside a quoted scalar or flow collection that started in block context:
    /// where it opened, and the column its lines must be indented past.
    var continuation: (opener: Int, parent: Int)?
    /// The column of the key, `- ` or `? ` that ended the last line with content
    /// (`key:`), whose value may start on a later line; nil otherwise.
    var pendingParent: Int?
    /// The column of the key or `- ` whose plain scalar value ended the last line with
    /// content: lines indented past it continue that text and hold no tokens.
    var plainParent: Int?

    // The line being scanned.
    var lineStart = 0
    var lineEnd = 0
    var lineHasContent = false
    /// Offset after the last token byte read on the line.
    var lastContentEnd = -1
    /// The column a block scalar's content must be indented past: the line's
    /// indentation, then the column of its last `- `, then of its first key.
    var parentColumn = 0
    var keyColumnSet = false
    /// The column a quoted scalar or flow collection opening now must have its next
    /// lines indented past (its key's, `- `'s or `? `'s); nil when unknown or top-level.
    var lineParent: Int?

    /// What reading one byte leads to.
    enum Step {
        case found(YAMLPreScanProblem)
        /// The rest of the line holds nothing to check (a comment, a block scalar header).
        case endOfLine
        /// Go on from this offset.
        case next(Int)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.index = SourceFile.byteOrderMarkLength(bytes)
    }

    /// The first problem in `bytes`, or nil.
    static func firstProblem(in bytes: [UInt8]) -> YAMLPreScanProblem? {
        var scanner = YAMLPreScan(bytes: bytes)
        return scanner.scan()
    }

    func isBlank(_ offset: Int) -> Bool {
        offset >= bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset])
    }

    func isFlowEnd(_ offset: Int) -> Bool {
        offset < bytes.count && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[offset])
    }

    /// Whether a `:` at `offset` is a mapping indicator.
    func isValueIndicator(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] == UInt8(ascii: ":")
            && (isBlank(offset + 1) || (!flowOpenings.isEmpty && isFlowEnd(offset + 1)))
    }

    /// The offset after blanks (spaces and tabs) from `offset`.
    func skipBlanks(_ offset: Int) -> Int {
        var position = offset
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return position
    }

    private mutating func scan() -> YAMLPreScanProblem? {
        while index < bytes.count {
            lineStart = index
            lineEnd = index
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            if let problem = scanLineStart() { return problem }
            index = nextLine(after: lineEnd)
        }
        return nil
    }

    private func nextLine(after lineEnd: Int) -> Int {
        if lineEnd + 1 < bytes.count, bytes[lineEnd] == 0x0D, bytes[lineEnd + 1] == 0x0A { return lineEnd + 2 }
        return lineEnd + 1
    }

    /// Decides what the line at `lineStart` is (block scalar content, a directive, the
    /// rest of a quoted scalar or flow collection, or block content) and scans it.
    private mutating func scanLineStart() -> YAMLPreScanProblem? {
        let contentStart = skipBlanks(lineStart)
        let indent = contentStart - lineStart
        if let parent = blockScalarParent, contentStart == lineEnd || indent > parent {
            return checkBlockScalarLine()
        }
        blockScalarParent = nil
        blockScalarLeading = nil
        if quote == nil, flowOpenings.isEmpty {
            if let parent = plainParent, contentStart < lineEnd, indent > parent, bytes[contentStart] != UInt8(ascii: "#") {
                return nil
            }
            nodeStart = true
            continuation = nil
            lineParent = pendingParent
            if bytes[lineStart] == UInt8(ascii: "%") { return checkDirective() }
        } else if let problem = checkContinuation(contentStart: contentStart) {
            return problem
        }
        lineHasContent = false
        if let problem = scanLine(from: quote == nil ? contentStart : lineStart, indent: indent) { return problem }
        if quote == nil, flowOpenings.isEmpty, lineHasContent {
            pendingParent = nodeStart && blockScalarParent == nil ? lineParent : nil
            plainParent = !nodeStart && lastContentEnd != tokenEnd ? lineParent : nil
        }
        return nil
    }

    /// Scans one line; returns the first problem on it.
    private mutating func scanLine(from start: Int, indent: Int) -> YAMLPreScanProblem? {
        var position = start
        parentColumn = indent
        keyColumnSet = false
        while position < lineEnd {
            let byte = bytes[position]
            let step: Step
            if quote != nil {
                step = .next(skipQuoted(at: position))
            } else if byte == 0x20 || byte == 0x09 {
                step = .next(position + 1)
            } else if byte == UInt8(ascii: "#"), position == start || isBlank(position - 1) {
                return nil
            } else if byte == UInt8(ascii: "#"), nodeStart || position == tokenEnd {
                step = .found(YAMLPreScanProblem(offset: position, kind: .commentWithoutSpace))
            } else if nodeStart {
                step = scanNodeStart(at: position)
            } else {
                step = scanIndicator(at: position)
            }
            if byte != 0x20, byte != 0x09 { lineHasContent = true }
            switch step {
            case .found(let problem): return problem
            case .endOfLine: return nil
            case .next(let offset):
                if byte != 0x20, byte != 0x09 { lastContentEnd = offset }
                position = offset
            }
        }
        return nil
    }
}
