import Foundation

/// Reads rule files (`*.yml`, `*.yaml`) into `Rule`s; every mistake is a `RuleFileError`
/// naming the file, line, column and key.
public enum RuleLoader {
    /// Keys every rule file may have, whatever its kind.
    static let commonKeys = ["id", "kind", "applies_to", "field", "severity", "message", "rationale", "help_uri", "examples"]

    /// Loads every rule file directly inside `directory`, sorted by file name.
    public static func loadDirectory(_ directory: String) throws(RuleFileError) -> [Rule] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RuleFileError(file: SourceFile(path: directory, bytes: []), range: ByteRange(0, 0),
                                message: "cannot read the rule directory")
        }
        var rules: [Rule] = []
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuleFileError(file: SourceFile(path: path, bytes: []), range: ByteRange(0, 0), message: "cannot read the rule file")
            }
            rules.append(try load(SourceFile(path: path, bytes: Array(data))))
        }
        return rules
    }

    /// Parses one rule file.
    public static func load(_ file: SourceFile) throws(RuleFileError) -> Rule {
        let root: Node
        do {
            guard let node = try DocumentLoader.load(file, format: .yaml) else {
                throw RuleFileError(file: file, range: ByteRange(0, 0), message: "the rule file is empty")
            }
            root = node
        } catch let error as LoadError {
            throw RuleFileError(file: file, range: error.range, message: error.message)
        } catch {
            throw error as! RuleFileError
        }
        guard let entries = root.map else {
            throw RuleFileError(file: file, range: root.range, message: "a rule file must be a map")
        }
        func required(_ key: String) throws(RuleFileError) -> String {
            guard let entry = root.entry(key) else {
                throw RuleFileError(file: file, range: root.range, message: "missing required key '\(key)'")
            }
            guard let text = entry.value.scalar?.text, !text.isEmpty else {
                throw RuleFileError(file: file, range: entry.value.range, message: "'\(key)' must be a non-empty string")
            }
            return text
        }
        let id = try required("id")
        if id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
            throw RuleFileError(file: file, range: root["id"]!.range, message: "'id' must be kebab-case (lowercase words joined by '-')")
        }
        let kindName = try required("kind")
        guard let kind = CheckKinds.named(kindName) else {
            let names = CheckKinds.all.map { $0.name }
            let hint = Suggestion.closest(to: kindName, in: names).map { "; did you mean '\($0)'?" } ?? ""
            throw RuleFileError(file: file, range: root["kind"]!.range,
                                message: "unknown check kind '\(kindName)'\(hint) (kinds: \(names.joined(separator: ", ")))")
        }
        let severityText = try required("severity")
        guard let severity = Severity(rawValue: severityText) else {
            throw RuleFileError(file: file, range: root["severity"]!.range, message: "'severity' must be error, warning or info")
        }
        let message = try required("message")
        let rationale = try required("rationale")

        var appliesTo: Set<SectionKind> = [.profile]
        if let node = root["applies_to"] {
            guard let items = node.list, !items.isEmpty else {
                throw RuleFileError(file: file, range: node.range, message: "'applies_to' must be a non-empty list of: profile, specialized")
            }
            appliesTo = []
            for item in items {
                guard let section = item.string.flatMap(SectionKind.init(rawValue:)) else {
                    throw RuleFileError(file: file, range: item.range, message: "'applies_to' items must be 'profile' or 'specialized'")
                }
                appliesTo.insert(section)
            }
        }

        var field: FieldPath?
        if let node = root["field"] {
            guard let text = node.string, let path = FieldPath(text) else {
                throw RuleFileError(file: file, range: node.range, message: "'field' must be a field path such as 'title' or 'portfolio[].description'")
            }
            field = path
        } else if kind.needsField {
            throw RuleFileError(file: file, range: root.range, message: "kind '\(kindName)' needs a 'field'")
        }

        let helpURI = root["help_uri"]?.string
        var examples = RuleExamples()
        if let node = root["examples"] {
            guard node.map != nil else {
                throw RuleFileError(file: file, range: node.range, message: "'examples' must be a map with 'triggering' and 'passing' lists")
            }
            for entry in node.map! {
                guard let items = entry.value.list, let strings = Optional(items.compactMap(\.string)), strings.count == items.count else {
                    throw RuleFileError(file: file, range: entry.value.range, message: "'examples.\(entry.key)' must be a list of profile snippets (strings)")
                }
                switch entry.key {
                case "triggering": examples.triggering = strings
                case "passing": examples.passing = strings
                default:
                    throw RuleFileError(file: file, range: entry.keyRange, message: "unknown key 'examples.\(entry.key)'; expected 'triggering' or 'passing'")
                }
            }
        }

        var parameters: [String: (node: Node, keyRange: ByteRange, file: SourceFile)] = [:]
        var seen = Set<String>()
        for entry in entries {
            if !seen.insert(entry.key).inserted {
                throw RuleFileError(file: file, range: entry.keyRange, message: "duplicate key '\(entry.key)'")
            }
            if commonKeys.contains(entry.key) { continue }
            guard kind.parameterKeys.contains(entry.key) else {
                let candidates = kind.parameterKeys + commonKeys
                let hint = Suggestion.closest(to: entry.key, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
                throw RuleFileError(file: file, range: entry.keyRange,
                                    message: "unknown key '\(entry.key)' for kind '\(kindName)'\(hint)")
            }
            parameters[entry.key] = (entry.value, entry.keyRange, file)
        }

        return Rule(id: id, kind: kindName, appliesTo: appliesTo, field: field, severity: severity,
                    message: message, rationale: rationale, helpURI: helpURI, examples: examples,
                    parameters: RuleParameters(values: parameters), file: file)
    }
}
