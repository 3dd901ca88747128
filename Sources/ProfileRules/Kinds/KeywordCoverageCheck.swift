import ProfileCorpus
import ProfileModel
import ProfileText

/// `keyword-coverage`: the terms and phrases that characterize the posts fitting a section
/// (see `Corpus.characteristicTerms`: frequent there, `min_lift` times rarer in the rest of
/// the corpus) that its title, skills, overview opening and portfolio all lack. A term counts
/// as covered when the section uses it, a word of the same stem family (`analyze` for
/// `analysis`), or a skill alias of it (`PowerBI` for `Power BI`). A term that is itself a
/// skill tag of at least `min_share` of the fitting posts is left to `skill-coverage`. A term
/// that names no skill tag of the corpus must be in titles at least `min_title_affinity` times
/// as often as an average term (`Corpus.titleAffinity`): what clients write only in the prose
/// of a description ('insights', 'decision making', 'communication') is not a keyword a
/// profile is searched by. A term that names no skill tag must also hold its lift at the lower
/// bound of what the fit supports (`isSupported`): on a small fit, common words ('industry',
/// 'code') pass the lift test by chance. One finding per missing term (the strongest first), at the title.
///
/// Score `keyword_coverage`: the weight of the top terms and the fit's marker tags the profile
/// covers over the weight of all of them, 0-100 (a tag weighs as a term does, by how it marks
/// the fit: `Evidence.markerWeight`).
package struct KeywordCoverageCheck: ScoringCheckKind, Hashable {
    package static let name = "keyword-coverage"
    package static let scoreName = "keyword_coverage"
    package static let summary = "The section uses the terms that characterize the posts that fit it."
    static let minShare = Parameter.number("min_share", default: 0.25, min: 0, max: 1,
                                           "A term must be in at least this share of the fitting posts.")
    static let minLift = Parameter.number("min_lift", default: 2.5, min: 1, max: 1000,
                                          "...and at least this many times as common there as in the rest of the corpus.")
    static let topTerms = Parameter.integer("top_terms", default: 20, min: 1, max: 200,
                                            "How many characteristic terms count, for findings and the score.")
    static let maxFindings = Parameter.integer("max_findings", default: 5, min: 0, max: 100, "The most missing terms reported per section.")
    static let overviewCharacters = Parameter.integer("overview_characters", default: 250, min: 1, max: 100_000,
                                                      "How much of the overview counts (what search results show).")
    static let ignoreTerms = Parameter.terms("ignore_terms", "Generic job-post words and phrases never suggested.")
    static let minTitleAffinity = Parameter.number("min_title_affinity", default: 1, min: 0, max: 1000,
                                                   "A term that names no skill tag must be in this many times as large a share of titles as an average term (0: no such test).")
    package static let parameters = [minShare.spec, minLift.spec, topTerms.spec, maxFindings.spec, overviewCharacters.spec, ignoreTerms.spec,
                                     minTitleAffinity.spec]
    package static let needsField = false
    package static let argumentNames = ["term", "in_fit", "fit_size", "evidence", "share"]

    /// A term must be in at least this share of the fitting posts.
    let minShare: Double
    /// A term must be at least this many times as common in the fitting posts as in the rest
    /// of the corpus (when the rest is at least as large as the fit).
    let minLift: Double
    /// How many characteristic terms count (for findings and the score).
    let topTerms: Int
    let maxFindings: Int
    /// How much of the overview counts (what search results show).
    let overviewCharacters: Int
    /// Generic job-post words that are never suggested.
    let ignore: Set<String>
    /// How many times as often as an average term a term naming no tag must be in titles.
    let minTitleAffinity: Double

    /// The check with explicit parameters (nil: the default of a rule that sets none).
    package init(minShare: Double? = nil, minLift: Double? = nil, topTerms: Int? = nil, maxFindings: Int? = nil,
                overviewCharacters: Int? = nil, ignore: Set<String> = [], minTitleAffinity: Double? = nil) {
        self.minShare = minShare ?? Self.minShare.defaultValue
        self.minLift = minLift ?? Self.minLift.defaultValue
        self.topTerms = topTerms ?? Self.topTerms.defaultValue
        self.maxFindings = maxFindings ?? Self.maxFindings.defaultValue
        self.overviewCharacters = overviewCharacters ?? Self.overviewCharacters.defaultValue
        self.ignore = ignore
        self.minTitleAffinity = minTitleAffinity ?? Self.minTitleAffinity.defaultValue
    }

    package init(rule: Rule) throws(RuleFileError) {
        let parameters = rule.parameters
        self.init(minShare: try parameters.value(Self.minShare), minLift: try parameters.value(Self.minLift),
                  topTerms: try parameters.value(Self.topTerms), maxFindings: try parameters.value(Self.maxFindings),
                  overviewCharacters: try parameters.value(Self.overviewCharacters), ignore: try parameters.value(Self.ignoreTerms),
                  minTitleAffinity: try parameters.value(Self.minTitleAffinity))
    }

    /// `coverage(corpusSection)` of `section`, computed once per lint for the findings and the score.
    func coverage(_ section: ProfileSection, _ corpusSection: CorpusSection, context: LintContext) -> [(term: Evidence, covered: Bool)] {
        context.corpusSections.result(of: self, for: section) {
            coverage(corpusSection, vocabulary: vocabulary(section, corpusSection, context: context))
        }
    }

    /// The top terms and whether the section covers each (terms that are a common skill tag
    /// of the fitting posts, fragments of a tag, and description prose left out, see the
    /// type's comment), against `vocabulary` (by default the section's, built now).
    func coverage(_ corpusSection: CorpusSection, vocabulary: SectionVocabulary? = nil) -> [(term: Evidence, covered: Bool)] {
        let corpus = corpusSection.corpus
        let vocabulary = vocabulary ?? self.vocabulary(corpusSection)
        let fitTags = corpus.fitTags(corpusSection.fit)
        let commonTags = Set(fitTags.filter { $0.fitShare >= minShare }.map(\.key))
        let tagStems = corpusSection.tagStems
        let terms = corpusSection.wordTerms(minShare: minShare, ignore: ignore, limit: topTerms, minLift: minLift)
        return terms.filter { term in
            !commonTags.contains(corpus.canonicalizer.key(term.display)) && !Self.isFragment(term.key, ofAny: tagStems)
                && !isProse(term, corpus: corpus) && isSupported(term, corpus: corpus)
        }.map { ($0, vocabulary.covers($0)) }
    }

    /// What the section's title, overview opening, portfolio and skills say.
    func vocabulary(_ corpusSection: CorpusSection) -> SectionVocabulary {
        let query = corpusSection.query
        var texts = [query.title?.text, query.overviewOpening(characters: overviewCharacters)].compactMap { $0 }
        texts += query.portfolio.map(\.text)
        return SectionVocabulary(texts: texts, skills: query.skills.map(\.text), aliases: corpusSection.corpus.canonicalizer.aliases)
    }

    /// `vocabulary(corpusSection)` of `section`, built once per lint for the coverage and the marker tags.
    func vocabulary(_ section: ProfileSection, _ corpusSection: CorpusSection, context: LintContext) -> SectionVocabulary {
        context.corpusSections.result(of: SectionVocabulary.Key(overviewCharacters: overviewCharacters), for: section) {
            vocabulary(corpusSection)
        }
    }

    /// The fit's marker tags — on `min_share` of the fitting posts (and at least
    /// `Evidence.minSupport`) and `min_lift` times as common there as in the rest — and whether
    /// the section lists or names each. Clients search by tags as much as by words, so the
    /// score counts them, weighted as the terms are; their findings are `skill-coverage`'s.
    func markerTags(_ corpusSection: CorpusSection, vocabulary: SectionVocabulary? = nil) -> [(term: Evidence, covered: Bool)] {
        let vocabulary = vocabulary ?? self.vocabulary(corpusSection)
        return corpusSection.corpus.fitTags(corpusSection.fit).filter {
            $0.inFit >= Evidence.minSupport && $0.fitShare >= minShare && $0.isDistinctive(minLift: minLift)
        }.map { tag in
            var tag = tag
            tag.weight = tag.markerWeight
            return (tag, vocabulary.covers(tag))
        }
    }

    /// Whether clients write the term only in the prose of their descriptions: it names no
    /// skill tag of the corpus and titles hold it less than `minTitleAffinity` times as often
    /// as an average term.
    func isProse(_ term: Evidence, corpus: Corpus) -> Bool {
        guard minTitleAffinity > 0, !corpus.namesTag(term), let affinity = corpus.titleAffinity(term.id) else { return false }
        return affinity < minTitleAffinity
    }

    /// Whether `key` is a proper contiguous part of one of `phrases` (stem keys).
    static func isFragment(_ key: String, ofAny phrases: [String]) -> Bool {
        let padded = " \(key) "
        return phrases.contains { $0 != key && " \($0) ".contains(padded) }
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context) else { return [] }
        let corpus = corpusSection.corpus
        let missing = coverage(section, corpusSection, context: context).filter { !$0.covered }.prefix(maxFindings)
        let wordFit = corpusSection.wordFit
        let languageNote = CorpusSection.languageNote(wordFit, language: corpusSection.language)
        let holding = corpus.fitPosts(holding: Set(missing.map(\.term.id)), in: wordFit.fit)
        return missing.enumerated().map { index, entry in
            let term = entry.term
            var notes: [Note] = []
            let posts = holding[term.id] ?? []
            let inTitles = posts.filter { corpus.stats.titleTerms(ofPost: $0).contains(term.id) }
            if !inTitles.isEmpty {
                let examples = inTitles.prefix(2).map(corpus.postReference).joined(separator: " and ")
                let verb = inTitles.count == 1 ? "puts" : "put"
                notes.append(Note("\(inTitles.count) of them \(verb) it in the title: \(examples)"))
            } else if !posts.isEmpty {
                let examples = posts.prefix(2).map(corpus.postReference).joined(separator: " and ")
                notes.append(Note("clients write it in the description, as in \(examples)"))
            }
            if let contrast = term.contrast { notes.append(Note("it is \(contrast), so it names this niche rather than job posts in general")) }
            notes.append(Note("use it in your title, skills, the first \(overviewCharacters) characters of your overview or a portfolio item, where it describes your work"))
            // Said once per section: the first finding carries it.
            if index == 0, let languageNote { notes.append(languageNote) }
            return Finding(range: corpusSection.titleRange,
                           fieldPath: section.fullPath(corpusSection.query.title == nil ? "" : "title"),
                           arguments: ["term": term.display, "in_fit": term.inFit.grouped, "fit_size": term.fitSize.grouped,
                                       "evidence": term.sentence, "share": Percent.format(term.fitShare)],
                           notes: notes)
        }
    }

    package func scoreContribution(_ section: ProfileSection, context: LintContext) -> ScoreContribution {
        ScoreContribution(score: score(section, context: context))
    }

    /// The section's score (0-100): the weight of the characteristic terms and marker tags it
    /// covers over the weight of all of them; nil without a corpus, enough fitting posts, or
    /// any such term or tag.
    func score(_ section: ProfileSection, context: LintContext) -> Double? {
        guard let corpusSection = CorpusSection(section, context: context) else { return nil }
        let coverage = coverage(section, corpusSection, context: context)
            + markerTags(corpusSection, vocabulary: vocabulary(section, corpusSection, context: context))
        let total = coverage.reduce(0) { $0 + $1.term.weight }
        guard total > 0 else { return nil }
        return 100 * coverage.filter(\.covered).reduce(0) { $0 + $1.term.weight } / total
    }
}

