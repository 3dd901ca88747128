import Foundation
import ProfileText

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

/// Decides which configuration governs which profile and builds a session per configuration.
public enum LintSetup {
    /// What the command line asked for.
    public struct Options: Sendable {
        /// `--config FILE`: one configuration for every profile (no discovery).
        public var configPath: String?
        /// `--rules DIR` (repeatable).
        public var ruleDirectories: [String]
        /// The default rule pack (built in, or `PROFILELINT_RULES`).
        public var defaultRules: DefaultRulePack
        /// `--baseline FILE`, loaded.
        public var baseline: Baseline?
        /// `--corpus` paths; when given they replace every configuration's `corpus`.
        public var corpusPaths: [String]
        /// `--column FIELD=COLUMN` pairs; they take precedence over a configuration's `column_map`.
        public var columnMap: [String: String]
        /// Where corpus statistics are cached (nil: no cache).
        public var corpusCache: CorpusCache?
        /// Counts the corpus files parsed, for a progress display (nil: nobody watches).
        package var corpusProgress: LoadProgress?
        /// `--corpus-max-file-mb`, in bytes: the largest corpus file read.
        package var corpusMaxFileBytes = CorpusFile.defaultMaxBytes

        public init(configPath: String? = nil, ruleDirectories: [String] = [], defaultRules: DefaultRulePack = .builtIn,
                    baseline: Baseline? = nil, corpusPaths: [String] = [], columnMap: [String: String] = [:],
                    corpusCache: CorpusCache? = nil) {
            self.configPath = configPath
            self.ruleDirectories = ruleDirectories
            self.defaultRules = defaultRules
            self.baseline = baseline
            self.corpusPaths = corpusPaths
            self.columnMap = columnMap
            self.corpusCache = corpusCache
        }
    }

    /// Where a corpus comes from: the job-post files or directories and the column map to read them with.
    package struct CorpusSource: Sendable, Equatable {
        /// Files or directories, as `Corpus.load` takes them.
        package var paths: [String]
        /// Post fields read from other columns, `{FIELD: COLUMN}`.
        package var columnMap: [String: String]
    }

    /// The corpus a session uses: `paths` (from `--corpus` or a client setting) replace the
    /// configuration's `corpus`, whose paths must exist (a missing one is reported at its place
    /// in the configuration file); `columnMap` entries take precedence over the configuration's
    /// `column_map`. Nil when neither names a corpus.
    package static func corpusSource(configuration: Configuration?, paths: [String],
                                    columnMap: [String: String]) throws(LintSetupError) -> CorpusSource? {
        var chosen = paths
        if chosen.isEmpty, let configuration {
            for path in configuration.corpus where !FileManager.default.fileExists(atPath: path.resolved) {
                throw .invalidFile(RuleFileError(file: configuration.file, range: path.range,
                                                 message: "corpus path '\(path.written)' does not exist"))
            }
            chosen = configuration.corpus.map(\.resolved)
        }
        guard !chosen.isEmpty else { return nil }
        let merged = (configuration?.columnMapDictionary ?? [:]).merging(columnMap) { _, override in override }
        return CorpusSource(paths: chosen, columnMap: merged)
    }

    /// The targets for `files`. With `--config`, that file governs all; otherwise each
    /// profile gets the `.profilelint.yml` found from its directory upward (or none).
    /// With no files, the configuration's `profiles` are linted (the configuration is
    /// `--config` or the one found from the current directory).
    /// Each session gets the corpus of `--corpus` or else of its configuration's `corpus`
    /// (with the configuration's `column_map` under `--column`); a corpus is loaded once
    /// for all sessions that name the same one.
    public static func plan(files: [String], options: Options) throws(LintSetupError) -> [LintTarget] {
        Hyphenator.prepareEnglish()
        var corpora: [String: Corpus] = [:]
        func corpus(for configuration: Configuration?, aliases: SkillAliases?) throws(LintSetupError) -> Corpus? {
            guard let source = try corpusSource(configuration: configuration, paths: options.corpusPaths,
                                                columnMap: options.columnMap) else { return nil }
            let key = source.paths.joined(separator: "\n") + "\n\n"
                + source.columnMap.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
            if let loaded = corpora[key] { return loaded }
            do {
                let loaded = try Corpus.load(paths: source.paths, columnMap: source.columnMap, aliases: aliases, cache: options.corpusCache,
                                             progress: options.corpusProgress, maxFileBytes: options.corpusMaxFileBytes)
                corpora[key] = loaded
                return loaded
            } catch {
                throw .corpus(error)
            }
        }
        func session(_ configuration: Configuration?) throws(LintSetupError) -> LintSession {
            let directories: [String]
            let loaded: (rules: [Rule], skillAliases: SkillAliases?)
            do {
                directories = try LintSession.ruleDirectories(defaultPack: options.defaultRules,
                                                              configuration: configuration, extraDirectories: options.ruleDirectories)
                loaded = try LintSession.loadRules(defaultPack: options.defaultRules, directories: directories)
            } catch {
                throw .invalidFile(error)
            }
            let corpus = try corpus(for: configuration, aliases: loaded.skillAliases)
            do {
                return try LintSession(rules: loaded.rules, skillAliases: loaded.skillAliases, configuration: configuration,
                                       baseline: options.baseline, corpus: corpus)
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
            let configuration = try configPath.map { path throws(LintSetupError) in try load(path) }
            indexByConfig[key] = targets.count
            targets.append(LintTarget(session: try session(configuration), files: [file]))
        }
        return targets
    }
}
