import Foundation

/// A severity a configuration can give a rule: one of the three severities, or `off`.
public enum ConfiguredSeverity: Sendable, Equatable, CustomStringConvertible {
    case off
    case on(Severity)

    /// Parses `off`, `info`, `warning` or `error` (any case). Unquoted `off` is a YAML 1.1
    /// boolean, but the scalar keeps the text as written, so it reads as `off` here.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        if lowered == "off" {
            self = .off
        } else if let severity = Severity(rawValue: lowered) {
            self = .on(severity)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .off: "off"
        case .on(let severity): severity.rawValue
        }
    }
}

/// A path written in a configuration file, resolved against the file's directory.
public struct ConfigPath: Sendable, Equatable {
    /// The text as written in the configuration.
    public var written: String
    /// The path relative to the current directory (or absolute when written absolute).
    public var resolved: String
    /// Where the path is written.
    public var range: ByteRange

    public init(written: String, resolved: String, range: ByteRange) {
        self.written = written
        self.resolved = resolved
        self.range = range
    }
}

/// One `column_map` entry: a job-post field read from a differently named corpus column.
public struct ColumnMapping: Sendable, Equatable {
    public var field: String
    public var column: String
    public var fieldRange: ByteRange
    public var columnRange: ByteRange

    public init(field: String, column: String, fieldRange: ByteRange, columnRange: ByteRange) {
        self.field = field
        self.column = column
        self.fieldRange = fieldRange
        self.columnRange = columnRange
    }
}

/// What a configuration says about one rule id under `rules:`.
public struct RuleOverride: Sendable {
    public var ruleID: String
    /// Where the rule id is written (the key).
    public var idRange: ByteRange
    /// The configured severity, when set.
    public var severity: ConfiguredSeverity?
    /// Where the severity is written, when set.
    public var severityRange: ByteRange?
    /// Parameter overrides as written (key, key range, value node), in file order.
    public var parameters: [MapEntry]

    public init(ruleID: String, idRange: ByteRange, severity: ConfiguredSeverity?, severityRange: ByteRange?,
                parameters: [MapEntry]) {
        self.ruleID = ruleID
        self.idRange = idRange
        self.severity = severity
        self.severityRange = severityRange
        self.parameters = parameters
    }
}

/// A loaded `.profilelint.yml` (SPEC §6). Paths in it are already resolved against
/// the configuration file's directory.
public struct Configuration: Sendable {
    /// The file name searched for, in order of preference.
    public static let fileNames = [".profilelint.yml", ".profilelint.yaml"]

    /// The configuration file (for located errors).
    public var file: SourceFile
    /// The directory the file is in, as a path relative to the current directory when possible.
    public var directory: String
    /// `profiles:`: paths or glob patterns of the profiles to lint when no files are given.
    public var profiles: [ConfigPath]
    /// `exclude:`: gitignore-style patterns, relative to the configuration's directory, of
    /// files and directories never linted unless named on the command line.
    public var exclude: [ExcludePattern] = []
    /// `corpus:`: job-post files or directories.
    public var corpus: [ConfigPath]
    /// `column_map:`: corpus column names for job-post fields.
    public var columnMap: [ColumnMapping]
    /// `rule_dirs:`: extra rule directories.
    public var ruleDirectories: [ConfigPath]
    /// `rules:`: per-rule severity and parameter overrides, in file order.
    public var ruleOverrides: [RuleOverride]
    /// Mistakes found while reading the file (`ConfigLoader.read`), their entries left out, to be
    /// reported with the mistakes only the rules reveal (`SessionFactory`), all at once.
    package var problems = RuleFileErrors()
    /// Whether every `rule_dirs` entry was read (a bad one leaves the rule ids it holds unknown).
    package var ruleDirectoriesRead = true

    public init(file: SourceFile, directory: String, profiles: [ConfigPath] = [], corpus: [ConfigPath] = [],
                columnMap: [ColumnMapping] = [], ruleDirectories: [ConfigPath] = [], ruleOverrides: [RuleOverride] = []) {
        self.file = file
        self.directory = directory
        self.profiles = profiles
        self.corpus = corpus
        self.columnMap = columnMap
        self.ruleDirectories = ruleDirectories
        self.ruleOverrides = ruleOverrides
    }

    /// `column_map` as a dictionary (field → column).
    public var columnMapDictionary: [String: String] {
        Dictionary(columnMap.map { ($0.field, $0.column) }, uniquingKeysWith: { _, last in last })
    }

    /// The configured severity for `ruleID`, if any.
    public func severity(for ruleID: String) -> ConfiguredSeverity? {
        ruleOverrides.last { $0.ruleID == ruleID }?.severity
    }

    /// `exclude:` with its base directory.
    public var excludeRules: ExcludeRules { ExcludeRules(base: directory, patterns: exclude) }

    /// The profile files `profiles:` names, globs expanded, in pattern order then name order,
    /// leaving out what `exclude:` excludes.
    /// A plain path that does not exist or a pattern that matches nothing is a located error.
    public func profileFiles() throws(RuleFileError) -> [String] {
        var errors = RuleFileErrors()
        let files = profileFiles(collecting: &errors)
        try errors.throwIfAny()
        return files
    }

    /// `profileFiles()` with every bad entry's error added to `errors` (and the entry left out).
    package func profileFiles(collecting errors: inout RuleFileErrors) -> [String] {
        var files: [String] = []
        for pattern in profiles {
            let matches = PathGlob.expand(pattern.resolved)
            if matches.isEmpty {
                let problem = PathGlob.hasWildcards(pattern.written) ? "matches no file"
                    : PathGlob.isDirectory(pattern.resolved) ? "is a directory; name its files with a pattern such as '\(PathText.join(pattern.written, "*.yaml"))'"
                    : "does not exist"
                errors.append(RuleFileError(file: file, range: pattern.range, message: "profile '\(pattern.written)' \(problem)"))
                continue
            }
            for match in matches where !files.contains(match) && !excludeRules.excludes(match, isDirectory: false) {
                files.append(match)
            }
        }
        return files
    }
}
