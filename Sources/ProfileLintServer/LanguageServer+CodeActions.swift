import Foundation
import ProfileLint

/// `textDocument/codeAction`: the quick fixes of the diagnostics in a range.
extension LanguageServer {
    func codeActions(_ params: CodeActionParams) async -> [CodeAction] {
        if let only = params.context.only, !only.contains(where: { "quickfix".hasPrefix($0) }) { return [] }
        guard let (document, result, environment) = await currentResult(params.textDocument.uri) else { return [] }
        let requested = document.file.byteRange(params.range, encoding: encoding)
        var actions: [CodeAction] = []
        for diagnostic in result.diagnostics where Self.touches(diagnostic.range, requested) {
            for fix in diagnostic.fixes {
                actions.append(CodeAction(
                    title: fix.description, kind: "quickfix",
                    diagnostics: [lspDiagnostic(diagnostic, in: document, rules: environment.ruleSet)],
                    isPreferred: diagnostic.fixes.count == 1,
                    edit: workspaceEdit(fix.edits, in: document)))
            }
        }
        return actions
    }

    func workspaceEdit(_ edits: [TextEdit], in document: OpenDocument) -> WorkspaceEdit {
        let lspEdits = edits.map { LSPTextEdit(range: document.file.lspRange($0.range, encoding: encoding), newText: $0.replacement) }
        if client.documentChanges {
            return WorkspaceEdit(documentChanges: [TextDocumentEdit(
                textDocument: VersionedTextDocumentIdentifier(uri: document.uri, version: document.version), edits: lspEdits)])
        }
        return WorkspaceEdit(changes: [document.uri: lspEdits])
    }

    /// Whether two ranges overlap or touch (a cursor at either end of a range is on it).
    static func touches(_ a: ByteRange, _ b: ByteRange) -> Bool {
        a.lowerBound <= b.upperBound && b.lowerBound <= a.upperBound
    }
}
