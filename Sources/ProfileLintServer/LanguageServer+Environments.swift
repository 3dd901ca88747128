import Foundation
import ProfileLint

/// Settings and the lint environments: one per configuration scope, built once and reused,
/// rebuilt when the settings or the files they come from change.
extension LanguageServer {
    func applySettings(_ json: JSON?) {
        var problems: [String] = []
        settings = ServerSettings(json: json, problems: &problems)
        for problem in problems { show(.warning, problem) }
    }

    /// The scope of the documents in `directory`: the absolute path of the `.profilelint.yml`
    /// found from it upward, or "" when none governs it. Cached per directory until a reload.
    func scope(forDirectory directory: String) -> String {
        if let known = scopes[directory] { return known }
        let found = ConfigDiscovery.find(from: directory).map { PathText.absolute($0) } ?? ""
        scopes[directory] = found
        return found
    }

    func scope(of document: OpenDocument) -> String {
        scope(forDirectory: (document.file.path as NSString).deletingLastPathComponent)
    }

    /// The environment of a scope, built on first use and reused for every edit after. It is
    /// built off the actor, so the server keeps answering while a corpus loads. When it cannot
    /// be built the user is told why (file, line, column), and the scope keeps the environment
    /// it had before the reload, if any.
    func environment(forScope scope: String) async -> LintEnvironment? {
        while !Task.isCancelled {
            if let built = environments[scope] { return try? built.get() }
            await (environmentLoads[scope]?.task ?? startLoad(forScope: scope)).value
            // Either the load stored its outcome, or a reload replaced it: look again.
        }
        return nil
    }

    /// Starts building the environment of `scope` on a thread of its own.
    @discardableResult
    func startLoad(forScope scope: String) -> Task<Void, Never> {
        nextToken += 1
        let token = nextToken
        let (load, settings, root) = (loadEnvironment, settings, workspaceRoot)
        let counter = LoadProgress()
        let progress = beginProgress(counting: counter)
        let task = Task {
            let outcome = await LargeStack.run { Result { try load(settings, root, scope.isEmpty ? nil : scope, counter) } }
            self.finishLoad(forScope: scope, outcome, token: token)
            self.endProgress(progress, message: Self.progressEndMessage(outcome))
        }
        environmentLoads[scope] = (token, task)
        return task
    }

    /// What the progress of a load ends with: the corpus it loaded, or that it failed.
    private static func progressEndMessage(_ outcome: Result<LintEnvironment, any Error>) -> String {
        switch outcome {
        case .success(let loaded): loaded.summary.last ?? "ready"
        case .failure: "failed (see the error message)"
        }
    }

    private func finishLoad(forScope scope: String, _ outcome: Result<LintEnvironment, any Error>, token: Int) {
        guard environmentLoads[scope]?.token == token else { return }
        environmentLoads[scope] = nil
        switch outcome {
        case .success(let loaded):
            environmentLoadCount += 1
            environments[scope] = .success(loaded)
            for line in loaded.summary { log(.info, line) }
            log(.info, "lint environment ready (load \(environmentLoadCount))")
        case .failure(let error):
            show(.error, "profilelint: \(error)")
            environments[scope] = previousEnvironments[scope].map { .success($0) } ?? .failure(EnvironmentError("\(error)"))
        }
        previousEnvironments[scope] = nil
        updateCorpusWatchers()
    }

    /// Rebuilds the environments (rules, corpus, configuration) and re-lints every open
    /// document. The workspace's own environment starts loading at once, so its corpus loads
    /// now rather than at the first keystroke.
    func reloadEnvironment() {
        previousEnvironments.merge(environments.compactMapValues { try? $0.get() }) { _, current in current }
        environments = [:]
        environmentLoads = [:]
        scopes = [:]
        startLoad(forScope: scope(forDirectory: workspaceRoot ?? FileManager.default.currentDirectoryPath))
        for uri in documents.keys.sorted() {
            documents[uri]?.lintResult = nil
            scheduleLint(uri, after: nil)
        }
    }

    /// Rebuilds the environments of `affected` scopes (their corpus changed on disk; the
    /// corpus cache is keyed by content, so changed files are read again) and re-lints the
    /// open documents of those scopes.
    func reloadCorpus(scopes affected: Set<String>) {
        for scope in affected.sorted() {
            if let working = try? environments[scope]?.get() { previousEnvironments[scope] = working }
            environments[scope] = nil
            startLoad(forScope: scope)
        }
        for uri in documents.keys.sorted() {
            guard let document = documents[uri], affected.contains(scope(of: document)) else { continue }
            documents[uri]?.lintResult = nil
            scheduleLint(uri, after: nil)
        }
    }

    func didChangeConfiguration(_ newSettings: JSON?) {
        applySettings(newSettings)
        reloadEnvironment()
    }
}
