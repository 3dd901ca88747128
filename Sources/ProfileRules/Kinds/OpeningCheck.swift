import ProfileModel
import ProfileText

/// `opening`: what the first `characters` characters of a text (default 250, the part of
/// an overview shown in search results) say. Any of:
/// - `forbidden_starts`: phrases the text must not begin with ("hi", "hello", "my name is");
/// - `forbidden_phrases`: phrases that must not appear in the opening ("my name is");
/// - `require_terms_from`: fields of the same section (such as `[title, skills]`) at least
///   one of whose content words (by stem, stop words left out) the opening must mention.
/// Phrases match whole words, ignoring case, accents and punctuation. The forbidden phrases
/// of one opening make one finding, at the first, with notes at the others.
package struct OpeningCheck: CheckKind {
    package static let name = "opening"
    package static let summary = "The opening of a text (what search results show) starts well and names what the profile offers."
    static let characters = Parameter.integer("characters", default: 250, min: 1, "How many characters count as the opening.")
    static let forbiddenStarts = Parameter.strings("forbidden_starts", nonEmpty: true, "Phrases the text must not start with.")
    static let forbiddenPhrases = Parameter.strings("forbidden_phrases", nonEmpty: true, "Phrases the opening must not contain.")
    static let requireTermsFrom = Parameter.strings("require_terms_from", nonEmpty: true,
                                                    "Field paths (such as title, skills) the opening must share a term with.")
    package static let parameters = [characters.spec, forbiddenStarts.spec, forbiddenPhrases.spec, requireTermsFrom.spec]
    package static let needsField = true
    package static let argumentNames = ["phrase", "characters", "terms_from"]

    let fields: [FieldPath]
    let characters: Int
    let starts: PhraseMatcher?
    let phrases: PhraseMatcher?
    let termFields: [FieldPath]

    package init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        let parameters = rule.parameters
        characters = try parameters.value(Self.characters)
        starts = try Self.matcher(parameters, Self.forbiddenStarts)
        phrases = try Self.matcher(parameters, Self.forbiddenPhrases)
        var termFields: [FieldPath] = []
        for (index, text) in try parameters.value(Self.requireTermsFrom).enumerated() {
            guard let path = FieldPath(text) else {
                throw parameters.invalid(Self.requireTermsFrom, "item \(index + 1) ('\(text)') is not a field path such as 'title' or 'skills'")
            }
            termFields.append(path)
        }
        self.termFields = termFields
        if starts == nil, phrases == nil, termFields.isEmpty {
            throw Self.needsOneOf([Self.forbiddenStarts.spec, Self.forbiddenPhrases.spec, Self.requireTermsFrom.spec], rule: rule)
        }
    }

    static func matcher(_ parameters: RuleParameters, _ parameter: Parameter<[String]>) throws(RuleFileError) -> PhraseMatcher? {
        let list = try parameters.value(parameter)
        guard !list.isEmpty else { return nil }
        let matcher = PhraseMatcher(phrases: list)
        if let index = matcher.phraseWords.firstIndex(where: \.isEmpty) {
            throw parameters.invalid(parameter, "has an entry with no words: '\(list[index])'")
        }
        return matcher
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) where value.scalar.type == .string {
            let opening = value.leadingRange(characters: characters)
            guard !opening.isEmpty else { continue }
            let utf8 = Array(value.text.utf8)
            let words = FoldedWord.words(of: value.text).filter { $0.range.upperBound <= opening.upperBound }
            var arguments = ["characters": "\(characters)", "phrase": "", "terms_from": termFields.map(\.description).joined(separator: ", ")]
            var flagged: [Range<Int>] = []
            if let starts, let first = starts.matches(in: words).first, first.range.lowerBound == words.first?.range.lowerBound {
                flagged.append(first.range)
            }
            if let phrases {
                flagged += phrases.matches(in: words).map(\.range).filter { range in !flagged.contains { $0.overlaps(range) } }
            }
            // One finding per opening, at its first wasted phrase; the others are notes.
            if let first = flagged.min(by: { $0.lowerBound < $1.lowerBound }) {
                let text = { (range: Range<Int>) in String(decoding: utf8[range], as: UTF8.self) }
                arguments["phrase"] = text(first)
                let notes = flagged.filter { $0 != first }.sorted { $0.lowerBound < $1.lowerBound }
                    .map { Note("also '\(text($0))'", range: value.sourceRange($0)) }
                findings.append(Finding(range: value.sourceRange(first), fieldPath: value.path, arguments: arguments, notes: notes))
            }
            if !termFields.isEmpty, !mentionsTerms(value.text, opening: opening, section: section) {
                arguments["phrase"] = ""
                findings.append(Finding(range: value.sourceRange(opening), fieldPath: value.path, arguments: arguments))
            }
        }
        return findings
    }

    /// Whether the opening shares a content word stem with the term fields (true when
    /// those fields have no content words, since then there is nothing to mention).
    func mentionsTerms(_ text: String, opening: Range<Int>, section: ProfileSection) -> Bool {
        var wanted = Set<String>()
        for value in section.textValues(termFields) {
            for term in TextAnalyzer.analyze(value.text).terms where !term.isStopWord && !term.isNumber {
                wanted.insert(term.stem)
            }
        }
        if wanted.isEmpty { return true }
        return TextAnalyzer.analyze(text).terms.contains { $0.range.upperBound <= opening.upperBound && wanted.contains($0.stem) }
    }
}
