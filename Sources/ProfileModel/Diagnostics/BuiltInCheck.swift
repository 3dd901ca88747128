/// The findings no rule file defines: checks of the profile loader and of suppression
/// comments. The one place their ids and descriptions are spelled; `explain`, the SARIF rule
/// list and the configuration's rule-id check read them from here.
package enum BuiltInCheck: String, CaseIterable, Sendable {
    case parseError = "parse-error"
    case invalidType = "invalid-type"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case unusedSuppression = "unused-suppression"
    case invalidSuppression = "invalid-suppression"

    /// The id findings carry.
    package var id: String { rawValue }

    /// Every built-in id.
    package static let ids = allCases.map(\.rawValue)

    /// What the check reports, in a sentence.
    package var summary: String {
        switch self {
        case .parseError:
            "The profile file cannot be read as YAML or JSON (invalid syntax, invalid UTF-8, empty, or over the size limit); nothing else is checked until it parses."
        case .duplicateKey: "A map in the profile names the same key twice; only one value can be meant."
        case .invalidType:
            "A profile field holds the wrong kind of value (for example a list where a map is expected, or text where a number is)."
        case .unknownKey:
            "The profile has a field profilelint does not know, often a misspelling of a known field; it is not checked."
        case .unusedSuppression: "A profilelint-disable comment that hides no finding; remove it so it cannot hide a future one."
        case .invalidSuppression: "A profilelint-disable comment that names no known rule id or is malformed."
        }
    }
}
