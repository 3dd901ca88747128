/// The diagnostic ids no rule file defines (`LintSession.builtInRuleIDs`): checks of the
/// profile loader and of suppression comments. `explain` and the SARIF rule list describe
/// them from here.
public enum BuiltInChecks {
    /// What each built-in id reports, in a sentence.
    public static let descriptions: [String: String] = [
        "parse-error": "The profile file cannot be read as YAML or JSON (invalid syntax, invalid UTF-8, empty, or over the size limit); nothing else is checked until it parses.",
        "duplicate-key": "A map in the profile names the same key twice; only one value can be meant.",
        "invalid-type": "A profile field holds the wrong kind of value (for example a list where a map is expected, or text where a number is).",
        "unknown-key": "The profile has a field profilelint does not know, often a misspelling of a known field; it is not checked.",
        Suppressions.unusedRuleID: "A profilelint-disable comment that hides no finding; remove it so it cannot hide a future one.",
        Suppressions.invalidRuleID: "A profilelint-disable comment that names no known rule id or is malformed.",
    ]

    /// The description of `id`, if it is a built-in check.
    public static func description(of id: String) -> String? {
        descriptions[id]
    }
}
