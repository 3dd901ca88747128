import Foundation
import ProfileLint

/// Settings a client passes in `initializationOptions` or in `workspace/didChangeConfiguration`
/// (under a `profilelint` section, or at the top level).
public struct ServerSettings: Sendable, Equatable {
    /// Extra rule directories (as `--rules`); relative paths are resolved against the workspace root.
    public var ruleDirectories: [String] = []
    /// How long to wait after a change before linting, so a burst of keystrokes lints once.
    public var debounceMilliseconds = 50

    public init(ruleDirectories: [String] = [], debounceMilliseconds: Int = 50) {
        self.ruleDirectories = ruleDirectories
        self.debounceMilliseconds = debounceMilliseconds
    }

    /// Reads the settings object; unknown keys are ignored, wrongly typed ones are reported.
    init(json: JSON?, problems: inout [String]) {
        guard let json else { return }
        let section = json["profilelint"] ?? json
        if let value = section["rules"] ?? section["ruleDirectories"] {
            if let items = value.array, items.allSatisfy({ $0.string != nil }) {
                ruleDirectories = items.compactMap(\.string)
            } else {
                problems.append("setting 'rules' must be a list of directory paths")
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

/// Everything linting needs that is expensive to build: the rule set (and, once the corpus
/// and configuration loaders land, the corpus statistics and the `.profilelint.yml` settings).
/// Built once per workspace and reused for every edit; rebuilt only when settings, the
/// configuration file, a rule directory or the corpus change.
public struct LintEnvironment: Sendable {
    /// The rules (for rationales and documentation links).
    public var ruleSet: RuleSet
    /// Absolute directories whose rule files the environment was built from.
    public var ruleDirectories: [String]
    private let lintFile: @Sendable (SourceFile) -> LintResult

    public init(linter: Linter, ruleDirectories: [String]) {
        self.init(ruleSet: linter.ruleSet, ruleDirectories: ruleDirectories, lint: { linter.lint($0) })
    }

    /// An environment that lints with any function (tests use it to add findings).
    public init(ruleSet: RuleSet, ruleDirectories: [String], lint: @escaping @Sendable (SourceFile) -> LintResult) {
        self.ruleSet = ruleSet
        self.ruleDirectories = ruleDirectories
        self.lintFile = lint
    }

    /// The one place the server lints a document.
    public func lint(_ file: SourceFile) -> LintResult {
        lintFile(file)
    }

    /// Builds the environment for a workspace.
    ///
    /// PENDING (not on main yet, so not read here): the `.profilelint.yml` loader and the
    /// corpus (`corpus:` in the configuration). When they land, read them here and pass the
    /// corpus to the linter; the server already rebuilds the environment when the
    /// configuration file changes.
    public static func load(settings: ServerSettings, workspaceRoot: String?, configurationPath: String?) throws -> LintEnvironment {
        guard let defaultDirectory = DefaultRules.directory() else {
            throw EnvironmentError("cannot find the default rules; set PROFILELINT_RULES")
        }
        let base = URL(fileURLWithPath: workspaceRoot ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        let extraDirectories = settings.ruleDirectories.map { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL.path }
        let directories = [URL(fileURLWithPath: defaultDirectory).standardizedFileURL.path] + extraDirectories
        var rules: [Rule] = []
        do {
            for directory in directories { rules += try RuleLoader.loadDirectory(directory) }
            return LintEnvironment(linter: Linter(ruleSet: try RuleSet(rules: rules)), ruleDirectories: directories)
        } catch {
            throw EnvironmentError(error.description)
        }
    }
}

/// Why the lint environment could not be built (a located rule-file error, a missing directory).
public struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) {
        self.description = description
    }
}
