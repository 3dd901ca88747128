import Foundation
import ProfileText

/// Builds the `LintSession` of a configuration the one way every front end does (the CLI's
/// `lint`, `suggest`, `compare`, `rules`, `explain`, and the Language Server): the rule
/// directories in force, their rules and skill aliases, the corpus, the configuration's
/// overrides and the baseline. A corpus is loaded once per factory for every session that
/// names the same files and column map.
public struct SessionFactory {
    /// What a front end asks for; paths are as the front end resolved them.
    public struct Options: Sendable {
        /// `--config FILE`: one configuration for every profile (no discovery).
        public var configPath: String?
        /// `--rules DIR` (repeatable), or the server's `rules` setting.
        public var ruleDirectories: [String]
        /// The default rules (the built-in pack and `PROFILELINT_RULES`).
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
        /// Whether the corpus is loaded (`rules`, `explain` and `--print-config` need only its source).
        package var loadsCorpus = true
        /// `--fit-posts N`: how many fitting posts a result lists per section (nil: all).
        package var fitPostLimit: Int? = FitReport.defaultPostLimit

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

    /// A session and what it was built from (for `--print-config`, `rules` and file watching).
    package struct Built: Sendable {
        package var session: LintSession
        /// Every rule loaded, as its file defines it (also those the configuration turns off).
        package var rules: [Rule]
        /// The rule directories in force, in loading order.
        package var ruleDirectories: [String]
        /// How many rule packs the rules came from (the built-in pack counts as one).
        package var packCount: Int
        /// The corpus source in force (nil: no corpus).
        package var corpusSource: CorpusSource?
    }

    var options: Options
    private var corpora: [String: Corpus] = [:]

    package init(options: Options) {
        self.options = options
    }

    /// The configuration file at `path`; only a file that cannot be read or parsed is an error
    /// here, its other mistakes are reported when a session is built from it.
    package static func configuration(at path: String) throws(LintSetupError) -> Configuration {
        do { return try ConfigLoader.read(path: path) } catch { throw .invalidFile(error) }
    }

    /// The session for the configuration at `configurationPath` (nil: none).
    package mutating func build(configurationPath: String?) throws(LintSetupError) -> Built {
        try build(configuration: configurationPath.map { path throws(LintSetupError) in try Self.configuration(at: path) })
    }

    /// The session for `configuration` (nil: the defaults alone). Every mistake of the
    /// configuration is reported at once, in file order, with `pending` (mistakes a front end
    /// found in it): those of its content, rule directories that do not exist, unknown rule ids,
    /// bad parameters and values, corpus paths that do not exist. For a configuration without
    /// mistakes so far, the checks are built on a thread of their own while this thread loads the
    /// corpus (on a warm cache the two cost about the same); the corpus is used, and its error
    /// reported, only when building the checks found no mistake either. (Loaded inside a
    /// two-iteration concurrent perform instead, its chunk analysis got one thread: a cold lint
    /// of four-tracks-2400 took 60 ms more wall time.)
    package mutating func build(configuration: Configuration?, pending: RuleFileErrors = RuleFileErrors()) throws(LintSetupError) -> Built {
        // Loads on its own thread while the rules and corpus load; compiled once into the cache.
        if let directory = options.corpusCache?.directory {
            Hyphenator.prepareEnglish(loader: { HyphenationCache(directory: directory).loadEnglish() })
        } else {
            Hyphenator.prepareEnglish()
        }
        var errors = pending
        for error in configuration?.problems.errors ?? [] { errors.append(error) }
        func stopIfAny() throws(LintSetupError) {
            if let combined = errors.combined { throw .invalidFile(combined) }
        }
        let source = Self.corpusSource(configuration: configuration, paths: options.corpusPaths, columnMap: options.columnMap,
                                       collecting: &errors)
        let known = errors.errors.count
        let directories = Self.ruleDirectories(defaultPack: options.defaultRules, configuration: configuration,
                                               extraDirectories: options.ruleDirectories, collecting: &errors)
        // Without all its rule directories, the configuration's rule ids cannot be checked.
        if !(configuration?.ruleDirectoriesRead ?? true) || errors.errors.count > known { try stopIfAny() }
        let loaded: (rules: [Rule], skillAliases: SkillAliases?)
        do {
            loaded = try RulePack.load(options.defaultRules.packs(directories: directories))
        } catch {
            errors.append(error)
            throw .invalidFile(errors.combined ?? error)
        }
        let options = options, collected = errors
        let buildSession = { @Sendable () -> (session: LintSession, errors: RuleFileErrors) in
            var errors = collected
            let session = LintSession(rules: loaded.rules, skillAliases: loaded.skillAliases, configuration: configuration,
                                      baseline: options.baseline, corpus: nil, collecting: &errors)
            return (session, errors)
        }
        let built: (session: LintSession, errors: RuleFileErrors)
        var loadedCorpus: Result<Corpus, LintSetupError>?
        if options.loadsCorpus, errors.errors.isEmpty, let source, corpora[Self.corpusKey(source)] == nil {
            (built, loadedCorpus) = BesideThread.run(buildSession) {
                Self.loadCorpus(source, aliases: loaded.skillAliases, options: options)
            }
            if case .success(let corpus) = loadedCorpus { corpora[Self.corpusKey(source)] = corpus }
        } else {
            built = buildSession()
        }
        var session = built.session
        errors = built.errors
        try stopIfAny()
        session.listFitPosts(options.fitPostLimit)
        if let loadedCorpus {
            session.use(corpus: try loadedCorpus.get())
        } else if options.loadsCorpus, let source {
            session.use(corpus: try corpus(source, aliases: loaded.skillAliases))
        }
        return Built(session: session, rules: loaded.rules, ruleDirectories: directories,
                     packCount: directories.count + (options.defaultRules.includesBuiltIn ? 1 : 0), corpusSource: source)
    }

