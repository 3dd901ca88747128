import Foundation
import ProfileLint

/// Document sync (`didOpen`, `didChange`, `didSave`, `didClose`), debounced linting and
/// published diagnostics.
extension LanguageServer {
    func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        documents[item.uri] = OpenDocument(uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
        lintAndPublish(item.uri)
    }

    func didChange(_ params: DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else {
            log(.warning, "ignored a change to '\(uri)', which is not open")
            return
        }
        for change in params.contentChanges {
            document.file = document.file.applying(change, encoding: encoding)
        }
        document.version = params.textDocument.version
        document.lintResult = nil
        documents[uri] = document
        scheduleLint(uri)
    }

    func didSave(_ params: DidSaveTextDocumentParams) {
        if !reload(forChangedURIs: [params.textDocument.uri]), pendingLints[params.textDocument.uri] != nil {
            lintAndPublish(params.textDocument.uri)
        }
    }

    func didClose(_ params: DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        pendingLints.removeValue(forKey: uri)?.task.cancel()
        documents[uri] = nil
        // Clear what the editor shows for the closed file.
        send(OutgoingMessage.notification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])))
    }

    /// Lints after the debounce delay; a newer change replaces the waiting lint.
    func scheduleLint(_ uri: String) {
        pendingLints[uri]?.task.cancel()
        nextToken += 1
        let token = nextToken
        let delay = Duration.milliseconds(settings.debounceMilliseconds)
        let task = Task {
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            self.runScheduledLint(uri, token: token)
        }
        pendingLints[uri] = (token, task)
    }

    func runScheduledLint(_ uri: String, token: Int) {
        guard pendingLints[uri]?.token == token else { return }
        lintAndPublish(uri)
    }

    func cancelPendingLints() {
        for pending in pendingLints.values { pending.task.cancel() }
        pendingLints = [:]
    }

    /// The lint result of a document's current text (linting it now if a change is pending),
    /// or nil for a document the server does not lint.
    func currentResult(_ uri: String) -> (document: OpenDocument, result: LintResult, environment: LintEnvironment)? {
        guard var document = documents[uri], isLinted(document), let environment = environment(forScope: scope(of: document)) else {
            return nil
        }
        if let result = document.lintResult { return (document, result, environment) }
        let result = environment.lint(document.file)
        document.lintResult = result
        documents[uri] = document
        return (document, result, environment)
    }

    /// Profiles are linted; other languages, the configuration file, rule files and corpus files are not.
    func isLinted(_ document: OpenDocument) -> Bool {
        guard document.isProfileCandidate, !isRuleFile(path: document.file.path) else { return false }
        let path = document.file.path
        return !environments.values.contains { built in (try? built.get()).map { Self.isCorpusFile(path, of: $0) } ?? false }
    }

    func lintAndPublish(_ uri: String) {
        pendingLints.removeValue(forKey: uri)?.task.cancel()
        guard let document = documents[uri] else { return }
        let diagnostics = currentResult(uri).map { current in
            current.result.diagnostics.map { lspDiagnostic($0, in: current.document, rules: current.environment.ruleSet) }
        } ?? []
        send(OutgoingMessage.notification("textDocument/publishDiagnostics",
                                          PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics)))
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, in document: OpenDocument, rules: RuleSet) -> LSPDiagnostic {
        let file = document.file
        let rule = rules.rule(diagnostic.ruleID)
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
            codeDescription: rule?.helpURI.map(CodeDescription.init(href:)),
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
