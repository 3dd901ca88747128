import Foundation
import ProfileModel

/// Reads rule files (`*.yml`, `*.yaml`) into `Rule`s; every mistake is a `RuleFileError`
/// naming the file, line, column and key.
package enum RuleLoader {
    /// Keys every rule file may have, whatever its kind.
    static let commonKeys = ["id", "kind", "applies_to", "field", "severity", "message", "rationale", "help_uri", "how_to_fix", "examples"]

    /// Parses one rule file.
    package static func load(_ file: SourceFile) throws(RuleFileError) -> Rule {
        try load(file, root: RulePack.parse(file))
    }

    /// Validates one rule file's tree (`root`, as `DocumentLoader` reads `file`; nil for a
    /// file with nothing in it). Without `validating`, the checks that can only find a mistake
    /// (duplicate and unknown keys, the id's spelling, placeholders, field paths the schema
    /// lacks) are skipped: for the built-in pack, which tests load both ways (see `RulePack`).
    static func load(_ file: SourceFile, root parsed: Node?, validating: Bool = true) throws(RuleFileError) -> Rule {
        guard let root = parsed else {
            throw RuleFileError(file: file, range: ByteRange(0, 0), message: "the rule file is empty")
        }
        guard let entries = root.map else {
            throw RuleFileError(file: file, range: root.range, message: "a rule file must be a map")
        }
        var seen = Set<String>()
        for entry in entries where validating && !seen.insert(entry.key).inserted {
            throw RuleFileError(file: file, range: entry.keyRange, message: "duplicate key '\(entry.key)'")
        }

        func required(_ key: String) throws(RuleFileError) -> (text: String, range: ByteRange) {
            guard let entry = root.entry(key) else {
                throw RuleFileError(file: file, range: root.range, message: "missing required key '\(key)'")
            }
            guard let scalar = entry.value.scalar, scalar.type != .null, !scalar.text.isEmpty else {
                throw RuleFileError(file: file, range: entry.value.range, message: "'\(key)' must be a non-empty string")
            }
            return (scalar.text, entry.value.range)
        }

        let id = try required("id")
        if validating, !isKebabCase(id.text) {
            throw RuleFileError(file: file, range: id.range, message: "'id' must be kebab-case (lowercase words joined by '-')")
        }
        let kindName = try required("kind")
        guard let kind = CheckKinds.named(kindName.text) else {
            let names = CheckKinds.all.map { $0.name }
            let hint = Suggestion.closest(to: kindName.text, in: names).map { "; did you mean '\($0)'?" } ?? ""
            throw RuleFileError(file: file, range: kindName.range,
                                message: "unknown check kind '\(kindName.text)'\(hint) (kinds: \(names.joined(separator: ", ")))")
        }
        let severityText = try required("severity")
        guard let severity = Severity(rawValue: severityText.text) else {
            throw RuleFileError(file: file, range: severityText.range,
                                message: "'severity' must be error, warning or info, not '\(severityText.text)'")
        }
        let message = try required("message")
        if validating { try validatePlaceholders(message.text, kind: kind, file: file, range: message.range) }
        let rationale = try required("rationale")
        var helpURI: String?
        if root.entry("help_uri") != nil { helpURI = try required("help_uri").text }
        let howToFix = root.entry("how_to_fix") == nil ? nil : try required("how_to_fix").text

        // Every other key must be one the kind reads.
        var parameters: [String: (node: Node, keyRange: ByteRange, file: SourceFile)] = [:]
        for entry in entries where !commonKeys.contains(entry.key) {
            guard !validating || kind.parameter(entry.key) != nil else {
                throw RuleFileError(file: file, range: entry.keyRange, message: kind.unknownKeyMessage(entry.key, otherKeys: commonKeys))
            }
            parameters[entry.key] = (entry.value, entry.keyRange, file)
        }

        let appliesTo = try readAppliesTo(root, file: file)
        let fields = try readFields(root, appliesTo: appliesTo, file: file, validating: validating)
        if fields.isEmpty, kind.needsField {
            throw RuleFileError(file: file, range: root.range, message: "kind '\(kindName.text)' needs a 'field'")
        }

        return Rule(id: id.text, kind: kindName.text, appliesTo: appliesTo, fields: fields,
                    severity: severity, message: message.text, rationale: rationale.text, helpURI: helpURI,
                    examples: try readExamples(root, file: file), parameters: RuleParameters(values: parameters),
                    file: file, idRange: id.range, howToFix: howToFix)
    }

    /// Whether `id` is lowercase ASCII words and digits joined by single hyphens (`all-caps`).
    static func isKebabCase(_ id: String) -> Bool {
        id.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).allSatisfy { word in
            !word.isEmpty && word.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }

    /// The field paths a rule applying to each set of sections may name (every rule asks).
    static let knownFieldPaths: [Set<SectionKind>: [String]] = {
        let kinds = SectionKind.allCases
        var subsets: [Set<SectionKind>] = [[]]
        for kind in kinds { subsets += subsets.map { $0.union([kind]) } }
        return Dictionary(uniqueKeysWithValues: subsets.map { ($0, ProfileSchema.fieldPaths(for: $0)) })
    }()

    /// Rejects `{names}` the kind and the engine do not fill, and unbalanced braces.
    static func validatePlaceholders(_ template: String, kind: any CheckKind.Type, file: SourceFile, range: ByteRange) throws(RuleFileError) {
        let opens = template.filter { $0 == "{" }.count
        let closes = template.filter { $0 == "}" }.count
        if opens != closes {
            throw RuleFileError(file: file, range: range, message: "'message' has unbalanced '{' and '}'")
        }
        let known = kind.argumentNames + CheckKinds.engineArgumentNames
        for name in MessageTemplate.placeholders(template) where !known.contains(name) {
            let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '{\($0)}'?" } ?? ""
            throw RuleFileError(file: file, range: range,
                                message: "'message' uses the placeholder '{\(name)}', which kind '\(kind.name)' does not provide\(hint) (it provides: \(known.map { "{\($0)}" }.joined(separator: ", ")))")
        }
    }

    /// `field:` as one path or a list of paths, each one the profile schema has in a section
    /// the rule applies to (unless not `validating`).
    static func readFields(_ root: Node, appliesTo: Set<SectionKind>, file: SourceFile, validating: Bool = true) throws(RuleFileError) -> [FieldPath] {
        guard let node = root["field"] else { return [] }
        let items = node.list ?? [node]
        if items.isEmpty {
            throw RuleFileError(file: file, range: node.range, message: "'field' must name at least one field path")
        }
        let known = validating ? knownFieldPaths[appliesTo] ?? ProfileSchema.fieldPaths(for: appliesTo) : []
        var fields: [FieldPath] = []
        for item in items {
            guard let scalar = item.scalar, scalar.type == .string, let path = FieldPath(scalar.text) else {
                throw RuleFileError(file: file, range: item.range,
                                    message: "'field' must be a field path such as 'title' or 'portfolio[].description', or a list of them")
            }
            guard !validating || known.contains(path.description) else {
                let hint = Suggestion.closest(to: path.description, in: known).map { "; did you mean '\($0)'?" } ?? ""
                throw RuleFileError(file: file, range: item.range, message: "unknown profile field '\(path.description)'\(hint)")
            }
            fields.append(path)
        }
        return fields
    }

    static func readAppliesTo(_ root: Node, file: SourceFile) throws(RuleFileError) -> Set<SectionKind> {
        guard let node = root["applies_to"] else { return [.profile] }
        guard let items = node.list, !items.isEmpty else {
            throw RuleFileError(file: file, range: node.range, message: "'applies_to' must be a non-empty list of: profile, specialized")
        }
        var sections: Set<SectionKind> = []
        for item in items {
            guard let section = item.string.flatMap(SectionKind.init(rawValue:)) else {
                throw RuleFileError(file: file, range: item.range, message: "'applies_to' items must be 'profile' or 'specialized'")
            }
            sections.insert(section)
        }
        return sections
    }

    static func readExamples(_ root: Node, file: SourceFile) throws(RuleFileError) -> RuleExamples {
        guard let node = root["examples"] else { return RuleExamples() }
        guard let entries = node.map else {
            throw RuleFileError(file: file, range: node.range, message: "'examples' must be a map with 'triggering' and 'passing' lists")
        }
        var examples = RuleExamples()
        for entry in entries {
            guard let items = entry.value.list else {
                throw RuleFileError(file: file, range: entry.value.range, message: "'examples.\(entry.key)' must be a list of profile snippets (strings)")
            }
            var snippets: [String] = []
            for item in items {
                guard let scalar = item.scalar, scalar.type == .string else {
                    throw RuleFileError(file: file, range: item.range, message: "'examples.\(entry.key)' items must be profile snippets (strings)")
                }
                snippets.append(scalar.text)
            }
            switch entry.key {
            case "triggering": examples.triggering = snippets
            case "passing": examples.passing = snippets
            default:
                let hint = Suggestion.closest(to: entry.key, in: ["triggering", "passing"]).map { "; did you mean '\($0)'?" } ?? ""
                throw RuleFileError(file: file, range: entry.keyRange, message: "unknown key 'examples.\(entry.key)'\(hint); expected 'triggering' or 'passing'")
            }
        }
        return examples
    }
}
