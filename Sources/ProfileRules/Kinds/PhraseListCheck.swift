import ProfileModel

/// `phrase-list`: text fields use none of `phrases` (case-insensitive, whole words:
/// "team player" matches "Team-Player" but not "steam players"). `replacements` maps a
/// phrase to a suggested wording; the message gets it as `{replacement}`/`{suggestion}`,
/// and where the phrase stands verbatim in the file a fix replaces it.
/// Without `field`, every text field of the section is checked.
public struct PhraseListCheck: CheckKind {
    public static let name = "phrase-list"
    public static let summary = "Text does not use listed phrases; a replacement, when given, becomes the suggestion and a fix."
    static let phrasesParameter = Parameter.strings("phrases", nonEmpty: true, "Phrases to report, matched as whole words.")
    static let replacementsParameter = Parameter.stringMap("replacements", "Phrases to report, each with the wording to use instead.")
    package static let parameters = [phrasesParameter.spec, replacementsParameter.spec]
    public static let needsField = false
    public static let argumentNames = ["phrase", "replacement", "suggestion"]

    let fields: [FieldPath]
    let matcher: PhraseMatcher
    /// The replacement of each phrase of `matcher`, if any.
    let replacements: [String?]

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        let parameters = rule.parameters
        var phrases = try parameters.value(Self.phrasesParameter)
        var replacements: [String?] = phrases.map { _ in nil }
        for pair in try parameters.value(Self.replacementsParameter) {
            phrases.append(pair.key)
            replacements.append(pair.value)
        }
        if phrases.isEmpty {
            throw Self.needsOneOf(Self.parameters, rule: rule)
        }
        matcher = PhraseMatcher(phrases: phrases)
        for (index, words) in matcher.phraseWords.enumerated() where words.isEmpty {
            let parameter = replacements[index] != nil ? Self.replacementsParameter.spec : Self.phrasesParameter.spec
            throw parameters.invalid(parameter.key, "has an entry with no words: '\(phrases[index])'")
        }
        self.replacements = replacements
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) {
            let utf8 = Array(value.text.utf8)
            for match in matcher.matches(in: value.text) {
                let written = String(decoding: utf8[match.range], as: UTF8.self)
                let replacement = replacements[match.phraseIndex].map { Self.matchingCase($0, of: written) }
                var fixes: [Fix] = []
                if let replacement, Self.isSafeInScalar(replacement),
                   let range = value.verbatimSourceRange(match.range, in: context.file) {
                    fixes.append(Fix(description: "Replace '\(written)' with '\(replacement)'",
                                     edits: [TextEdit(range: range, replacement: replacement)]))
                }
                findings.append(Finding(
                    range: value.sourceRange(match.range), fieldPath: value.path,
                    arguments: ["phrase": written, "replacement": replacement ?? "",
                                "suggestion": replacement.map { "; write '\($0)' instead" } ?? ""],
                    fixes: fixes))
            }
        }
        return findings
    }

    /// The replacement capitalized like the written phrase's first letter.
    static func matchingCase(_ replacement: String, of written: String) -> String {
        guard let first = written.first, first.isUppercase, let head = replacement.first, head.isLowercase else { return replacement }
        return head.uppercased() + replacement.dropFirst()
    }

    /// Whether text can replace part of a plain, single- or double-quoted YAML (or JSON)
    /// scalar without changing how the rest of it parses.
    static func isSafeInScalar(_ text: String) -> Bool {
        !text.isEmpty && !text.contains { "\"'\\#:{}[],&*!|>%@`\n\r\t".contains($0) }
    }
}
