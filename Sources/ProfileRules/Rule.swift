import ProfileModel

/// A rule loaded from a rule file: a check kind with its parameters and the
/// text a user sees (message template, rationale, examples).
public struct Rule: Sendable {
    public var id: String
    /// The check kind's name (`length`, `count`, ...).
    public var kind: String
    public var appliesTo: Set<SectionKind>
    /// The fields the rule looks at (`field:` may name one path or a list of paths).
    public var fields: [FieldPath]
    public var severity: Severity
    /// Message template; `{name}` placeholders are filled from a finding's arguments.
    public var message: String
    /// Why the rule exists, citing its source.
    public var rationale: String
    /// A link to more documentation, when there is one.
    public var helpURI: String?
    /// What to change in a profile to resolve a finding, in plain words (docs and `explain`).
    public var howToFix: String?
    public var examples: RuleExamples
    /// The kind-specific keys of the rule file.
    public var parameters: RuleParameters
    /// The rule file (for located errors).
    public var file: SourceFile
    /// Where the rule file writes its id (for errors such as a duplicate id).
    public var idRange: ByteRange

    public init(id: String, kind: String, appliesTo: Set<SectionKind>, fields: [FieldPath], severity: Severity,
                message: String, rationale: String, helpURI: String?, examples: RuleExamples,
                parameters: RuleParameters, file: SourceFile, idRange: ByteRange, howToFix: String? = nil) {
        self.id = id
        self.kind = kind
        self.appliesTo = appliesTo
        self.fields = fields
        self.idRange = idRange
        self.severity = severity
        self.message = message
        self.rationale = rationale
        self.helpURI = helpURI
        self.howToFix = howToFix
        self.examples = examples
        self.parameters = parameters
        self.file = file
    }

    /// The message with `{name}` placeholders replaced by `arguments`.
    public func renderMessage(_ arguments: [String: String]) -> String {
        MessageTemplate.render(message, arguments)
    }
}

/// Profile snippets (YAML) that must trigger or must not trigger a rule; they run as tests.
public struct RuleExamples: Sendable {
    public var triggering: [String]
    public var passing: [String]
    public init(triggering: [String] = [], passing: [String] = []) {
        self.triggering = triggering
        self.passing = passing
    }
}

/// Fills `{name}` placeholders.
public enum MessageTemplate {
    public static func render(_ template: String, _ arguments: [String: String]) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            output += arguments[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    /// The placeholder names a template uses.
    public static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
