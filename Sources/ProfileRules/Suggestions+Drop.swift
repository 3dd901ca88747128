import Foundation
import ProfileCorpus

extension Suggestions {
    /// How much above the drop share a skill's share in the niche may plausibly be (the upper
    /// bound of its 95% Wilson interval over the fit) for the fit to show it rare: one of 24
    /// fitting posts (4%) could as well be one in five; one of 80, or 3 of 152, cannot.
    static let dropEvidenceFactor = 2.0

    /// Whether `inFit` of `fitSize` fitting posts show a skill rare in the niche: under `share`
    /// of them, and the upper bound of its share's Wilson interval under `dropEvidenceFactor`
    /// times `share`. A skill no fitting post carries or names is off the niche at any fit size
    /// that gives advice, as `corpus-off-niche-skills` reports it: the list never contradicts
    /// that finding.
    static func showsRare(_ inFit: Int, of fitSize: Int, share: Double) -> Bool {
        guard fitSize > 0 else { return false }
        let observed = Double(inFit) / Double(fitSize)
        guard observed < share else { return false }
        return inFit == 0 || WilsonInterval(share: observed, size: fitSize).upper < dropEvidenceFactor * share
    }

    /// The section's skills to drop or move, least carried first: those that fewer than
    /// `share` of the fitting posts carry or name in their text (as `corpus-off-niche-skills`
    /// counts it) in a fit large enough to show it (`showsRare`), unless the title names one that
    /// some fitting post carries or names, or the skill is central to the niche
    /// (`CorpusSection.isCentral` at `minLift`, the lift a suggested tag needs): a tool of the
    /// niche that posts rarely write out is no skill to drop.
    static func dropTags(_ corpusSection: CorpusSection, share: Double, minLift: Double, limit: Int) -> [Item] {
        let corpus = corpusSection.corpus, query = corpusSection.query
        let canonicalizer = corpus.canonicalizer
        var drop: [Item] = []
        var seen = Set<String>()
        for skill in query.skills {
            let key = canonicalizer.key(skill.text)
            guard seen.insert(key).inserted else { continue }
            let inFit = corpusSection.fitPostsNaming(skill.text)
            guard showsRare(inFit, of: corpusSection.fit.count, share: share),
                  inFit == 0 || !titleNames(skill.text, title: query.title?.text, aliases: canonicalizer.aliases),
                  !corpusSection.isCentral(skill.text, minLift: minLift, companionShare: OffNicheCheck.minCompanionShare.defaultValue)
            else { continue }
            // Counted as the fitting posts are (carrying or naming it), so the corpus count is never the smaller.
            drop.append(Item(text: skill.text, posts: inFit, corpusPosts: corpusSection.corpusPostsNaming(skill.text)))
        }
        return Array(drop.enumerated()
            .sorted { ($0.element.posts, $0.element.corpusPosts, $0.offset) < ($1.element.posts, $1.element.corpusPosts, $1.offset) }
            .map(\.element).prefix(limit))
    }
}