    /// The rules `build` would run under `configuration`, described for a report: loaded and
    /// configured, their checks not built (`RuleSet.describing`). For a configuration whose
    /// session built before (the lint result cache's key proves it); any mistake falls back to
    /// `build`, which reports it.
    package mutating func describedRules(configuration: Configuration?) throws(LintSetupError) -> RuleSet {
        var errors = RuleFileErrors()
        let directories = Self.ruleDirectories(defaultPack: options.defaultRules, configuration: configuration,
                                               extraDirectories: options.ruleDirectories, collecting: &errors)
        if errors.errors.isEmpty, let packs = try? options.defaultRules.packs(directories: directories),
           let loaded = try? RulePack.load(packs) {
            let configured = configuration?.apply(to: loaded.rules, builtInRuleIDs: LintSession.builtInRuleIDs,
                                                  collecting: &errors) ?? loaded.rules
            if errors.errors.isEmpty { return RuleSet.describing(configured, skillAliases: loaded.skillAliases) }
        }
        return try build(configuration: configuration).session.ruleSet
    }

    /// The corpus of `source`, loaded once per factory.
    private mutating func corpus(_ source: CorpusSource, aliases: SkillAliases?) throws(LintSetupError) -> Corpus {
        let key = Self.corpusKey(source)
        if let loaded = corpora[key] { return loaded }
        let loaded = try Self.loadCorpus(source, aliases: aliases, options: options).get()
        corpora[key] = loaded
        return loaded
    }

    /// The key under which a factory keeps the corpus of `source` (loaded once per factory).
    private static func corpusKey(_ source: CorpusSource) -> String {
        source.paths.joined(separator: "\n") + "\n\n"
            + source.columnMap.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
    }

    /// The corpus of `source`, or why it did not load.
    private static func loadCorpus(_ source: CorpusSource, aliases: SkillAliases?, options: Options) -> Result<Corpus, LintSetupError> {
        do {
            return .success(try Corpus.load(paths: source.paths, columnMap: source.columnMap, aliases: aliases, cache: options.corpusCache,
                                            progress: options.corpusProgress, maxFileBytes: options.corpusMaxFileBytes))
        } catch {
            return .failure(.corpus(error))
        }
    }

    /// The corpus a session uses: `paths` (from `--corpus` or a client setting) replace the
    /// configuration's `corpus`, whose paths must exist (a missing one is reported at its place
    /// in the configuration file); `columnMap` entries take precedence over the configuration's
    /// `column_map`. Nil when neither names a corpus. Each missing path's error is added to `errors`.
    package static func corpusSource(configuration: Configuration?, paths: [String], columnMap: [String: String],
                                     collecting errors: inout RuleFileErrors) -> CorpusSource? {
        var chosen = paths
        if chosen.isEmpty, let configuration {
            for path in configuration.corpus where !FileManager.default.fileExists(atPath: path.resolved) {
                errors.append(RuleFileError(file: configuration.file, range: path.range,
                                            message: "corpus path '\(path.written)' does not exist"))
            }
            chosen = configuration.corpus.map(\.resolved)
        }
        guard !chosen.isEmpty else { return nil }
        let merged = (configuration?.columnMapDictionary ?? [:]).merging(columnMap) { _, override in override }
        return CorpusSource(paths: chosen, columnMap: merged)
    }

    /// The rule directories in force under `configuration`, in loading order: the default
    /// pack's (`PROFILELINT_RULES`), the configuration's `rule_dirs`, then `extraDirectories` (`--rules`). A
    /// `rule_dirs` entry that is not a directory (missing, or a file) is a located error in the configuration, added
    /// to `errors` (and the entry left out).
    static func ruleDirectories(defaultPack: DefaultRulePack, configuration: Configuration?, extraDirectories: [String],
                                collecting errors: inout RuleFileErrors) -> [String] {
        var directories = defaultPack.directories
        if let configuration {
            for directory in configuration.ruleDirectories {
                guard PathGlob.isDirectory(directory.resolved) else {
                    errors.append(RuleFileError(file: configuration.file, range: directory.range,
                                                message: "rule directory '\(directory.written)' \(PathKind.notADirectory(directory.resolved))"))
                    continue
                }
                directories.append(directory.resolved)
            }
        }
        return directories + extraDirectories
    }
}
