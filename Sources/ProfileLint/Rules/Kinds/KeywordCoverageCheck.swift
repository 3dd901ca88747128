/// `keyword-coverage`: the terms and phrases that characterize the posts fitting a section
/// (see `Corpus.characteristicTerms`) that its title, skills, overview opening and portfolio
/// all lack. One finding per missing term (the strongest first), at the title.
///
/// Score `keyword_coverage`: the weight of the top terms the profile covers over the
/// weight of all top terms, 0-100.
public struct KeywordCoverageCheck: ScoringCheckKind {
    public static let name = "keyword-coverage"
    public static let scoreName = "keyword_coverage"
    public static let parameterKeys = ["min_share", "top_terms", "max_findings", "overview_characters", "ignore_terms"]
    public static let needsField = false
    public static let argumentNames = ["term", "in_fit", "fit_size", "evidence", "share"]

    /// A term must be in at least this share of the fitting posts.
    let minShare: Double
    /// How many characteristic terms count (for findings and the score).
    let topTerms: Int
    let maxFindings: Int
    /// How much of the overview counts (what search results show).
    let overviewCharacters: Int
    /// Generic job-post words that are never suggested.
    let ignore: Set<String>

    /// The check with explicit parameters (the defaults are those of a rule that sets none).
    public init(minShare: Double = 0.25, topTerms: Int = 20, maxFindings: Int = 5, overviewCharacters: Int = 250,
                ignore: Set<String> = []) {
        self.minShare = minShare
        self.topTerms = topTerms
        self.maxFindings = maxFindings
        self.overviewCharacters = overviewCharacters
        self.ignore = ignore
    }

    public init(rule: Rule) throws(RuleFileError) {
        let defaults = KeywordCoverageCheck()
        self.init(minShare: try rule.parameters.double("min_share", default: defaults.minShare, in: 0...1),
                  topTerms: try rule.parameters.int("top_terms", default: defaults.topTerms, in: 1...200),
                  maxFindings: try rule.parameters.int("max_findings", default: defaults.maxFindings, in: 0...100),
                  overviewCharacters: try rule.parameters.int("overview_characters", default: defaults.overviewCharacters, in: 1...100_000),
                  ignore: try rule.parameters.termKeys("ignore_terms"))
    }

    /// The top terms and whether the section covers each.
    func coverage(_ corpusSection: CorpusSection) -> [(term: Evidence, covered: Bool)] {
        let query = corpusSection.query
        var searched = [query.title?.text, query.overviewOpening(characters: overviewCharacters)].compactMap { $0 }
        searched += query.skills.map(\.text) + query.portfolio.map(\.text)
        var keys = Set<String>()
        for text in searched { keys.formUnion(ProfileQuery.termKeys(text)) }
        let terms = corpusSection.corpus.characteristicTerms(corpusSection.fit, minShare: minShare, ignore: ignore, limit: topTerms)
        return terms.map { ($0, keys.contains($0.key)) }
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context) else { return [] }
        let missing = coverage(corpusSection).filter { !$0.covered }.prefix(maxFindings)
        return missing.map { entry in
            let term = entry.term
            var notes = [Note("'\(term.display)' is \(term.sentence)")]
            if let post = corpusSection.corpus.firstPost(in: corpusSection.fit, withTerm: term.id) {
                notes.append(Note("for example \(corpusSection.corpus.postReference(post))"))
            }
            notes.append(Note("use it in your title, skills, the first \(overviewCharacters) characters of your overview or a portfolio item, where it describes your work"))
            return Finding(range: corpusSection.titleRange,
                           fieldPath: section.fullPath(corpusSection.query.title == nil ? "" : "title"),
                           arguments: ["term": term.display, "in_fit": "\(term.inFit)", "fit_size": "\(term.fitSize)",
                                       "evidence": term.sentence, "share": Percent.format(term.fitShare)],
                           notes: notes)
        }
    }

    public func scoreContribution(_ section: ProfileSection, context: LintContext) -> ScoreContribution {
        ScoreContribution(score: score(section, context: context))
    }

    /// The section's score (0-100), nil without a corpus or enough fitting posts.
    func score(_ section: ProfileSection, context: LintContext) -> Double? {
        guard let corpusSection = CorpusSection(section, context: context) else { return nil }
        let coverage = coverage(corpusSection)
        let total = coverage.reduce(0) { $0 + $1.term.weight }
        guard total > 0 else { return nil }
        return 100 * coverage.filter(\.covered).reduce(0) { $0 + $1.term.weight } / total
    }
}
