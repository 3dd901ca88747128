/// The findings no rule file defines: checks of the profile loader and of suppression
/// comments. The one place their ids and descriptions are spelled; `explain`, the SARIF rule
/// list and the configuration's rule-id check read them from here.
public enum BuiltInCheck: String, CaseIterable, Sendable {
    case parseError = "parse-error"
    case invalidType = "invalid-type"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case unusedSuppression = "unused-suppression"
    case invalidSuppression = "invalid-suppression"

    /// The id findings carry.
    public var id: String { rawValue }

    /// Every built-in id.
    public static let ids = allCases.map(\.rawValue)

    /// What the check reports, in a sentence.
    public var summary: String {
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

    /// The severity its findings have unless the configuration sets another.
    package var severity: Severity {
        switch self {
        case .parseError, .invalidType, .duplicateKey: .error
        case .unknownKey, .unusedSuppression, .invalidSuppression: .warning
        }
    }

    /// Whether a suppression comment can hide its findings. The suppression checks judge the
    /// comments themselves, so no comment can hide theirs; and a file that does not parse has
    /// no trustworthy comments, so a comment cannot turn a syntax error into "No problems".
    package var isSuppressible: Bool {
        self != .unusedSuppression && self != .invalidSuppression && self != .parseError
    }

    /// Where its documentation page is (SARIF `helpUri`, LSP `codeDescription`, `explain`).
    package var helpURI: String { Self.documentationBase + id + ".md" }

    /// The base of every rule page's address; a rule file's `help_uri` names its own page.
    package static let documentationBase = "https://github.com/profilelint/profilelint/blob/main/docs/rules/"

    /// What to change so the finding goes away, in a few plain sentences.
    package var howToFix: String {
        switch self {
        case .parseError:
            "Open the file at the reported line and column and repair the syntax there: a missing colon or closing bracket, "
                + "a tab used for indentation, an unclosed quote. Save it as UTF-8. If the message names the size limit, "
                + "the file is not a profile; leave it out with `exclude:` in the configuration."
        case .invalidType:
            "Write the value in the shape the field takes: the message names it (a list of strings, a number, a map with "
                + "`amount` and `currency`). A number written in quotes or with a currency sign is text; write the bare number."
        case .unknownKey:
            "Rename the key to the field it was meant to be (the message suggests the closest one) or remove it. "
                + "The profile format lists every field profilelint reads."
        case .duplicateKey:
            "Keep one of the two entries, merging their values if both hold something you want; the note points at the first."
        case .unusedSuppression:
            "Delete the comment, or the rule id it no longer needs. If the rule should stay off for a reason, "
                + "turn it off in the configuration instead, where the reason is visible to everyone."
        case .invalidSuppression:
            "Spell the comment as one of `profilelint-disable`, `profilelint-enable`, `profilelint-disable-line` or "
                + "`profilelint-disable-next-line`, followed by known rule ids (`profilelint rules` lists them) and, "
                + "after ` -- `, the reason."
        }
    }
}
