import ProfileLint
import Testing
@testable import ProfileLintServer

/// Applying `didChange` content changes to a document's bytes, in each position encoding.
@Suite struct DocumentEditTests {
    private func change(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent(range: LSPRange(start: LSPPosition(line: startLine, character: startCharacter),
                                                       end: LSPPosition(line: endLine, character: endCharacter)), text: text)
    }

    @Test func utf16ColumnsAfterAnAstralEmoji() {
        let file = SourceFile(path: "p.yaml", text: "a: 😀x\n")
        // 😀 is two UTF-16 units: "x" starts at character 5.
        #expect(file.applying(change(0, 5, 0, 6, "y"), encoding: .utf16).text == "a: 😀y\n")
        // In UTF-8 the emoji is four bytes: character 7 is just before "x".
        #expect(file.applying(change(0, 7, 0, 7, "z"), encoding: .utf8).text == "a: 😀zx\n")
    }

    @Test func editsAcrossCRLFLines() {
        let file = SourceFile(path: "p.yaml", text: "title: a\r\nskills: [b]\r\n")
        let edited = file.applying(change(0, 7, 1, 6, "x\r\ntags"), encoding: .utf16)
        #expect(edited.text == "title: x\r\ntags: [b]\r\n")
        #expect(edited.lineCount == 3)
    }

    @Test func positionsPastTheEndClamp() {
        let file = SourceFile(path: "p.yaml", text: "ab\ncd")
        // A character past the line's end means the line's end; a line past the end, the file's end.
        #expect(file.applying(change(0, 99, 0, 99, "!"), encoding: .utf16).text == "ab!\ncd")
        #expect(file.applying(change(9, 0, 9, 0, "!"), encoding: .utf16).text == "ab\ncd!")
        // A reversed range is empty at its start rather than a crash.
        #expect(file.applying(change(1, 1, 0, 0, "-"), encoding: .utf8).text == "ab\nc-d")
    }

    @Test func wholeTextReplacement() {
        let file = SourceFile(path: "p.json", text: "{}")
        let edited = file.applying(TextDocumentContentChangeEvent(range: nil, text: "{\"title\": \"é\"}"), encoding: .utf16)
        #expect(edited.text == "{\"title\": \"é\"}")
        #expect(edited.path == "p.json")
    }

    @Test func lspRangesInBothEncodings() {
        let file = SourceFile(path: "p.yaml", text: "x: 😀é\n")
        let range = ByteRange(3, 9) // "😀é" is 4 + 2 bytes
        #expect(file.lspRange(range, encoding: .utf16) == LSPRange(start: LSPPosition(line: 0, character: 3), end: LSPPosition(line: 0, character: 6)))
        #expect(file.lspRange(range, encoding: .utf8) == LSPRange(start: LSPPosition(line: 0, character: 3), end: LSPPosition(line: 0, character: 9)))
    }

    @Test func negotiation() {
        #expect(PositionEncoding.negotiate(offered: nil) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-32", "utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
    }
}
