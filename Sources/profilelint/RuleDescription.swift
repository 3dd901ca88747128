import Foundation
import ProfileLint

/// One rule as `rules --format json` prints it: everything `explain` shows, machine-readable
/// (the per-rule documentation pages are generated from it).
struct RuleDescription: Encodable {
    var id: String
    var kind: String
    /// In force here: the configuration applied, `off` included.
    var severity: String
    /// As the rule file sets it.
    var defaultSeverity: String
    var appliesTo: [String]
    var fields: [String]
    var summary: String
    var message: String
    var rationale: String
    var helpURI: String?
    var howToFix: String?
    /// Parameters as the rule file (or the configuration) sets them.
    var parameters: [String: JSONValue]
    /// Every parameter the kind reads.
    var kindParameters: [String]
    var examples: Examples
    /// `built-in`, or the rule file's path.
    var source: String

    struct Examples: Encodable {
        var triggering: [String]
        var passing: [String]
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, severity, defaultSeverity = "default_severity", appliesTo = "applies_to", fields, summary, message,
             rationale, helpURI = "help_uri", howToFix = "how_to_fix", parameters, kindParameters = "kind_parameters", examples, source
    }

    init(_ rule: Rule, configured: ConfiguredRules) {
        let inForce = configured.rule(rule.id) ?? rule
        id = rule.id
        kind = rule.kind
        severity = configured.severityText(rule)
        defaultSeverity = rule.severity.rawValue
        appliesTo = rule.appliesToList.components(separatedBy: ", ")
        fields = rule.fields.map(\.description)
        summary = rule.summary()
        message = rule.message
        rationale = rule.rationale.trimmingTrailingNewlines()
        helpURI = rule.helpURI
        howToFix = rule.howToFix?.trimmingTrailingNewlines()
        parameters = inForce.parameters.values.mapValues { JSONValue($0.node) }
        kindParameters = CheckKinds.named(rule.kind)?.parameterKeys ?? []
        examples = Examples(triggering: rule.examples.triggering, passing: rule.examples.passing)
        source = rule.file.path.hasPrefix(BuiltInRulePack.pathPrefix) ? "built-in" : rule.file.path
    }
}

/// A YAML value as JSON: scalars by their YAML type, lists and maps as they are.
enum JSONValue: Encodable {
    case string(String), number(Double), integer(Int), bool(Bool), null
    case list([JSONValue]), map([String: JSONValue])

    init(_ node: Node) {
        switch node.value {
        case .list(let items): self = .list(items.map(JSONValue.init))
        case .map(let entries): self = .map(Dictionary(entries.map { ($0.key, JSONValue($0.value)) }, uniquingKeysWith: { _, last in last }))
        case .scalar(let scalar):
            switch scalar.type {
            case .integer: self = Int(scalar.text).map(JSONValue.integer) ?? .string(scalar.text)
            case .float: self = scalar.number.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .string(scalar.text)
            case .boolean: self = scalar.bool.map(JSONValue.bool) ?? .string(scalar.text)
            case .null: self = .null
            case .string: self = .string(scalar.text)
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .integer(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        case .list(let items): try container.encode(items)
        case .map(let members): try container.encode(members)
        }
    }
}

/// The JSON document `rules --format json` prints (version 1): the rules, and the check kinds
/// and built-in checks they are documented with.
struct RulesDocument: Encodable {
    var version = 1
    var configuration: String?
    var rules: [RuleDescription]
    var kinds = CheckKinds.all.map(KindDescription.init)
    var builtInChecks = BuiltInCheck.allCases.map(BuiltInCheckDescription.init)

    enum CodingKeys: String, CodingKey {
        case version, configuration, rules, kinds, builtInChecks = "built_in_checks"
    }
}
