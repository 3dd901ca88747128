import ProfileLint

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
