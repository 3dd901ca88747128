/// The tokens `YAMLPreScan` follows within a line: quoted scalars, node starts (quotes,
/// aliases, explicit keys, list items, block scalar headers, properties, flow
/// openings) and the indicators after a node.
extension YAMLPreScan {
    /// The offset after the byte at `position` inside a quoted scalar (two for an
    /// escape or a doubled `''`); ends the quote at its closing mark.
    mutating func skipQuoted(at position: Int) -> Int {
        guard let open = quote else { return position + 1 }
        let byte = bytes[position]
        if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { return position + 2 }
        guard byte == open else { return position + 1 }
        if open == UInt8(ascii: "'"), position + 1 < lineEnd, bytes[position + 1] == open { return position + 2 }
        quote = nil
        tokenEnd = position + 1
        return position + 1
    }

    /// Reads a byte where a node may start.
    mutating func scanNodeStart(at position: Int) -> Step {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            openContinuation(at: position)
            quote = byte
            nodeStart = false
            noteKeyColumn(position)
            return .next(position + 1)
        case UInt8(ascii: "*"):
            return scanAlias(at: position)
        case UInt8(ascii: "?") where isBlank(position + 1):
            return scanExplicitKey(at: position)
        case UInt8(ascii: "-") where isDocumentStart(position):
            // `--- ` starts a document: what follows is top-level.
            lineParent = nil
            parentColumn = -1
            return .next(position + 3)
        case UInt8(ascii: "-") where isBlank(position + 1) || (!flowOpenings.isEmpty && isFlowIndicator(position + 1)):
            if !flowOpenings.isEmpty { return .found(YAMLPreScanProblem(offset: position, kind: .dashInFlow)) }
            parentColumn = position - lineStart
            lineParent = parentColumn
            return .next(position + 1)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            if flowOpenings.isEmpty { return scanBlockScalarHeader(at: position) }
        case UInt8(ascii: "&"), UInt8(ascii: "!"):
            var end = position
            while end < lineEnd, !isBlank(end) { end += 1 }
            return .next(end)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            openContinuation(at: position)
            flowOpenings.append(position)
            return .next(position + 1)
        default:
            break
        }
        noteKeyColumn(position)
        return scanIndicator(at: position)
    }

    /// The first node of a line sets the column a block scalar on it is indented past.
    private mutating func noteKeyColumn(_ position: Int) {
        guard !keyColumnSet else { return }
        parentColumn = position - lineStart
        keyColumnSet = true
    }

    private func isDocumentStart(_ position: Int) -> Bool {
        position == lineStart && flowOpenings.isEmpty && position + 2 < lineEnd
            && bytes[position + 1] == UInt8(ascii: "-") && bytes[position + 2] == UInt8(ascii: "-") && isBlank(position + 3)
    }

    private func isFlowIndicator(_ offset: Int) -> Bool {
        offset < bytes.count && [UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}")].contains(bytes[offset])
    }

    /// A quoted scalar or flow collection opening in block context: its next lines must
    /// be indented past the line's key, `- ` or `? ` (when there is one).
    private mutating func openContinuation(at position: Int) {
        guard quote == nil, flowOpenings.isEmpty else { return }
        continuation = lineParent.map { (opener: position, parent: $0) }
    }

    /// An alias is a complex key when a `:` indicator follows it.
    private mutating func scanAlias(at position: Int) -> Step {
        var after = position + 1
        while after < lineEnd, !isBlank(after), !isFlowEnd(after), bytes[after] != UInt8(ascii: "[") && bytes[after] != UInt8(ascii: "{") { after += 1 }
        if isValueIndicator(skipBlanks(after)) { return .found(YAMLPreScanProblem(offset: position, kind: .complexKey)) }
        nodeStart = false
        return .next(after)
    }

    /// An explicit key (`? `) is complex when its content is an alias, a flow or block
    /// collection, or starts on the next line.
    private mutating func scanExplicitKey(at position: Int) -> Step {
        let content = skipBlanks(position + 1)
        let isComplex = content >= lineEnd
            || [UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "{")].contains(bytes[content])
            || (bytes[content] == UInt8(ascii: "-") && isBlank(content + 1))
        if isComplex { return .found(YAMLPreScanProblem(offset: position, kind: .complexKey)) }
        if flowOpenings.isEmpty { lineParent = position - lineStart }
        return .next(content)
    }

    /// A block scalar header (`|`, `>-`, `|2`...) ends what the line holds to check;
    /// its content follows, indented past `parentColumn`.
    private mutating func scanBlockScalarHeader(at position: Int) -> Step {
        var end = position + 1
        var hasIndentationIndicator = false
        while end < lineEnd, end - position <= 2,
              [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[end]) || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[end]) {
            if bytes[end] != UInt8(ascii: "+"), bytes[end] != UInt8(ascii: "-") { hasIndentationIndicator = true }
            end += 1
        }
        if end < lineEnd, bytes[end] == UInt8(ascii: "#") {
            return .found(YAMLPreScanProblem(offset: end, kind: .commentWithoutSpace))
        }
        blockScalarParent = parentColumn
        blockScalarLeading = hasIndentationIndicator ? nil : (spaces: 0, lineStart: lineStart)
        return .endOfLine
    }

    /// Reads a byte inside or after a node: flow ends (a flow collection followed by
    /// `:` is a complex key), `,` and `:` indicators, which start a new node.
    mutating func scanIndicator(at position: Int) -> Step {
        let byte = bytes[position]
        if !flowOpenings.isEmpty, byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
            let opening = flowOpenings.removeLast()
            if isValueIndicator(skipBlanks(position + 1)) { return .found(YAMLPreScanProblem(offset: opening, kind: .complexKey)) }
            nodeStart = false
            tokenEnd = position + 1
            return .next(position + 1)
        }
        if !flowOpenings.isEmpty, byte == UInt8(ascii: ",") {
            nodeStart = true
            return .next(position + 1)
        }
        if isValueIndicator(position) {
            nodeStart = true
            if flowOpenings.isEmpty { lineParent = parentColumn }
            return .next(position + 1)
        }
        nodeStart = false
        return .next(position + 1)
    }
}