/// What a section says, to test whether it already covers a corpus term: its n-grams (as
/// stem lists), and the canonical skills it lists or names through the alias table.
struct SectionVocabulary: Sendable {
    /// What a section's vocabulary depends on besides the section (the memo's key).
    struct Key: Hashable, Sendable {
        var overviewCharacters: Int
    }

    let grams: Set<[String]>
    let canonicalSkills: Set<String>
    let aliases: SkillAliases?

    init(texts: [String], skills: [String], aliases: SkillAliases?) {
        self.aliases = aliases
        var grams = Set<[String]>()
        var canonical = Set<String>()
        // Skills count by their canonical names too (`PowerBI` has the words of `Power BI`).
        for text in texts + skills + skills.compactMap({ aliases?.canonical(for: $0) }) {
            let analyzed = TextAnalyzer.analyze(text)
            for gram in NGrams.extract(from: analyzed.terms) { grams.insert(gram.stems) }
            for mention in aliases?.mentions(in: analyzed.terms) ?? [] { canonical.insert(SkillAliases.normalizedKey(mention.canonical)) }
        }
        for skill in skills { canonical.insert(SkillAliases.normalizedKey(aliases?.canonical(for: skill) ?? skill)) }
        self.grams = grams
        canonicalSkills = canonical
    }

    /// Whether the section uses the term, word by word in the same stem family, has each of
    /// its words (`power bi data` for a profile listing Power BI and Data Visualization), or
    /// names the skill it stands for.
    func covers(_ term: Evidence) -> Bool {
        let stems = term.key.split(separator: " ").map(String.init)
        if grams.contains(stems) { return true }
        if grams.contains(where: { $0.count == stems.count && zip($0, stems).allSatisfy(Self.sameFamily) }) { return true }
        if stems.count > 1, stems.allSatisfy({ stem in grams.contains { $0.count == 1 && Self.sameFamily($0[0], stem) } }) {
            return true
        }
        let named = SkillAliases.normalizedKey(aliases?.canonical(for: term.display) ?? term.display)
        return canonicalSkills.contains(named)
    }

    /// Two stems of one word family: equal, or sharing a prefix of at least 5 letters that is
    /// at least 3/4 of the shorter (`analyz`, `analysi`, `analyt`; not `data`, `databas`).
    static func sameFamily(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        let common = zip(first, second).prefix { $0 == $1 }.count
        return common >= 5 && 4 * common >= 3 * min(first.count, second.count)
    }
}
