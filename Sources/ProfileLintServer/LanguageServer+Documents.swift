import Foundation
import ProfileLint

/// Document sync (`didOpen`, `didChange`, `didSave`, `didClose`), debounced linting and
/// published diagnostics.
extension LanguageServer {
    func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        var document = OpenDocument(uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
        nextRevision += 1
        document.revision = nextRevision
        documents[item.uri] = document
        scheduleLint(item.uri, after: nil)
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
        nextRevision += 1
        document.revision = nextRevision
        document.lintResult = nil
        documents[uri] = document
        scheduleLint(uri, after: .milliseconds(settings.debounceMilliseconds))
    }

    func didSave(_ params: DidSaveTextDocumentParams) {
        if !reload(forChangedURIs: [params.textDocument.uri]), pendingLints[params.textDocument.uri] != nil {
            scheduleLint(params.textDocument.uri, after: nil)
        }
    }

    func didClose(_ params: DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        pendingLints.removeValue(forKey: uri)?.task.cancel()
        documents[uri] = nil
        // Clear what the editor shows for the closed file.
        send(OutgoingMessage.notification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])))
    }

    /// Lints the document (after `delay`, so a burst of keystrokes lints once) and publishes the
    /// result. A newer edit, a close or a reload replaces the waiting or running lint, which
    /// then publishes nothing.
    func scheduleLint(_ uri: String, after delay: Duration?) {
        pendingLints[uri]?.task.cancel()
        nextToken += 1
        let token = nextToken
        let task = Task {
            if let delay { try? await Task.sleep(for: delay) }
            await self.publishLint(uri, token: token)
        }
        pendingLints[uri] = (token, task)
    }

    private func publishLint(_ uri: String, token: Int) async {
        guard !Task.isCancelled, pendingLints[uri]?.token == token else { return }
        let current = await currentResult(uri)
        guard !Task.isCancelled, pendingLints[uri]?.token == token, let document = documents[uri] else { return }
        pendingLints[uri] = nil
        let diagnostics = current.map { current in
            current.result.diagnostics.map { lspDiagnostic($0, in: current.document, rules: current.environment.ruleSet) }
        } ?? []
        send(OutgoingMessage.notification("textDocument/publishDiagnostics",
                                          PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics)))
    }

    func cancelPendingLints() {
        for pending in pendingLints.values { pending.task.cancel() }
        pendingLints = [:]
    }

    /// The lint result of a document's current text (linting it, off the actor, if it has not
    /// been), or nil for a document the server does not lint or whose text changed meanwhile.
    func currentResult(_ uri: String) async -> (document: OpenDocument, result: LintResult, environment: LintEnvironment)? {
        guard let opened = documents[uri], isLinted(opened),
              let environment = await environment(forScope: scope(of: opened)),
              let document = documents[uri], document.revision == opened.revision,
              isLinted(document) // the environment now loaded may show it is a rule or corpus file
        else { return nil }
        if let result = document.lintResult { return (document, result, environment) }
        let file = document.file
        let result = await LargeStack.run { environment.lint(file) }
        guard !Task.isCancelled, let latest = documents[uri], latest.revision == document.revision else { return nil }
        documents[uri]?.lintResult = result
        return (latest, result, environment)
    }

    /// Profiles are linted; other languages, the configuration file, rule files and corpus files are not.
    func isLinted(_ document: OpenDocument) -> Bool {
        guard document.isProfileCandidate, !isRuleFile(path: document.file.path) else { return false }
        let path = document.file.path
        return !environments.values.contains { built in (try? built.get()).map { Self.isCorpusFile(path, of: $0) } ?? false }
    }
}
