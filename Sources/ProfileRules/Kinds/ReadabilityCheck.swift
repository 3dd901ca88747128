import Foundation
import ProfileModel
import ProfileText

/// `readability`: a text's Flesch reading ease (`ProfileText.Readability`, computed as PyPI
/// `textstat` 0.7.3 computes it) is at least `min_score` (default 50, "fairly difficult" and
/// easier). Texts under `min_words` words (default 40) are not scored: the formula is
/// unstable on a sentence or two. The finding covers the text, with a note at its
/// hardest sentence (the lowest-scoring one of at least three words).
public struct ReadabilityCheck: CheckKind {
    public static let name = "readability"
    public static let summary = "Text reads easily enough (Flesch reading ease)."
    static let minScore = Parameter.number("min_score", default: 50, min: -100, max: 121,
                                           "Text scoring below this Flesch reading ease is reported.")
    static let minWords = Parameter.integer("min_words", default: 40, min: 1, "Shorter texts are not scored.")
    package static let parameters = [minScore.spec, minWords.spec]
    public static let needsField = true
    public static let argumentNames = ["score", "min_score", "words", "level"]

    let fields: [FieldPath]
    let minScore: Double
    let minWords: Int

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        minScore = try rule.parameters.value(Self.minScore)
        minWords = try rule.parameters.value(Self.minWords)
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) where value.scalar.type == .string {
            let words = Tokenizer.words(value.text).count
            guard words >= minWords, let score = Readability.fleschReadingEase(value.text), score < minScore else { continue }
            var notes: [Note] = []
            if let hardest = hardestSentence(value.text) {
                notes.append(Note("the hardest sentence (reading ease \(Self.format(hardest.score)))",
                                  range: value.sourceRange(hardest.range)))
            }
            findings.append(Finding(
                range: value.contentSourceRange, fieldPath: value.path,
                arguments: ["score": Self.format(score), "min_score": RuleParameters.format(minScore),
                            "words": "\(words)", "level": Self.level(score)],
                notes: notes))
        }
        return findings
    }

    /// The sentence of at least three words with the lowest reading ease.
    func hardestSentence(_ text: String) -> (range: Range<Int>, score: Double)? {
        let utf8 = Array(text.utf8)
        var hardest: (range: Range<Int>, score: Double)?
        for range in Tokenizer.sentences(text) {
            let sentence = String(decoding: utf8[range], as: UTF8.self)
            guard Tokenizer.words(sentence).count >= 3, let score = Readability.fleschReadingEase(sentence) else { continue }
            if score < hardest?.score ?? .infinity { hardest = (range, score) }
        }
        return hardest
    }

    static func format(_ score: Double) -> String {
        String(format: "%.1f", score)
    }

    /// Flesch's own bands for a score.
    static func level(_ score: Double) -> String {
        switch score {
        case 90...: "very easy"
        case 80..<90: "easy"
        case 70..<80: "fairly easy"
        case 60..<70: "plain English"
        case 50..<60: "fairly difficult"
        case 30..<50: "difficult"
        default: "very difficult"
        }
    }
}
