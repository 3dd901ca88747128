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

    /// The environment of a scope, built on first use and reused for every edit after.
    /// When it cannot be built the user is told why (file, line, column), and the scope keeps
    /// the environment it had before the reload, if any.
    func environment(forScope scope: String) -> LintEnvironment? {
        if let built = environments[scope] { return try? built.get() }
        do {
            let loaded = try loadEnvironment(settings, workspaceRoot, scope.isEmpty ? nil : scope)
            environmentLoadCount += 1
            environments[scope] = .success(loaded)
            for line in loaded.summary { log(.info, line) }
            log(.info, "lint environment ready (load \(environmentLoadCount))")
            updateCorpusWatchers()
            return loaded
        } catch {
            show(.error, "profilelint: \(error)")
            if let previous = previousEnvironments[scope] {
                environments[scope] = .success(previous)
                return previous
            }
            environments[scope] = .failure(EnvironmentError("\(error)"))
            return nil
        }
    }

    /// Rebuilds the environments (rules, corpus, configuration) and re-lints every open
    /// document. The workspace's own environment is built at once, so its corpus loads now
    /// rather than at the first keystroke.
    func reloadEnvironment() {
        previousEnvironments = environments.compactMapValues { try? $0.get() }
        environments = [:]
        scopes = [:]
        _ = environment(forScope: scope(forDirectory: workspaceRoot ?? FileManager.default.currentDirectoryPath))
        for uri in documents.keys.sorted() {
            documents[uri]?.lintResult = nil
            lintAndPublish(uri)
        }
        previousEnvironments = [:]
        updateCorpusWatchers()
    }

    /// Rebuilds the environments of `affected` scopes (their corpus changed on disk; the
    /// corpus cache is keyed by content, so changed files are read again) and re-lints the
    /// open documents of those scopes.
    func reloadCorpus(scopes affected: Set<String>) {
        previousEnvironments = environments.filter { affected.contains($0.key) }.compactMapValues { try? $0.get() }
        for scope in affected.sorted() {
            environments[scope] = nil
            _ = environment(forScope: scope)
        }
        for uri in documents.keys.sorted() {
            guard let document = documents[uri], affected.contains(scope(of: document)) else { continue }
            documents[uri]?.lintResult = nil
            lintAndPublish(uri)
        }
        previousEnvironments = [:]
        updateCorpusWatchers()
    }

    func didChangeConfiguration(_ newSettings: JSON?) {
        applySettings(newSettings)
        reloadEnvironment()
    }
}
