import ProfileLint

/// Diagnostics as LSP shows them: ranges in the negotiated encoding, notes as related
/// information (or appended lines when the client cannot show it).
extension LanguageServer {
    func lspDiagnostic(_ diagnostic: Diagnostic, in document: OpenDocument, rules: RuleSet) -> LSPDiagnostic {
        let file = document.file
        var message = diagnostic.message
        var related: [DiagnosticRelatedInformation]?
        if !diagnostic.notes.isEmpty {
            if client.relatedInformation {
                // Evidence without a place of its own points at the diagnostic's range.
                related = diagnostic.notes.map { note in
                    DiagnosticRelatedInformation(
                        location: Location(uri: document.uri, range: file.lspRange(note.range ?? diagnostic.range, encoding: encoding)),
                        message: note.message)
                }
            } else {
                message += diagnostic.notes.map { "\nnote: \($0.message)" }.joined()
            }
        }
        return LSPDiagnostic(
            range: file.lspRange(diagnostic.range, encoding: encoding),
            severity: Self.severity(diagnostic.severity),
            code: diagnostic.ruleID,
            codeDescription: rules.helpURI(for: diagnostic.ruleID).map(CodeDescription.init(href:)),
            source: Self.sourceName,
            message: message,
            relatedInformation: related)
    }

    static func severity(_ severity: Severity) -> DiagnosticSeverity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .information
        }
    }
}
