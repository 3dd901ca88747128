import ProfileModel
import ProfileCorpus

/// `title-match`: the words and phrases clients put in the titles of the posts that fit a
/// section; reports a title that uses fewer than `min_matches` of the top `top_phrases`.
package struct TitleMatchCheck: CheckKind {
    package static let name = "title-match"
    package static let parameterKeys = ["min_share", "top_phrases", "min_matches", "ignore_terms"]
    package static let needsField = false
    package static let argumentNames = ["matched", "top", "phrases", "fit"]

    let minShare: Double
    let topPhrases: Int
    let minMatches: Int
    let ignore: Set<String>

    package init(rule: Rule) throws(RuleFileError) {
        minShare = try rule.parameters.double("min_share", default: 0.05, in: 0...1)
        topPhrases = try rule.parameters.int("top_phrases", default: 8, in: 1...100)
        minMatches = try rule.parameters.int("min_matches", default: 1, in: 1...100)
        ignore = try rule.parameters.termKeys("ignore_terms")
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context), let title = corpusSection.query.title else { return [] }
        let tagStems = corpusSection.tagStems
        let phrases = corpusSection.corpus.characteristicTerms(corpusSection.fit, minShare: minShare, ignore: ignore,
                                                               limit: topPhrases * 2, titlesOnly: true)
            .filter { !KeywordCoverageCheck.isFragment($0.key, ofAny: tagStems) }.prefix(topPhrases)
        guard !phrases.isEmpty else { return [] }
        let keys = ProfileQuery.termKeys(title.text)
        let matched = phrases.filter { keys.contains($0.key) }
        guard matched.count < min(minMatches, phrases.count) else { return [] }
        let missing = phrases.filter { !keys.contains($0.key) }
        let corpus = corpusSection.corpus
        var notes = missing.prefix(3).compactMap { phrase in
            corpusSection.fit.posts.first { corpus.stats.titleTerms(ofPost: $0).contains(phrase.id) }
                .map { Note("'\(phrase.display)' as in \(corpus.postReference($0))") }
        }
        notes.append(Note("clients invite freelancers whose title reads like their post's title; use their wording where it is true of you"))
        return [Finding(range: title.node.range, fieldPath: section.fullPath("title"),
                        arguments: ["matched": "\(matched.count)", "top": "\(phrases.count)",
                                    "phrases": Format.list(Array(missing.prefix(3))), "fit": corpusSection.fit.phrase],
                        notes: notes)]
    }
}
