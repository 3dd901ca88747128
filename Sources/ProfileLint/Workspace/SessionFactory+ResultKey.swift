import Foundation
import ProfileCorpus
import ProfileModel
import ProfileRules
import ProfileText

extension SessionFactory {
    /// The part of the lint result cache's key shared by every file a session lints: everything
    /// that can change a file's findings besides the file. Nil when the session cannot use the
    /// cache: it is turned off (`--no-cache`), or the configuration has mistakes (the run must
    /// build the session to report them), or an input cannot be examined.
    ///
    /// Keyed: the cache format, the tool's version and the running binary (its built-in rule
    /// pack, every check and the analysis come with it); whether the built-in pack is loaded;
    /// every rule directory in force (`PROFILELINT_RULES`, `rule_dirs`, `--rules`) with the
    /// name and bytes of each pack file; the configuration file's path and bytes (severities,
    /// parameters, ignores); the corpus paths, column map and size limit with the identity of
    /// every file under them (`FileIdentity.tree`: the corpus files and any other); the hyphenation dictionary's identity; the current
    /// directory; and whether the report draws insights. A file adds its path and bytes.
    package func resultKey(configuration: Configuration?, pending: RuleFileErrors = RuleFileErrors(),
                           insights: Bool) -> String? {
        guard options.corpusCache != nil, pending.errors.isEmpty, configuration?.problems.errors.isEmpty ?? true,
              configuration?.ruleDirectoriesRead ?? true, let binary = FileIdentity.executable else { return nil }
        var errors = RuleFileErrors()
        let source = Self.corpusSource(configuration: configuration, paths: options.corpusPaths, columnMap: options.columnMap,
                                       collecting: &errors)
        let directories = Self.ruleDirectories(defaultPack: options.defaultRules, configuration: configuration,
                                               extraDirectories: options.ruleDirectories, collecting: &errors)
        guard errors.errors.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine(ResultCache.formatName)
        hasher.combine(ToolInfo.version)
        Self.combine(binary, into: &hasher)
        hasher.combine(FileManager.default.currentDirectoryPath)
        hasher.combine(options.defaultRules.includesBuiltIn ? "built-in rules" : "no built-in rules")
        hasher.combine("fit posts \(options.fitPostLimit.map(String.init) ?? "all")")
        for directory in directories {
            guard let pack = try? RulePack.directory(directory) else { return nil }
            hasher.combine(directory)
            for file in pack.files { Self.combine(file, into: &hasher) }
        }
        hasher.combine("configuration")
        if let configuration {
            hasher.combine(PathText.absolute(configuration.file.path))
            Self.combine(configuration.file, into: &hasher)
        }
        hasher.combine("corpus")
        if let source {
            for (field, column) in source.columnMap.sorted(by: { $0.key < $1.key }) {
                hasher.combine(field)
                hasher.combine(column)
            }
            hasher.combine(String(options.corpusMaxFileBytes))
            for path in source.paths {
                guard let tree = FileIdentity.tree(path) else { return nil }
                for (entry, identity) in tree {
                    hasher.combine(entry)
                    Self.combine(identity, into: &hasher)
                }
            }
        }
        hasher.combine("hyphenation")
        for path in Hyphenator.englishPaths {
            hasher.combine(path)
            if let identity = FileIdentity(path: path) { Self.combine(identity, into: &hasher) }
        }
        hasher.combine(insights ? "insights" : "no insights")
        return hasher.hex
    }

    /// The key of one file's findings under the session key `sessionKey`; nil for a file that
    /// was not read (over the size limit) or is empty, which are cheap to lint again.
    package static func resultKey(_ file: SourceFile, sessionKey: String) -> String? {
        guard !file.bytes.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine(sessionKey)
        combine(file, into: &hasher)
        return hasher.hex
    }

    private static func combine(_ identity: FileIdentity, into hasher: inout StableHasher) {
        for field in identity.fields { hasher.combine(String(field)) }
    }

    private static func combine(_ file: SourceFile, into hasher: inout StableHasher) {
        hasher.combine(file.path)
        hasher.combine(String(file.bytes.count))
        hasher.combine(each: file.bytes[...])
    }
}

extension StableHasher {
    /// Adds `bytes` one at a time through the non-generic `combine(_:)`: the generic
    /// `combine(bytes:)` is not specialized across modules and costs far more per byte.
    mutating func combine(each bytes: ArraySlice<UInt8>) {
        for byte in bytes { combine(byte) }
    }
}
