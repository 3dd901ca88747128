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
