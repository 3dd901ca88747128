import Foundation
import ProfileLint

/// Watched files: asking the editor to watch configuration, rule and corpus files, and
/// reloading what a changed file affects.
extension LanguageServer {
    /// Asks the editor to watch the corpus files of the environments in use (replacing the
    /// previous corpus registration when the set of paths changed). A corpus may lie outside
    /// the workspace, so its patterns are anchored at the corpus paths themselves.
    func updateCorpusWatchers() {
        guard client.watchedFilesRegistration, lifecycle == .running else { return }
        let environmentsInUse = environments.values.compactMap { try? $0.get() } + previousEnvironments.values
        let paths = Set(environmentsInUse.flatMap(\.corpusPaths)).sorted()
        guard paths != (corpusWatch?.paths ?? []) else { return }
        if let previous = corpusWatch {
            send(OutgoingMessage.request(id: .string("unregister-\(previous.registrationID)"), "client/unregisterCapability",
                                         UnregistrationParams(unregisterations: [
                                             Unregistration(id: previous.registrationID, method: "workspace/didChangeWatchedFiles")])))
            corpusWatch = nil
        }
        guard !paths.isEmpty else { return }
        nextRegistration += 1
        let id = "profilelint-corpus-\(nextRegistration)"
        let registration = Registration(id: id, method: "workspace/didChangeWatchedFiles",
                                        registerOptions: .init(watchers: paths.map(corpusWatcher)))
        send(OutgoingMessage.request(id: .string("register-\(id)"), "client/registerCapability",
                                     RegistrationParams(registrations: [registration])))
        corpusWatch = (paths, id)
    }

    /// A watcher for a corpus file, or for the files anywhere under a corpus directory.
    func corpusWatcher(_ path: String) -> FileSystemWatcher {
        var isDirectory: ObjCBool = false
        let directory = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        let base = directory ? path : (path as NSString).deletingLastPathComponent
        let pattern = directory ? "**/*" : (path as NSString).lastPathComponent
        if client.relativePatterns {
            return FileSystemWatcher(globPattern: .relative(baseUri: URL(fileURLWithPath: base, isDirectory: true).absoluteString,
                                                            pattern: pattern))
        }
        return FileSystemWatcher(globPattern: .pattern(directory ? "\(path)/\(pattern)" : path))
    }

    func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
        _ = reload(forChangedURIs: params.changes.map(\.uri))
    }

    /// Reloads what changed files affect: everything for a configuration or rule file, only
    /// the environments built from it for a corpus file. Returns whether anything was reloaded.
    func reload(forChangedURIs uris: [String]) -> Bool {
        if uris.contains(where: affectsEnvironment(uri:)) {
            reloadEnvironment()
            return true
        }
        let paths = uris.compactMap(WorkspaceFiles.path(ofURI:))
        let affected = Set(environments.compactMap { scope, built -> String? in
            guard let environment = try? built.get() else { return nil }
            return paths.contains { Self.isCorpusFile($0, of: environment) } ? scope : nil
        })
        guard !affected.isEmpty else { return false }
        reloadCorpus(scopes: affected)
        return true
    }

    /// Whether `path` is, or could be, one of the job-post files the environment's corpus reads:
    /// a corpus file itself, or a file the corpus loader would pick up under a corpus directory
    /// (or a subdirectory there, which may have held some).
    static func isCorpusFile(_ path: String, of environment: LintEnvironment) -> Bool {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        return environment.corpusPaths.contains { corpusPath in
            if path == corpusPath { return true }
            guard path.hasPrefix(corpusPath + "/") else { return false }
            let relative = path.dropFirst(corpusPath.count + 1).split(separator: "/")
            guard !relative.contains(where: { $0.hasPrefix(".") }) else { return false } // the loader skips hidden files
            return CorpusFormat(path: path) != nil || (path as NSString).pathExtension.isEmpty
        }
    }

    /// Whether a file is the configuration file or a rule file the environment was built from.
    func affectsEnvironment(uri: String) -> Bool {
        guard let path = WorkspaceFiles.path(ofURI: uri) else { return false }
        if Configuration.fileNames.contains((path as NSString).lastPathComponent) { return true }
        return isRuleFile(path: path)
    }

    func isRuleFile(path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        return environments.values.contains { (try? $0.get())?.ruleDirectories.contains(directory) == true }
    }
}
