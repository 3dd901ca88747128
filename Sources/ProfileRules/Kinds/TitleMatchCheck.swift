import ProfileModel
import ProfileCorpus

/// `title-match`: the words and phrases clients put in the titles of the posts that fit a
/// section; reports a title that uses fewer than `min_matches` of the top `top_phrases`.
package struct TitleMatchCheck: CheckKind {
    package static let name = "title-match"
    package static let summary = "The title uses the wording clients put in the titles of the posts that fit the section."
    static let minShare = Parameter.number("min_share", default: 0.05, min: 0, max: 1,
                                           "A title phrase must be in at least this share of the fitting posts' titles.")
    static let topPhrases = Parameter.integer("top_phrases", default: 8, min: 1, max: 100, "How many of the most characteristic title phrases count.")
    static let minMatches = Parameter.integer("min_matches", default: 1, min: 1, max: 100,
                                              "A title using fewer of those phrases than this is reported.")
    static let ignoreTerms = Parameter.terms("ignore_terms", "Words and phrases never suggested.")
    package static let parameters = [minShare.spec, topPhrases.spec, minMatches.spec, ignoreTerms.spec]
    package static let needsField = false
    package static let argumentNames = ["matched", "top", "phrases", "fit"]

    let minShare: Double
    let topPhrases: Int
    let minMatches: Int
    let ignore: Set<String>

    package init(rule: Rule) throws(RuleFileError) {
        minShare = try rule.parameters.value(Self.minShare)
        topPhrases = try rule.parameters.value(Self.topPhrases)
        minMatches = try rule.parameters.value(Self.minMatches)
        ignore = try rule.parameters.value(Self.ignoreTerms)
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context), let title = corpusSection.query.title else { return [] }
        let tagStems = corpusSection.tagStems
        let wordFit = corpusSection.wordFit
        let phrases = corpusSection.wordTerms(minShare: minShare, ignore: ignore, limit: topPhrases * 2, titlesOnly: true)
            .filter { !KeywordCoverageCheck.isFragment($0.key, ofAny: tagStems) }.prefix(topPhrases)
        guard !phrases.isEmpty else { return [] }
        let keys = ProfileQuery.termKeys(title.text)
        let matched = phrases.filter { keys.contains($0.key) }
        guard matched.count < min(minMatches, phrases.count) else { return [] }
        let missing = phrases.filter { !keys.contains($0.key) }
        let corpus = corpusSection.corpus
        var notes = missing.prefix(3).compactMap { phrase in
            wordFit.fit.posts.first { corpus.stats.titleTerms(ofPost: $0).contains(phrase.id) }
                .map { Note("'\(phrase.display)' as in \(corpus.postReference($0))") }
        }
        notes.append(Note("clients invite freelancers whose title reads like their post's title; use their wording where it is true of you"))
        if let note = CorpusSection.languageNote(wordFit, language: corpusSection.language) { notes.append(note) }
        return [Finding(range: title.node.range, fieldPath: section.fullPath("title"),
                        arguments: ["matched": "\(matched.count)", "top": "\(phrases.count)",
                                    "phrases": Format.list(Array(missing.prefix(3))), "fit": wordFit.fit.phrase],
                        notes: notes)]
    }
}
