import Foundation

/// Reads and validates `.profilelint.yml`. Every mistake (syntax, duplicate key, unknown key, wrong type, bad
/// severity, bad glob) is a `RuleFileError` located at the offending key or value, with a
/// "did you mean" where a near miss exists. Independent mistakes are all reported at once,
/// in file order; a syntax error stops the reading. Rule ids and parameters are checked later,
/// against the loaded rules (`Configuration.apply(to:builtInRuleIDs:)`); `read` keeps the
/// file's mistakes in `Configuration.problems` so that `SessionFactory` reports them together.
public enum ConfigLoader {
    /// The top-level keys of a configuration file.
    public static let topLevelKeys = ["profiles", "exclude", "corpus", "column_map", "rule_dirs", "rules"]

    /// Reads the configuration file at `path` (as the user or discovery gave it).
    public static func load(path: String) throws(RuleFileError) -> Configuration {
        try checked(read(path: path))
    }

    /// Parses a configuration; its paths resolve against the directory of `file.path`.
    public static func load(_ file: SourceFile) throws(RuleFileError) -> Configuration {
        try checked(read(file))
    }

    private static func checked(_ configuration: Configuration) throws(RuleFileError) -> Configuration {
        try configuration.problems.throwIfAny()
        return configuration
    }

    /// `load(path:)` that throws only when the file cannot be read or parsed; other mistakes
    /// are in the configuration's `problems`.
    package static func read(path: String) throws(RuleFileError) -> Configuration {
        switch BoundedRead.sourceFile(path: path) {
        case .success(let file): return try read(file)
        case .failure(let failure):
            let exists = FileManager.default.fileExists(atPath: path)
            let reason = !exists ? "does not exist" : failure.message.hasPrefix("is a directory") ? failure.message : "cannot be read"
            throw RuleFileError(file: SourceFile(path: path, bytes: []), range: ByteRange(0, 0),
                                message: "the configuration file \(reason)")
        }
    }

    /// `load(_:)` that throws only when the file does not parse; other mistakes are in the
    /// configuration's `problems`.
    package static func read(_ file: SourceFile) throws(RuleFileError) -> Configuration {
        var configuration = Configuration(file: file, directory: PathText.directory(of: file.path))
        let loaded: Node?
        do {
            loaded = try DocumentLoader.load(file, format: .yaml)
        } catch {
            throw RuleFileError(file: file, range: error.range, message: error.message)
        }
        guard let root = loaded else { return configuration }  // An empty file sets nothing.
        guard let entries = root.map else {
            throw RuleFileError(file: file, range: root.range, message: "a configuration file must be a map of settings, not \(root.typeDescription)")
        }
        let reader = Reader(file: file, directory: configuration.directory)
        for entry in entries {
            switch entry.key {
            case "profiles": configuration.profiles = reader.paths(entry)
            case "exclude": configuration.exclude = reader.excludePatterns(entry)
            case "corpus": configuration.corpus = reader.paths(entry)
            case "rule_dirs":
                let before = reader.errors.errors.count
                configuration.ruleDirectories = reader.paths(entry)
                configuration.ruleDirectoriesRead = reader.errors.errors.count == before
            case "column_map": configuration.columnMap = reader.columnMap(entry)
            case "rules": configuration.ruleOverrides = reader.ruleOverrides(entry)
            default:
                reader.errors.append(reader.unknownKey(entry, candidates: topLevelKeys, context: "configuration key"))
            }
        }
        configuration.problems = reader.errors
        return configuration
    }

    /// Typed, located reads of configuration values; a bad value is collected in `errors`
    /// and left out, so the reading goes on.
    private final class Reader {
        let file: SourceFile
        let directory: String
        var errors = RuleFileErrors()

        init(file: SourceFile, directory: String) {
            self.file = file
            self.directory = directory
        }

        func error(_ range: ByteRange, _ message: String) -> RuleFileError {
            RuleFileError(file: file, range: range, message: message)
        }

        func unknownKey(_ entry: MapEntry, candidates: [String], context: String) -> RuleFileError {
            let hint = Suggestion.closest(to: entry.key, in: candidates).map { "; did you mean '\($0)'?" }
                ?? " (expected one of: \(candidates.joined(separator: ", ")))"
            return error(entry.keyRange, "unknown \(context) '\(entry.key)'\(hint)")
        }

        /// A non-empty string scalar.
        func string(_ node: Node, _ what: String) throws(RuleFileError) -> String {
            guard let scalar = node.scalar, scalar.type == .string, !scalar.text.isEmpty else {
                throw error(node.range, "\(what) must be a non-empty string, not \(node.typeDescription)")
            }
            return scalar.text
        }

