import Foundation
import ProfileLint
import Testing
@testable import ProfileLintServer

/// Quick fixes as workspace edits, in UTF-16 columns, through the whole loop: publish →
/// code action → apply the edit as the client would → the diagnostic is gone. The findings
/// come from a stand-in check (a duplicate skill tag with a deleting fix) so this does not
/// depend on which default rules produce fixes.
@Suite struct CodeActionTests {
    static let duplicate = "🚀 Growth"

    /// Flags the second occurrence of `duplicate` with a fix deleting ", 🚀 Growth" and a
    /// note at the first occurrence.
    static func duplicateFinder(_ file: SourceFile) -> LintResult {
        let text = file.text
        guard let first = text.range(of: duplicate),
              let second = text.range(of: duplicate, range: first.upperBound..<text.endIndex) else {
            return LintResult(file: file, diagnostics: [])
        }
        func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) }
        let separator = text.range(of: ", ", options: .backwards, range: first.upperBound..<second.lowerBound)!
        let diagnostic = Diagnostic(
            ruleID: "skills-limit", severity: .warning, message: "'\(duplicate)' is listed twice",
            range: ByteRange(offset(second.lowerBound), offset(second.upperBound)), fieldPath: "skills[2]",
            notes: [Note("first listed here", range: ByteRange(offset(first.lowerBound), offset(first.upperBound)))],
            fixes: [Fix(description: "Remove the duplicate skill tag",
                        edits: [TextEdit(range: ByteRange(offset(separator.lowerBound), offset(second.upperBound)), replacement: "")])])
        return LintResult(file: file, diagnostics: [diagnostic])
    }

    private func utf16Column(_ line: String, before needle: String, occurrence: Int = 1) -> Int {
        var searchFrom = line.startIndex
        var found = line.startIndex
        for _ in 0..<occurrence {
            found = line.range(of: needle, range: searchFrom..<line.endIndex)!.lowerBound
            searchFrom = line.index(after: found)
        }
        return line[..<found].utf16.count
    }

    @Test func quickFixRoundTripInUTF16() async throws {
        let environment = try LanguageServerTests.environment()
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, _, _, _ in
            LintEnvironment(ruleSet: environment.ruleSet, ruleDirectories: environment.ruleDirectories, lint: Self.duplicateFinder)
        }, terminate: { _ in })
        func send(_ json: String) async { _ = await server.receive(.message(Array(json.utf8))) }

        let capabilities = #"{"workspace":{"workspaceEdit":{"documentChanges":true}},"textDocument":{"publishDiagnostics":{"relatedInformation":true}}}"#
        await send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":\#(capabilities)}}"#)
        await send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        let line = "skills: [\(Self.duplicate), SEO, \(Self.duplicate)]"
        let text = "title: x\n\(line)\n"
        let textJSON = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        await send(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":\#(textJSON)}}}"#)

        let published = await outbox.first { $0["method"]?.string == "textDocument/publishDiagnostics" }
        let diagnostic = try #require(published?["params"]?["diagnostics"]?.array?.first)
        let start = utf16Column(line, before: Self.duplicate, occurrence: 2)
        #expect(start == 25) // "skills: [" 9 + "🚀 Growth" 9 UTF-16 units + ", SEO, " 7; not 24 scalars or 27 bytes
        #expect(diagnostic["range"] == position(1, start, 1, start + Self.duplicate.utf16.count))
        #expect(diagnostic["relatedInformation"]?.array?.first?["location"]?["range"] == position(1, 9, 1, 9 + Self.duplicate.utf16.count))
        #expect(diagnostic["relatedInformation"]?.array?.first?["message"] == .string("first listed here"))

        await send(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///w/p.yaml"},"range":\#(encode(position(1, start + 2, 1, start + 2))),"context":{"diagnostics":[]}}}"#)
        let answer = await outbox.first { $0["id"] == .integer(2) }
        let action = try #require(answer?["result"]?.array?.first)
        #expect(action["kind"] == .string("quickfix"))
        #expect(action["title"] == .string("Remove the duplicate skill tag"))
        let documentEdit = try #require(action["edit"]?["documentChanges"]?.array?.first)
        #expect(documentEdit["textDocument"] == .object(["uri": .string("file:///w/p.yaml"), "version": .integer(1)]))
        let edit = try #require(documentEdit["edits"]?.array?.first)
        let removalStart = utf16Column(line, before: ", \(Self.duplicate)")
        #expect(edit["range"] == position(1, removalStart, 1, start + Self.duplicate.utf16.count))
        #expect(edit["newText"] == .string(""))

        // Apply the edit as the client would, as an incremental change: the finding is gone.
        await send(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///w/p.yaml","version":2},"contentChanges":[{"range":\#(encode(edit["range"]!)),"text":""}]}}"#)
        let after = await outbox.first { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["version"] == .integer(2) }
        #expect(after?["params"]?["diagnostics"] == .array([]))

        // No action is offered where there is no fixable finding, nor for other kinds.
        await send(#"{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///w/p.yaml"},"range":\#(encode(position(0, 0, 0, 1))),"context":{"diagnostics":[],"only":["refactor"]}}}"#)
        #expect(await outbox.first { $0["id"] == .integer(3) }?["result"] == .array([]))
    }

    private func position(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSON {
        .object(["start": .object(["line": .integer(startLine), "character": .integer(startCharacter)]),
                 "end": .object(["line": .integer(endLine), "character": .integer(endCharacter)])])
    }

    private func encode(_ json: JSON) -> String {
        String(decoding: (try? JSONEncoder().encode(json)) ?? Data(), as: UTF8.self)
    }
}
