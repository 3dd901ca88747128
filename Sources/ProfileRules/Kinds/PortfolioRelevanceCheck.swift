import ProfileModel
import ProfileCorpus

/// `portfolio-relevance`: each portfolio item should show the kind of work the section
/// targets. The item's own text (title, description, skills) is matched against the corpus;
/// an item is reported when less than `min_overlap` of its closest posts are among the
/// closest posts of the section's title, skills and overview (the portfolio left out). Items with fewer than `min_terms` known words are not judged.
public struct PortfolioRelevanceCheck: CheckKind {
    public static let name = "portfolio-relevance"
    public static let summary = "Each portfolio item shows the kind of work the section targets, judged by the posts closest to each."
    static let minOverlap = Parameter.number("min_overlap", default: 0.1, min: 0, max: 1,
                                             "An item is reported when less than this share of its closest posts are among the section's closest posts.")
    static let minTerms = Parameter.integer("min_terms", default: 3, min: 1, max: 1000,
                                            "Items with fewer known words than this are not judged.")
    package static let parameters = [minOverlap.spec, minTerms.spec]
    public static let needsField = false
    public static let argumentNames = ["item", "shared", "count", "share"]

    let minOverlap: Double
    let minTerms: Int

    public init(rule: Rule) throws(RuleFileError) {
        minOverlap = try rule.parameters.value(Self.minOverlap)
        minTerms = try rule.parameters.value(Self.minTerms)
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context) else { return [] }
        let size = Self.neighbourhood(postCount: corpusSection.stats.postCount)
        let core = corpusSection.corpus.closestPosts(termIDs: corpusSection.query.coreTermIDs, limit: size)
        let sectionPosts = Set(core)
        var findings: [Finding] = []
        for item in corpusSection.query.portfolio {
            let terms = ProfileQuery.termIDs(of: item.text, stats: corpusSection.stats)
            guard Set(terms).count >= minTerms else { continue }
            let itemPosts = corpusSection.corpus.closestPosts(termIDs: terms, limit: size)
            guard itemPosts.count >= min(10, size) else { continue }
            let shared = itemPosts.filter(sectionPosts.contains).count
            let overlap = Double(shared) / Double(itemPosts.count)
            guard overlap < minOverlap else { continue }
            let label = item.node["title"]?.string.map { "'\($0)'" } ?? "this item"
            var notes: [Note] = []
            let elsewhere = itemPosts.filter { !sectionPosts.contains($0) }
            if !elsewhere.isEmpty {
                let examples = elsewhere.prefix(2).map(corpusSection.corpus.postReference).joined(separator: " and ")
                notes.append(Note("it matches posts such as \(examples), outside the \(core.count) closest posts to your title, skills and overview"))
            }
            notes.append(Note("that is \(Percent.format(overlap)); the rule asks for at least \(Percent.format(minOverlap))"))
            notes.append(Note("show work from the niche this profile targets, or move the item to a specialized profile"))
            findings.append(Finding(range: item.node["title"]?.range ?? item.node.range, fieldPath: item.path,
                                    arguments: ["item": label, "shared": "\(shared)", "count": "\(itemPosts.count)",
                                                "share": Percent.format(overlap)],
                                    notes: notes))
        }
        return findings
    }

    /// How many closest posts stand for a text: a quarter of the corpus, 10 to 300. Two texts
    /// are compared by their neighbourhoods, so both use the same size.
    static func neighbourhood(postCount: Int) -> Int {
        min(postCount, min(300, max(10, (postCount + 3) / 4)))
    }
}
