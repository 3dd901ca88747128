import ProfileModel
import ProfileText

/// `length`: a text field's length is within `min_characters`/`max_characters` and
/// `min_words`/`max_words`.
///
/// Characters are counted as extended grapheme clusters (what a reader sees as one
/// character: `é` written as `e` + combining accent is one, a flag or a skin-toned
/// emoji is one), after trimming whitespace at both ends. Words are the tokenizer's words.
/// Text over `max_characters` is reported on exactly the part past the limit.
public struct LengthCheck: CheckKind {
    public static let name = "length"
    public static let summary = "Text is within character and word limits (at least one limit must be set)."
    static let minCharacters = Parameter<Int?>.integer("min_characters", min: 0, "The fewest characters (grapheme clusters) allowed.")
    static let maxCharacters = Parameter<Int?>.integer("max_characters", min: 0, "The most characters allowed; the part past it is marked.")
    static let minWords = Parameter<Int?>.integer("min_words", min: 0, "The fewest words allowed.")
    static let maxWords = Parameter<Int?>.integer("max_words", min: 0, "The most words allowed.")
    package static let parameters = [minCharacters.spec, maxCharacters.spec, minWords.spec, maxWords.spec]
    public static let needsField = true
    public static let argumentNames = ["length", "words", "min_characters", "max_characters", "min_words", "max_words", "over"]

    let fields: [FieldPath]
    let minCharacters: Int?
    let maxCharacters: Int?
    let minWords: Int?
    let maxWords: Int?

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        let parameters = rule.parameters
        minCharacters = try parameters.value(Self.minCharacters)
        maxCharacters = try parameters.value(Self.maxCharacters)
        minWords = try parameters.value(Self.minWords)
        maxWords = try parameters.value(Self.maxWords)
        try parameters.requireOrdered(Self.minCharacters, minCharacters, Self.maxCharacters, maxCharacters)
        try parameters.requireOrdered(Self.minWords, minWords, Self.maxWords, maxWords)
        if minCharacters == nil, maxCharacters == nil, minWords == nil, maxWords == nil {
            throw Self.needsOneOf(Self.parameters, rule: rule)
        }
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) {
            let content = value.trimmedText
            let length = content.count
            let words = Tokenizer.words(content).count
            var arguments: [String: String] = ["length": "\(length)", "words": "\(words)", "over": "0"]
            arguments["min_characters"] = minCharacters.map(String.init) ?? ""
            arguments["max_characters"] = maxCharacters.map(String.init) ?? ""
            arguments["min_words"] = minWords.map(String.init) ?? ""
            arguments["max_words"] = maxWords.map(String.init) ?? ""
            if let maxCharacters, length > maxCharacters {
                // The part past the limit: from the first character over it to the end.
                arguments["over"] = "\(length - maxCharacters)"
                let range = value.sourceRange(value.leadingRange(characters: maxCharacters).upperBound..<value.trimmedValueRange.upperBound)
                findings.append(Finding(range: range, fieldPath: value.path, arguments: arguments))
            } else if let maxWords, words > maxWords {
                arguments["over"] = "\(words - maxWords)"
                findings.append(Finding(range: value.contentSourceRange, fieldPath: value.path, arguments: arguments))
            } else if let minCharacters, length < minCharacters {
                findings.append(Finding(range: value.contentSourceRange, fieldPath: value.path, arguments: arguments))
            } else if let minWords, words < minWords {
                findings.append(Finding(range: value.contentSourceRange, fieldPath: value.path, arguments: arguments))
            }
        }
        return findings
    }
}
