import Foundation
import ProfileLint

/// Settings a client passes in `initializationOptions` or in `workspace/didChangeConfiguration`
/// (under a `profilelint` section, or at the top level). Relative paths are resolved against
/// the workspace root.
package struct ServerSettings: Sendable, Equatable {
    /// Extra rule directories (as `--rules`).
    package var ruleDirectories: [String] = []
    /// Job-post files or directories (as `--corpus`).
    package var corpusPaths: [String] = []
    /// Post fields read from other columns, `{FIELD: COLUMN}` (as `--column` / `column_map`).
    package var columnMap: [String: String] = [:]
    /// How long to wait after a change before linting, so a burst of keystrokes lints once.
    var debounceMilliseconds = 50

    package init(ruleDirectories: [String] = [], corpusPaths: [String] = [], columnMap: [String: String] = [:],
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
/// for every edit; rebuilt only when the settings, the configuration file, a rule
/// directory or a corpus file change.
package struct LintEnvironment: Sendable {
    /// The rules (for rationales and documentation links).
    package var ruleSet: RuleSet
    /// Absolute directories whose rule files the environment was built from.
    package var ruleDirectories: [String]
    /// Absolute job-post files and directories the corpus was built from (empty: no corpus).
    package var corpusPaths: [String]
    /// What the environment says about itself when it loads (rules, corpus size, skipped posts).
    package var summary: [String]
    private let lintFile: @Sendable (SourceFile) -> LintResult

    package init(linter: Linter, ruleDirectories: [String], corpusPaths: [String] = [], summary: [String] = []) {
        self.init(ruleSet: linter.ruleSet, ruleDirectories: ruleDirectories, corpusPaths: corpusPaths, summary: summary,
                  lint: { linter.lint($0) })
    }

    /// An environment that lints with any function (tests use it to add findings).
    package init(ruleSet: RuleSet, ruleDirectories: [String], corpusPaths: [String] = [], summary: [String] = [],
                lint: @escaping @Sendable (SourceFile) -> LintResult) {
        self.ruleSet = ruleSet
        self.ruleDirectories = ruleDirectories
        self.corpusPaths = corpusPaths
        self.summary = summary
        self.lintFile = lint
    }

    /// The one place the server lints a document.
    package func lint(_ file: SourceFile) -> LintResult {
        lintFile(file)
    }

    /// Builds the environment for a workspace with the session factory `profilelint lint`
    /// uses: the configuration at `configurationPath` (its `rule_dirs`, `corpus`, `column_map`
    /// and rule overrides), the default rules, `settings.ruleDirectories`, and the corpus
    /// (`settings.corpusPaths` replace the configuration's, as `--corpus` does; statistics
    /// come from the corpus cache when the files are unchanged; `progress` counts the parsing).
    /// Relative paths of the settings and of `PROFILELINT_RULES` resolve against the workspace root.
    package static func load(settings: ServerSettings, workspaceRoot: String?, configurationPath: String?,
                            progress: LoadProgress? = nil) throws -> LintEnvironment {
        let base = URL(fileURLWithPath: workspaceRoot ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        func resolve(_ path: String) -> String { URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path }
        var defaultPack = DefaultRulePack.current()
        defaultPack.directories = defaultPack.directories.map(resolve)
        var options = SessionFactory.Options(ruleDirectories: settings.ruleDirectories.map(resolve), defaultRules: defaultPack,
                                             corpusPaths: settings.corpusPaths.map(resolve), columnMap: settings.columnMap,
                                             corpusCache: CorpusCache(directory: CorpusCache.defaultDirectory()))
        options.corpusProgress = progress
        var factory = SessionFactory(options: options)
        let built: SessionFactory.Built
        do {
            built = try factory.build(configurationPath: configurationPath)
        } catch {
            throw EnvironmentError(error.description)
        }
        let session = built.session
        var summary = ["loaded \(built.rules.count) rules from \(built.packCount) rule \(built.packCount == 1 ? "pack" : "packs")"
            + (session.configuration.map { " with the configuration \($0.file.path)" } ?? "")]
        if let corpus = session.linter.corpus {
            summary.append("loaded a corpus of \(corpus.stats.postCount.grouped) job posts\(corpus.fromCache ? " (from the cache)" : "")")
            summary += corpus.issues.map(\.description) + corpus.cacheWarnings.map { "warning: \($0)" }
        }
        return LintEnvironment(ruleSet: session.ruleSet, ruleDirectories: built.ruleDirectories,
                               corpusPaths: built.corpusSource?.paths.map(resolve) ?? [], summary: summary, lint: { session.lint($0) })
    }
}

/// Why the lint environment could not be built (a located rule-file error, a missing directory).
package struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) {
        self.description = description
    }
}
