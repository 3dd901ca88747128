/// Something that stops a lint run before it starts (exit status 2).
public enum LintSetupError: Error, Sendable, CustomStringConvertible {
    /// A configuration, rule or baseline file is invalid (located).
    case invalidFile(RuleFileError)
    /// The command line cannot be satisfied.
    case usage(String)

    public var description: String {
        switch self {
        case .invalidFile(let error): error.description
        case .usage(let message): "profilelint: error: \(message)"
        }
    }
}

/// Profiles to lint with the session (configuration) that governs them.
public struct LintTarget: Sendable {
    public var session: LintSession
    public var files: [String]
}

/// Decides which configuration governs which profile and builds a session per configuration.
public enum LintSetup {
    /// What the command line asked for.
    public struct Options: Sendable {
        /// `--config FILE`: one configuration for every profile (no discovery).
        public var configPath: String?
        /// `--rules DIR` (repeatable).
        public var ruleDirectories: [String]
        /// The default rule pack, if found.
        public var defaultRulesDirectory: String?
        /// `--baseline FILE`, loaded.
        public var baseline: Baseline?

        public init(configPath: String? = nil, ruleDirectories: [String] = [], defaultRulesDirectory: String?,
                    baseline: Baseline? = nil) {
            self.configPath = configPath
            self.ruleDirectories = ruleDirectories
            self.defaultRulesDirectory = defaultRulesDirectory
            self.baseline = baseline
        }
    }

    /// The targets for `files`. With `--config`, that file governs all; otherwise each
    /// profile gets the `.profilelint.yml` found from its directory upward (or none).
    /// With no files, the configuration's `profiles` are linted (the configuration is
    /// `--config` or the one found from the current directory).
    /// `makeLinter` builds the linter of each session (a front end may attach a corpus).
    public static func plan(files: [String], options: Options,
                            makeLinter: (RuleSet, Configuration?) -> Linter = { ruleSet, _ in Linter(ruleSet: ruleSet) })
        throws(LintSetupError) -> [LintTarget] {
        func session(_ configuration: Configuration?) throws(LintSetupError) -> LintSession {
            do {
                let directories = try LintSession.ruleDirectories(defaultDirectory: options.defaultRulesDirectory,
                                                                  configuration: configuration, extraDirectories: options.ruleDirectories)
                return try LintSession(ruleDirectories: directories, configuration: configuration, baseline: options.baseline) { ruleSet in
                    makeLinter(ruleSet, configuration)
                }
            } catch {
                throw .invalidFile(error)
            }
        }
        func load(_ path: String) throws(LintSetupError) -> Configuration {
            do { return try ConfigLoader.load(path: path) } catch { throw .invalidFile(error) }
        }
        func profiles(of configuration: Configuration) throws(LintSetupError) -> [String] {
            let found: [String]
            do { found = try configuration.profileFiles() } catch { throw .invalidFile(error) }
            guard !found.isEmpty else {
                throw .usage("no profile files given, and \(configuration.file.path) lists no 'profiles'")
            }
            return found
        }

        if let configPath = options.configPath {
            let configuration = try load(configPath)
            let targets = files.isEmpty ? try profiles(of: configuration) : files
            return [LintTarget(session: try session(configuration), files: targets)]
        }
        if files.isEmpty {
            guard let path = ConfigDiscovery.find(from: ".") else {
                throw .usage("no profile files given and no \(Configuration.fileNames[0]) found in this directory or above")
            }
            let configuration = try load(path)
            return [LintTarget(session: try session(configuration), files: try profiles(of: configuration))]
        }
        var targets: [LintTarget] = []
        var indexByConfig: [String: Int] = [:]
        for file in files {
            let configPath = ConfigDiscovery.find(from: PathText.directory(of: file))
            let key = configPath.map { PathText.absolute($0) } ?? ""
            if let index = indexByConfig[key] {
                targets[index].files.append(file)
                continue
            }
            let configuration = try configPath.map { path throws(LintSetupError) in try load(path) }
            indexByConfig[key] = targets.count
            targets.append(LintTarget(session: try session(configuration), files: [file]))
        }
        return targets
    }
}
