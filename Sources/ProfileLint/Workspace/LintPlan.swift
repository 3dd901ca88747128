import Foundation

/// Which configuration governs which profile, with each configuration's session built only
/// when it is first asked for: a run whose files all come from the lint result cache builds
/// none (no rules compiled, no corpus loaded).
package struct LintPlan {
    /// Profiles governed by one configuration (nil: the defaults alone).
    package struct Target {
        package var configuration: Configuration?
        /// Mistakes found in the configuration while planning, reported when its session is built.
        var pending: RuleFileErrors
        package var files: [String]
    }

    package private(set) var targets: [Target] = []
    private var factory: SessionFactory
    private var sessions: [Int: LintSession] = [:]
    private var resultKeys: [KeyRequest: String?] = [:]

    private struct KeyRequest: Hashable {
        var target: Int
        var insights: Bool
    }

    /// The targets for `files`. With `--config`, that file governs all; otherwise each profile
    /// gets the `.profilelint.yml` found from its directory upward (or none). With no files, the
    /// configuration's `profiles` are linted (the configuration is `--config` or the one found
    /// from the current directory). Each session gets the corpus of `--corpus` or else of its
    /// configuration's `corpus` (with the configuration's `column_map` under `--column`); a
    /// corpus is loaded once for all sessions that name the same one. `known` holds
    /// configurations the caller has read already, by path (not read again).
    package init(files: [String], options: SessionFactory.Options, known: [String: Configuration] = [:]) throws(LintSetupError) {
        factory = SessionFactory(options: options)
        func configuration(at path: String) throws(LintSetupError) -> Configuration {
            if let read = known[path] { return read }
            return try SessionFactory.configuration(at: path)
        }
        if let configPath = options.configPath {
            let configuration = try configuration(at: configPath)
            targets = [files.isEmpty ? try configuredProfiles(configuration)
                                     : Target(configuration: configuration, pending: RuleFileErrors(), files: files)]
            return
        }
        if files.isEmpty {
            guard let path = ConfigDiscovery.find(from: ".") else {
                throw .usage("no profile files given and no \(Configuration.fileNames[0]) found in this directory or above")
            }
            targets = [try configuredProfiles(try configuration(at: path))]
            return
        }
        var indexByConfig: [String: Int] = [:]
        var configByDirectory: [String: String?] = [:]  // one search per directory
        for file in files {
            let directory = PathText.directory(of: file)
            let configPath = configByDirectory[directory] ?? ConfigDiscovery.find(from: directory)
            configByDirectory[directory] = configPath
            let key = configPath.map { PathText.absolute($0) } ?? ""
            if let index = indexByConfig[key] {
                targets[index].files.append(file)
                continue
            }
            let configuration = try configPath.map { path throws(LintSetupError) in try configuration(at: path) }
            indexByConfig[key] = targets.count
            targets.append(Target(configuration: configuration, pending: RuleFileErrors(), files: [file]))
        }
    }

    /// The configuration's profiles; a bad `profiles` entry is reported with the configuration's
    /// other mistakes, which come before a list that finds no file.
    private mutating func configuredProfiles(_ configuration: Configuration) throws(LintSetupError) -> Target {
        var errors = RuleFileErrors()
        let found = configuration.profileFiles(collecting: &errors)
        guard !found.isEmpty else {
            _ = try factory.build(configuration: configuration, pending: errors)
            throw .usage("no profile files given, and \(configuration.file.path) lists no 'profiles'")
        }
        return Target(configuration: configuration, pending: errors, files: found)
    }

    /// The session of target `index`, built the first time (`progress` counts the corpus files
    /// it parses); a mistake in its configuration, rules or corpus is thrown.
    package mutating func session(_ index: Int, progress: LoadProgress? = nil) throws(LintSetupError) -> LintSession {
        if let built = sessions[index] { return built }
        factory.options.corpusProgress = progress
        let built = try factory.build(configuration: targets[index].configuration, pending: targets[index].pending).session
        sessions[index] = built
        return built
    }

    /// Whether target `index`'s session is built.
    package func hasSession(_ index: Int) -> Bool {
        sessions[index] != nil
    }

    /// The lint result cache's key for target `index` (see `SessionFactory.resultKey`), worked
    /// out once per run.
    package mutating func resultKey(_ index: Int, insights: Bool) -> String? {
        let request = KeyRequest(target: index, insights: insights)
        if let known = resultKeys[request] { return known }
        let key = factory.resultKey(configuration: targets[index].configuration, pending: targets[index].pending, insights: insights)
        resultKeys[request] = .some(key)
        return key
    }

    /// The facts the reports need about target `index`'s rules: from its session when it is
    /// built; else from the result cache, stored there under the target's key by the run that
    /// linted its files; else its rules described without building their checks
    /// (`SessionFactory.describedRules`), then stored for the next run.
    package mutating func reportedRules(_ index: Int, cache: ResultCache?, insights: Bool) throws(LintSetupError) -> RuleCatalog {
        if let built = sessions[index] { return RuleCatalog(built.ruleSet) }
        let key = cache == nil ? nil : resultKey(index, insights: insights)
        if let key, let stored = cache?.readRules(sessionKey: key) { return stored }
        let described = RuleCatalog(try factory.describedRules(configuration: targets[index].configuration))
        if let key { cache?.writeRules(described, sessionKey: key) }
        return described
    }

    /// The baseline every session applies (`--baseline`).
    package var baseline: Baseline? { factory.options.baseline }
}
