import Foundation

/// Something that stops a lint run before it starts (exit status 2).
public enum LintSetupError: Error, Sendable, CustomStringConvertible {
    /// A configuration, rule or baseline file is invalid (located).
    case invalidFile(RuleFileError)
    /// The command line cannot be satisfied.
    case usage(String)
    /// The corpus cannot be loaded (a path cannot be read, a bad column map).
    case corpus(CorpusError)

    /// The located error (`PATH:LINE:COL: error: ...`) or the message alone; a front end adds
    /// its own prefix to an unlocated one (`isLocated`).
    public var description: String {
        switch self {
        case .invalidFile(let error): error.description
        case .usage(let message): message
        case .corpus(let error): error.description
        }
    }

    /// Whether the description already names a file and position.
    public var isLocated: Bool {
        if case .invalidFile = self { return true }
        return false
    }
}

/// Profiles to lint with the session (configuration) that governs them.
public struct LintTarget: Sendable {
    public var session: LintSession
    public var files: [String]
}

/// Decides which configuration governs which profile; `SessionFactory` builds a session per configuration.
public enum LintSetup {
    /// The targets for `files`. With `--config`, that file governs all; otherwise each
    /// profile gets the `.profilelint.yml` found from its directory upward (or none).
    /// With no files, the configuration's `profiles` are linted (the configuration is
    /// `--config` or the one found from the current directory).
    /// Each session gets the corpus of `--corpus` or else of its configuration's `corpus`
    /// (with the configuration's `column_map` under `--column`); a corpus is loaded once
    /// for all sessions that name the same one.
    package static func plan(files: [String], options: SessionFactory.Options) throws(LintSetupError) -> [LintTarget] {
        var factory = SessionFactory(options: options)
        func session(_ configuration: Configuration?) throws(LintSetupError) -> LintSession {
            try factory.build(configuration: configuration).session
        }
        /// The configuration's profiles with its session; a bad `profiles` entry is reported
        /// with the configuration's other mistakes.
        func configuredProfiles(_ configuration: Configuration) throws(LintSetupError) -> LintTarget {
            var errors = RuleFileErrors()
            let found = configuration.profileFiles(collecting: &errors)
            let session = try factory.build(configuration: configuration, pending: errors).session
            guard !found.isEmpty else {
                throw .usage("no profile files given, and \(configuration.file.path) lists no 'profiles'")
            }
            return LintTarget(session: session, files: found)
        }

        if let configPath = options.configPath {
            let configuration = try SessionFactory.configuration(at: configPath)
            if files.isEmpty { return [try configuredProfiles(configuration)] }
            return [LintTarget(session: try session(configuration), files: files)]
        }
        if files.isEmpty {
            guard let path = ConfigDiscovery.find(from: ".") else {
                throw .usage("no profile files given and no \(Configuration.fileNames[0]) found in this directory or above")
            }
            return [try configuredProfiles(try SessionFactory.configuration(at: path))]
        }
        var targets: [LintTarget] = []
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
            let configuration = try configPath.map { path throws(LintSetupError) in try SessionFactory.configuration(at: path) }
            indexByConfig[key] = targets.count
            targets.append(LintTarget(session: try session(configuration), files: [file]))
        }
        return targets
    }
}
