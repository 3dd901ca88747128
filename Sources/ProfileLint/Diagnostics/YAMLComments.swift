/// Finds the comments of a YAML source by a lexical scan: a `#` starts a comment at the
/// start of a line or after a space or tab, and never inside a quoted scalar (single
/// or double, also across lines) or the content of a block scalar (`|`, `>`). So
/// `C#`, `https://host/page#part`, `"# quoted"` and the text of an `overview: |` block
/// are not comments.
package enum YAMLComments {
    /// One comment: its range from `#` to the end of the line, and its text after `#`.
    package struct Comment: Sendable, Equatable {
        package var range: ByteRange
        /// 0-based index of the line the comment is on.
        package var line: Int
        /// Whether only whitespace precedes the comment on its line.
        var isWholeLine: Bool
    }

    private enum Quote { case none, single, double }

    /// Every comment of `file`, in order.
    package static func scan(_ file: SourceFile) -> [Comment] {
        let bytes = file.bytes
        var comments: [Comment] = []
        var quote = Quote.none
        var flowDepth = 0
        var blockParentIndent: Int?  // set while inside a block scalar's content

        for line in 0..<file.lineCount {
            let content = file.lineContentRange(line)
            let indent = indentation(bytes, content)
            let isBlank = indent == content.count
            if let parent = blockParentIndent, quote == .none {
                if isBlank || indent > parent { continue }
                blockParentIndent = nil
            }
            var index = content.lowerBound
            // Where a new token may start (line start, after `- `, `: `, `[`, `{`, `,`).
            var atTokenStart = true
            var tokenStartColumn = indent
            var keyColumn: Int?  // column of the key before the last `: ` on this line
            var dashColumn: Int?  // column of the last `- ` seen at a token start
            var lastToken: (start: Int, end: Int, column: Int)?
            while index < content.upperBound {
                let byte = bytes[index]
                switch quote {
                case .double:
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == UInt8(ascii: "\"") { quote = .none }
                    index += 1
                    continue
                case .single:
                    if byte == UInt8(ascii: "'") {
                        if index + 1 < content.upperBound, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                        quote = .none
                    }
                    index += 1
                    continue
                case .none:
                    break
                }
                let column = index - content.lowerBound
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    index += 1
                    continue
                }
                let previous = index > content.lowerBound ? bytes[index - 1] : UInt8(ascii: " ")
                let next = index + 1 < content.upperBound ? bytes[index + 1] : UInt8(ascii: " ")
                let nextIsSpace = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
                if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || index == content.lowerBound {
                    comments.append(Comment(range: ByteRange(index, content.upperBound), line: line, isWholeLine: column == indent))
                    break
                }
                if atTokenStart {
                    tokenStartColumn = column
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte == UInt8(ascii: "\"") ? .double : .single
                        atTokenStart = false
                        lastToken = nil
                        index += 1
                        continue
                    }
                    if byte == UInt8(ascii: "-"), nextIsSpace {
                        dashColumn = column
                        index += 1
                        continue
                    }
                    if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                        flowDepth += 1
                        index += 1
                        continue
                    }
                    atTokenStart = false
                    lastToken = (index, index, column)
                }
                if byte == UInt8(ascii: ":"), nextIsSpace || index + 1 == content.upperBound {
                    keyColumn = tokenStartColumn
                    atTokenStart = true
                    lastToken = nil
                } else if flowDepth > 0, byte == UInt8(ascii: ",") {
                    atTokenStart = true
                    lastToken = nil
                } else if flowDepth > 0, byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    flowDepth -= 1
                    lastToken = nil
                } else if lastToken != nil {
                    lastToken?.end = index + 1
                }
                index += 1
            }
            // A block scalar header (`|`, `>-`, `|2`...) ends the line: its content follows,
            // indented more than the key (or the `- ` of a list item) that owns it.
            if quote == .none, let token = lastToken, isBlockHeader(bytes[token.start..<token.end]) {
                if let keyColumn, token.column > keyColumn {
                    blockParentIndent = keyColumn
                } else {
                    blockParentIndent = dashColumn ?? -1
                }
            }
        }
        return comments
    }

    private static func indentation(_ bytes: [UInt8], _ range: ByteRange) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index - range.lowerBound
    }

    private static func isBlockHeader(_ token: ArraySlice<UInt8>) -> Bool {
        guard let first = token.first, first == UInt8(ascii: "|") || first == UInt8(ascii: ">") else { return false }
        return token.dropFirst().allSatisfy { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) }
    }
}
