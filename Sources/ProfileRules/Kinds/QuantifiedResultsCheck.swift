import Foundation
import ProfileModel
import ProfileText

/// `quantified-results`: a description states at least one measurable result: a
/// percentage, a money amount, a multiplier (`3x`), a number of things, or a word such
/// as "doubled", "twice" or "percent". Years (`2019`) and lengths of experience (`10+ years`) do not count,
/// since they describe the freelancer rather than a result.
///
/// - `min_words` (default 40): shorter texts are not checked.
/// - `require_in`: `each` (default) reports every long-enough text without a figure;
///   `any` reports once, at the first such text, when none of the texts has one
///   (for lists such as `portfolio[].description`).
/// - `ignore_units`: words after a number that make it not a result
///   (default: year, years, yr, yrs).
package struct QuantifiedResultsCheck: CheckKind {
    package static let name = "quantified-results"
    package static let summary = "Texts state measured results: a percentage, an amount, a multiplier, a count."

    /// Which texts must state a result.
    enum Scope: String, CaseIterable, Sendable {
        /// Every long enough text.
        case each
        /// At least one of them.
        case any
    }

    static let minWords = Parameter.integer("min_words", default: 40, min: 0, "Texts shorter than this are not judged.")
    static let requireIn = Parameter.choice("require_in", default: Scope.each,
                                            "Whether each long enough text must state a result, or any one of them.")
    static let ignoreUnits = Parameter.strings("ignore_units", default: ["year", "years", "yr", "yrs"],
                                               "Units whose numbers are not results (lengths of experience).")
    package static let parameters = [minWords.spec, requireIn.spec, ignoreUnits.spec]
    package static let needsField = true
    package static let argumentNames = ["words", "min_words", "texts"]

    /// Words that state a measured change without digits ("doubled", "twice as fast", "forty percent").
    static let resultWords: Set<String> = ["doubled", "tripled", "quadrupled", "halved", "tenfold", "twofold", "threefold", "twice", "percent"]

    let fields: [FieldPath]
    let minWords: Int
    let requireEach: Bool
    let ignoredUnits: Set<String>

    package init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        let parameters = rule.parameters
        minWords = try parameters.value(Self.minWords)
        requireEach = try parameters.value(Self.requireIn) == .each
        ignoredUnits = Set(try parameters.value(Self.ignoreUnits).map { Normalizer.caseFold($0) })
    }

    /// A number with what stands right before and after it: group 1 a currency sign, 2 the
    /// number, 4 its unit. Compiled once per process, when a long enough text is first checked.
    static let numberPattern = ICUExpression.shared(
        #"([$€£¥₹]\s*)?(?<![\w.,])([0-9][0-9,.]*[0-9]|[0-9])(\+?)(\s*(?:%|percent\b|x\b|×|k\b|m\b|[a-z]+))?"#)

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        let texts = section.textValues(fields).filter { $0.scalar.type == .string }
            .map { (value: $0, words: Tokenizer.words($0.text).count) }
            .filter { $0.words >= minWords }
        var lacking: [(value: TextValue, words: Int)] = []
        var failures: [Finding] = []
        for text in texts {
            do throws(ICUExpression.Problem) {
                if try !hasResult(text.value.text) { lacking.append(text) }
            } catch {
                failures.append(Finding(failure: "its number pattern could not run on this text, which was not checked: \(error.summary)",
                                        range: text.value.contentSourceRange, fieldPath: text.value.path))
            }
        }
        let reported = requireEach ? lacking : (lacking.count == texts.count ? Array(lacking.prefix(1)) : [])
        return failures + reported.map { text in
            Finding(range: text.value.contentSourceRange, fieldPath: text.value.path,
                    arguments: ["words": "\(text.words)", "min_words": "\(minWords)", "texts": "\(texts.count)"])
        }
    }

    /// Whether a text states a measurable result.
    func hasResult(_ text: String) throws(ICUExpression.Problem) -> Bool {
        let folded = FoldedText(text).text
        let bytes = Array(folded.utf8)
        if FoldedWord.words(of: folded).contains(where: { Self.resultWords.contains($0.key) }) { return true }
        for match in try Self.numberPattern.characterMatches(in: folded, bytes: bytes, groups: 4) {
            let group = { (index: Int) -> String in
                match[index].map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
            }
            let currency = group(1)
            let number = group(2)
            let unit = group(4).trimmingCharacters(in: .whitespaces)
            if !currency.isEmpty || ["%", "percent", "x", "×", "k", "m"].contains(unit) { return true }
            let isYear = number.count == 4 && (number.hasPrefix("19") || number.hasPrefix("20"))
            if isYear || ignoredUnits.contains(unit) { continue }
            return true
        }
        return false
    }
}
