import Foundation
import ProfileLint

/// Settings a client passes in `initializationOptions` or in `workspace/didChangeConfiguration`
/// (under a `profilelint` section, or at the top level). Relative paths are resolved against
/// the workspace root.
public struct ServerSettings: Sendable, Equatable {
    /// Extra rule directories (as `--rules`).
    public var ruleDirectories: [String] = []
    /// Job-post files or directories (as `--corpus`).
    public var corpusPaths: [String] = []
    /// Post fields read from other columns, `{FIELD: COLUMN}` (as `--column` / `column_map`).
    public var columnMap: [String: String] = [:]
    /// How long to wait after a change before linting, so a burst of keystrokes lints once.
    public var debounceMilliseconds = 50

    public init(ruleDirectories: [String] = [], corpusPaths: [String] = [], columnMap: [String: String] = [:],
                debounceMilliseconds: Int = 50) {
        self.ruleDirectories = ruleDirectories
        self.corpusPaths = corpusPaths
        self.columnMap = columnMap
        self.debounceMilliseconds = debounceMilliseconds
    }

    /// Reads the settings object; unknown keys are ignored, wrongly typed ones are reported.
    init(json: JSON?, problems: inout [String]) {
        guard let json else { return }
        let section = json["profilelint"] ?? json
        func paths(_ key: String) -> [String]? {
            guard let value = section[key] else { return nil }
            if let items = value.array, items.allSatisfy({ $0.string != nil }) { return items.compactMap(\.string) }
            problems.append("setting '\(key)' must be a list of paths")
            return nil
        }
        ruleDirectories = paths("rules") ?? []
        corpusPaths = paths("corpus") ?? []
        if let value = section["columnMap"] {
            if let members = value.object, members.values.allSatisfy({ $0.string != nil }) {
                columnMap = members.compactMapValues(\.string)
            } else {
                problems.append("setting 'columnMap' must map post fields to column names")
            }
        }
        if let value = section["debounceMilliseconds"] {
            if let milliseconds = value.integer, (0...5_000).contains(milliseconds) {
                debounceMilliseconds = milliseconds
            } else {
                problems.append("setting 'debounceMilliseconds' must be an integer from 0 to 5000")
            }
        }
    }
}

/// Everything linting needs that is expensive to build: the rule set with its skill aliases
/// and the corpus statistics. Built once per workspace (per configuration scope) and reused
/// for every edit; rebuilt only when the settings, the configuration file or a rule
/// directory change.
public struct LintEnvironment: Sendable {
    /// The rules (for rationales and documentation links).
    public var ruleSet: RuleSet
    /// Absolute directories whose rule files the environment was built from.
    public var ruleDirectories: [String]
    /// What the environment says about itself when it loads (rules, corpus size, skipped posts).
    public var summary: [String]
    private let lintFile: @Sendable (SourceFile) -> LintResult

    public init(linter: Linter, ruleDirectories: [String], summary: [String] = []) {
        self.init(ruleSet: linter.ruleSet, ruleDirectories: ruleDirectories, summary: summary, lint: { linter.lint($0) })
    }

    /// An environment that lints with any function (tests use it to add findings).
    public init(ruleSet: RuleSet, ruleDirectories: [String], summary: [String] = [],
                lint: @escaping @Sendable (SourceFile) -> LintResult) {
        self.ruleSet = ruleSet
        self.ruleDirectories = ruleDirectories
        self.summary = summary
        self.lintFile = lint
    }

    /// The one place the server lints a document.
    public func lint(_ file: SourceFile) -> LintResult {
        lintFile(file)
    }

    /// Builds the environment for a workspace: the default rules and `settings.ruleDirectories`,
    /// and the corpus at `settings.corpusPaths` (statistics read from the corpus cache when the
    /// files are unchanged).
    ///
    /// PENDING (not on main yet, so not read here): the `.profilelint.yml` loader. When it
    /// lands, `configurationPath` names the file to apply (its rule_dirs, corpus, column_map
    /// and rule overrides); the server already rebuilds the environment when it changes.
    public static func load(settings: ServerSettings, workspaceRoot: String?, configurationPath: String?) throws -> LintEnvironment {
        guard let defaultDirectory = DefaultRules.directory() else {
            throw EnvironmentError("cannot find the default rules; set PROFILELINT_RULES")
        }
        let base = URL(fileURLWithPath: workspaceRoot ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        func resolve(_ path: String) -> String { URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path }
        let directories = [resolve(defaultDirectory)] + settings.ruleDirectories.map(resolve)
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSet.load(directories: directories)
        } catch {
            throw EnvironmentError(error.description)
        }
        var summary = ["loaded \(ruleSet.entries.count) rules from \(directories.count) directories"]
        var corpus: Corpus?
        if !settings.corpusPaths.isEmpty {
            do {
                let loaded = try Corpus.load(paths: settings.corpusPaths.map(resolve), columnMap: settings.columnMap,
                                             aliases: ruleSet.skillAliases, cache: CorpusCache(directory: CorpusCache.defaultDirectory()))
                summary.append("loaded a corpus of \(loaded.stats.postCount) job posts\(loaded.fromCache ? " (from the cache)" : "")")
                summary += loaded.issues.map(\.description)
                corpus = loaded
            } catch {
                throw EnvironmentError(error.description)
            }
        }
        return LintEnvironment(linter: Linter(ruleSet: ruleSet, corpus: corpus), ruleDirectories: directories, summary: summary)
    }
}

/// Why the lint environment could not be built (a located rule-file error, a missing directory).
public struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) {
        self.description = description
    }
}
