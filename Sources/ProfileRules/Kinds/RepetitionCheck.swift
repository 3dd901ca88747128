import Foundation
import ProfileModel
import ProfileText

/// `repetition`: keyword stuffing. Words are grouped by their Porter2 stem (`designs`
/// and `designing` are one term); stop words and numbers are left out. A term is
/// stuffed when either
/// - its share of all the words of a text of at least `min_words` words (default 80) is
///   above `max_share` (a fraction, default 0.08) and it occurs at least `min_count`
///   times (default 5), or
/// - it occurs more than `max_in_opening` times (default 4) in the first
///   `opening_characters` characters (default 250), the part clients see in search.
/// Each stuffed term is one finding at its first occurrence, with notes at the others;
/// `{share}` and `{words}` are of the whole text, or of the opening for an opening finding.
public struct RepetitionCheck: CheckKind {
    public static let name = "repetition"
    public static let summary = "No word is repeated so often that the text reads as keyword stuffing."
    static let maxShare = Parameter.number("max_share", default: 0.08, min: 0, max: 1,
                                           "A word (by stem) above this share of a text's words is reported (with min_count).")
    static let minWords = Parameter.integer("min_words", default: 80, min: 1, "The share test applies only to texts of at least this many words.")
    static let minCount = Parameter.integer("min_count", default: 5, min: 2, "The share test needs the word at least this many times.")
    static let maxInOpening = Parameter.integer("max_in_opening", default: 4, min: 1,
                                                "A word used more often than this in the opening is reported.")
    static let openingCharacters = Parameter.integer("opening_characters", default: 250, min: 1,
                                                     "How many characters count as the opening.")
    package static let parameters = [maxShare.spec, minWords.spec, minCount.spec, maxInOpening.spec, openingCharacters.spec]
    public static let needsField = true
    public static let argumentNames = ["term", "count", "share", "max_share", "words", "where", "max_in_opening"]

    let fields: [FieldPath]
    let maxShare: Double
    let minWords: Int
    let minCount: Int
    let maxInOpening: Int
    let openingCharacters: Int

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        let parameters = rule.parameters
        maxShare = try parameters.value(Self.maxShare)
        minWords = try parameters.value(Self.minWords)
        minCount = try parameters.value(Self.minCount)
        maxInOpening = try parameters.value(Self.maxInOpening)
        openingCharacters = try parameters.value(Self.openingCharacters)
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) where value.scalar.type == .string {
            let terms = TextAnalyzer.analyze(value.text).terms
            let content = terms.filter { !$0.isStopWord && !$0.isNumber }
            var byStem: [String: [AnalyzedTerm]] = [:]
            for term in content { byStem[term.stem, default: []].append(term) }
            let openingEnd = value.leadingRange(characters: openingCharacters).upperBound
            var reported = Set<String>()

            if terms.count >= minWords {
                for (stem, occurrences) in byStem where occurrences.count >= minCount
                    && Double(occurrences.count) / Double(terms.count) > maxShare {
                    reported.insert(stem)
                    findings.append(finding(occurrences, value: value, words: terms.count, where: "the text"))
                }
            }
            let openingWords = terms.filter { $0.range.upperBound <= openingEnd }.count
            for (stem, occurrences) in byStem where !reported.contains(stem) {
                let inOpening = occurrences.filter { $0.range.upperBound <= openingEnd }
                if inOpening.count > maxInOpening {
                    findings.append(finding(inOpening, value: value, words: openingWords,
                                            where: "the first \(openingCharacters) characters"))
                }
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    private func finding(_ occurrences: [AnalyzedTerm], value: TextValue, words: Int, where place: String) -> Finding {
        // Name the term by its most frequent spelling (the first of equals).
        var spellings: [String: Int] = [:]
        for term in occurrences { spellings[term.normalized, default: 0] += 1 }
        let most = spellings.values.max()
        let name = occurrences.map(\.normalized).first { spellings[$0] == most } ?? occurrences[0].normalized
        let share = Double(occurrences.count) / Double(max(words, 1))
        return Finding(
            range: value.sourceRange(occurrences[0].range), fieldPath: value.path,
            arguments: ["term": name, "count": "\(occurrences.count)", "share": Self.percent(share),
                        "max_share": Self.percent(maxShare), "words": "\(words)", "where": place,
                        "max_in_opening": "\(maxInOpening)"],
            notes: occurrences.dropFirst().map { Note("'\($0.text)' again", range: value.sourceRange($0.range)) })
    }

    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }
}
