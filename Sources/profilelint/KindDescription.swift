import ProfileLint

/// One check kind as `rules --format json` prints it: what it checks and every parameter it
/// declares (the generated docs' parameter tables come from here).
struct KindDescription: Encodable {
    var name: String
    var summary: String
    var needsField: Bool
    var placeholders: [String]
    var parameters: [ParameterSpec]

    enum CodingKeys: String, CodingKey {
        case name, summary, needsField = "needs_field", placeholders, parameters
    }

    init(_ kind: any CheckKind.Type) {
        name = kind.name
        summary = kind.summary
        needsField = kind.needsField
        placeholders = kind.argumentNames
        parameters = kind.parameters
    }
}

/// A check built into the profile loader or the suppression comments, for its documentation page.
struct BuiltInCheckDescription: Encodable {
    var id: String
    var severity: String
    var summary: String
    var howToFix: String
    var helpURI: String
    /// Whether a suppression comment can hide its findings.
    var suppressible: Bool

    enum CodingKeys: String, CodingKey {
        case id, severity, summary, howToFix = "how_to_fix", helpURI = "help_uri", suppressible
    }

    init(_ check: BuiltInCheck) {
        id = check.id
        severity = check.severity.rawValue
        summary = check.summary
        howToFix = check.howToFix
        helpURI = check.helpURI
        suppressible = check.isSuppressible
    }
}
