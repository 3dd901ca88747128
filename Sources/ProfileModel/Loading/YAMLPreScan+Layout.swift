/// The line-level rules of `YAMLPreScan` that libyaml does not enforce: indentation of
/// the lines a quoted scalar or flow collection spans, the leading empty lines of a
/// block scalar, and the `%YAML` directive.
extension YAMLPreScan {
    /// A line inside a quoted scalar or flow collection that started in block context
    /// must be indented with spaces past its parent's column (tabs may follow them).
    /// Empty lines, and comment lines of a flow collection, may have any indentation.
    func checkContinuation(contentStart: Int) -> YAMLPreScanProblem? {
        guard let continuation, contentStart < lineEnd else { return nil }
        if quote == nil, bytes[contentStart] == UInt8(ascii: "#") { return nil }
        let firstNonSpace = skipSpaces(lineStart)
        guard firstNonSpace - lineStart <= continuation.parent else { return nil }
        let kind: YAMLPreScanProblem.Kind = bytes[firstNonSpace] == 0x09
            ? .tabIndented(opener: continuation.opener, parent: continuation.parent)
            : .underIndented(opener: continuation.opener, parent: continuation.parent)
        return YAMLPreScanProblem(offset: firstNonSpace, kind: kind)
    }

    /// Follows the lines of a block scalar before its first line of text: an empty
    /// line there may not have more spaces than that first line of text, which sets
    /// the indentation. Lines indented with tabs are left to libyaml.
    mutating func checkBlockScalarLine() -> YAMLPreScanProblem? {
        guard let leading = blockScalarLeading else { return nil }
        let firstNonSpace = skipSpaces(lineStart)
        let spaces = firstNonSpace - lineStart
        if firstNonSpace == lineEnd {
            if spaces > leading.spaces { blockScalarLeading = (spaces, lineStart) }
            return nil
        }
        blockScalarLeading = nil
        guard bytes[firstNonSpace] != 0x09, leading.spaces > spaces else { return nil }
        return YAMLPreScanProblem(offset: leading.lineStart + spaces,
                                  kind: .blockScalarLeadingSpaces(spaces: leading.spaces, textIndent: spaces))
    }

    /// A `%YAML` directive holds a version, then blanks or the end of the line: libyaml
    /// reads `%YAML 1.2#x` as a version and a comment. Other directives are left to it.
    func checkDirective() -> YAMLPreScanProblem? {
        let name = Array("%YAML".utf8)
        guard lineEnd - lineStart > name.count, bytes[lineStart..<(lineStart + name.count)].elementsEqual(name),
              isBlank(lineStart + name.count) else { return nil }
        var position = skipBlanks(lineStart + name.count)
        while position < lineEnd, !isBlank(position) {
            if bytes[position] == UInt8(ascii: "#") {
                return YAMLPreScanProblem(offset: position, kind: .commentWithoutSpace)
            }
            position += 1
        }
        return nil
    }

    /// The offset after spaces (not tabs) from `offset` on the current line.
    private func skipSpaces(_ offset: Int) -> Int {
        var position = offset
        while position < lineEnd, bytes[position] == 0x20 { position += 1 }
        return position
    }
}
