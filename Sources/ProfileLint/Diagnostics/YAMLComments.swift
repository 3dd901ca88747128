/// Finds the comments of a YAML source by a lexical scan: a `#` starts a comment at the
/// start of a line or after a space or tab, and never inside a quoted scalar (single
/// or double, also across lines) or the content of a block scalar (`|`, `>`). So
/// `C#`, `https://host/page#part`, `"# quoted"` and the text of an `overview: |` block
/// are not comments.
public enum YAMLComments {
    /// One comment: its range from `#` to the end of the line, and its text after `#`.
    public struct Comment: Sendable, Equatable {
        public var range: ByteRange
        /// 0-based index of the line the comment is on.
        public var line: Int
        /// Whether only whitespace precedes the comment on its line.
        public var isWholeLine: Bool
    }

    /// Every comment of `file`, in order.
    public static func scan(_ file: SourceFile) -> [Comment] {
        var scanner = Scanner(bytes: file.bytes)
        for line in 0..<file.lineCount {
            scanner.scanLine(line, content: file.lineContentRange(line))
        }
        return scanner.comments
    }

    private enum Quote { case none, single, double }

    /// The state carried from line to line (quotes, flow depth, block scalars), and the
    /// state of the line being scanned.
    private struct Scanner {
        let bytes: [UInt8]
        var comments: [Comment] = []
        var quote = Quote.none
        var flowDepth = 0
        /// Set while inside a block scalar's content: its lines are indented more than this.
        var blockParentIndent: Int?

        // The line being scanned.
        var content = ByteRange(0, 0)
        var indent = 0
        /// Where a new token may start (line start, after `- `, `: `, `[`, `{`, `,`).
        var atTokenStart = true
        var tokenStartColumn = 0
        /// Column of the key before the last `: ` on this line.
        var keyColumn: Int?
        /// Column of the last `- ` seen at a token start.
        var dashColumn: Int?
        var lastToken: (start: Int, end: Int, column: Int)?

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func scanLine(_ line: Int, content: ByteRange) {
            let indent = YAMLComments.indentation(bytes, content)
            if let parent = blockParentIndent, quote == .none {
                if indent == content.count || indent > parent { return }
                blockParentIndent = nil
            }
            self.content = content
            self.indent = indent
            atTokenStart = true
            tokenStartColumn = indent
            keyColumn = nil
            dashColumn = nil
            lastToken = nil
            var index = content.lowerBound
            while index < content.upperBound {
                if quote != .none {
                    index = skipQuoted(from: index)
                    continue
                }
                if bytes[index] == UInt8(ascii: "#"), isCommentStart(index) {
                    let column = index - content.lowerBound
                    comments.append(Comment(range: ByteRange(index, content.upperBound), line: line, isWholeLine: column == indent))
                    break
                }
                index = scanToken(at: index)
            }
            noteBlockScalarHeader()
        }

        /// The offset after the byte at `index` inside a quoted scalar (two for an escape
        /// or a doubled `''`); ends the quote at its closing mark.
        mutating func skipQuoted(from index: Int) -> Int {
            let byte = bytes[index]
            if quote == .double {
                if byte == UInt8(ascii: "\\") { return index + 2 }
                if byte == UInt8(ascii: "\"") { quote = .none }
            } else if byte == UInt8(ascii: "'") {
                if index + 1 < content.upperBound, bytes[index + 1] == UInt8(ascii: "'") { return index + 2 }
                quote = .none
            }
            return index + 1
        }

        /// Whether a `#` at `index` starts a comment: at the line start or after a blank.
        func isCommentStart(_ index: Int) -> Bool {
            index == content.lowerBound || bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t")
        }

        /// Reads the byte at `index` outside quotes; returns the offset to go on from.
        mutating func scanToken(at index: Int) -> Int {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { return index + 1 }
            let column = index - content.lowerBound
            let next = index + 1 < content.upperBound ? bytes[index + 1] : UInt8(ascii: " ")
            let nextIsSpace = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
            if atTokenStart {
                tokenStartColumn = column
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte == UInt8(ascii: "\"") ? .double : .single
                    atTokenStart = false
                    lastToken = nil
                    return index + 1
                }
                if byte == UInt8(ascii: "-"), nextIsSpace {
                    dashColumn = column
                    return index + 1
                }
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    flowDepth += 1
                    return index + 1
                }
                atTokenStart = false
                lastToken = (index, index, column)
            }
            scanIndicator(byte, at: index, nextIsSpace: nextIsSpace)
            return index + 1
        }

        /// Follows `: `, and in flow context `,`, `]` and `}`; otherwise extends the token.
        mutating func scanIndicator(_ byte: UInt8, at index: Int, nextIsSpace: Bool) {
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
        }

        /// A block scalar header (`|`, `>-`, `|2`...) ends the line: its content follows,
        /// indented more than the key (or the `- ` of a list item) that owns it.
        mutating func noteBlockScalarHeader() {
            guard quote == .none, let token = lastToken, YAMLComments.isBlockHeader(bytes[token.start..<token.end]) else { return }
            if let keyColumn, token.column > keyColumn {
                blockParentIndent = keyColumn
            } else {
                blockParentIndent = dashColumn ?? -1
            }
        }
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