        /// A path or a list of paths, resolved against the configuration's directory.
        func paths(_ entry: MapEntry) -> [ConfigPath] {
            let items = entry.value.list ?? [entry.value]
            if entry.value.scalar?.type == .null {
                errors.append(error(entry.value.range, "'\(entry.key)' must be a path or a list of paths, not null"))
                return []
            }
            var paths: [ConfigPath] = []
            for item in items {
                guard let text = errors.attempt({ () throws(RuleFileError) in try string(item, "each '\(entry.key)' entry") }) else { continue }
                paths.append(ConfigPath(written: text, resolved: PathText.join(directory, text), range: item.range))
            }
            return paths
        }

        /// A pattern or a list of gitignore-style patterns; an invalid one is located.
        func excludePatterns(_ entry: MapEntry) -> [ExcludePattern] {
            if entry.value.scalar?.type == .null {
                errors.append(error(entry.value.range, "'exclude' must be a pattern or a list of patterns, not null"))
                return []
            }
            var patterns: [ExcludePattern] = []
            for item in entry.value.list ?? [entry.value] {
                guard let text = errors.attempt({ () throws(RuleFileError) in try string(item, "each 'exclude' pattern") }) else { continue }
                do { patterns.append(try ExcludePattern(text)) } catch {
                    errors.append(self.error(item.range, "exclude pattern '\(text)' is not valid: \(error.reason)"))
                }
            }
            return patterns
        }

        func columnMap(_ entry: MapEntry) -> [ColumnMapping] {
            guard let pairs = entry.value.map else {
                errors.append(error(entry.value.range, "'column_map' must be a map of job-post field to column name, not \(entry.value.typeDescription)"))
                return []
            }
            var mappings: [ColumnMapping] = []
            for pair in pairs {
                guard PostFieldMapper.fieldNames.contains(pair.key) else {
                    errors.append(unknownKey(pair, candidates: PostFieldMapper.fieldNames, context: "job-post field"))
                    continue
                }
                guard let column = errors.attempt({ () throws(RuleFileError) in try string(pair.value, "'column_map.\(pair.key)'") }) else { continue }
                mappings.append(ColumnMapping(field: pair.key, column: column, fieldRange: pair.keyRange, columnRange: pair.value.range))
            }
            return mappings
        }

        func ruleOverrides(_ entry: MapEntry) -> [RuleOverride] {
            guard let rules = entry.value.map else {
                errors.append(error(entry.value.range, "'rules' must be a map of rule id to settings, not \(entry.value.typeDescription)"))
                return []
            }
            var overrides: [RuleOverride] = []
            for rule in rules {
                if let scalar = rule.value.scalar {
                    // Shorthand: `rule-id: off` / `rule-id: warning`.
                    guard let severity = errors.attempt({ () throws(RuleFileError) in
                        try severity(scalar.text, range: rule.value.range, key: "rules.\(rule.key)")
                    }) else { continue }
                    overrides.append(RuleOverride(ruleID: rule.key, idRange: rule.keyRange, severity: severity,
                                                  severityRange: rule.value.range, parameters: []))
                    continue
                }
                guard let settings = rule.value.map else {
                    errors.append(error(rule.value.range, "'rules.\(rule.key)' must be a severity or a map of settings, not \(rule.value.typeDescription)"))
                    continue
                }
                var override = RuleOverride(ruleID: rule.key, idRange: rule.keyRange, severity: nil, severityRange: nil, parameters: [])
                for setting in settings {
                    if setting.key == "severity" {
                        guard let text = setting.value.scalar?.text else {
                            errors.append(error(setting.value.range, "'rules.\(rule.key).severity' must be off, info, warning or error, not \(setting.value.typeDescription)"))
                            continue
                        }
                        override.severity = errors.attempt { () throws(RuleFileError) in
                            try severity(text, range: setting.value.range, key: "rules.\(rule.key).severity")
                        }
                        override.severityRange = setting.value.range
                    } else {
                        override.parameters.append(setting)
                    }
                }
                overrides.append(override)
            }
            return overrides
        }

        func severity(_ text: String, range: ByteRange, key: String) throws(RuleFileError) -> ConfiguredSeverity {
            guard let severity = ConfiguredSeverity(text) else {
                let names = ["off", "info", "warning", "error"]
                let near = Suggestion.closest(to: text, in: names) ?? names.first { !text.isEmpty && $0.hasPrefix(text.lowercased()) }
                let hint = near.map { "; did you mean '\($0)'?" } ?? ""
                throw error(range, "'\(key)' must be off, info, warning or error, not '\(text)'\(hint)")
            }
            return severity
        }
    }
}
