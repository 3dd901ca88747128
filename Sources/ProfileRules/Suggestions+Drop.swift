import Foundation
import ProfileCorpus

extension Suggestions {
    /// Whether `inFit` of `fitSize` fitting posts show a skill rare in the niche: under `share`
    /// of them, in a fit large enough to show it (`WilsonInterval.showsUnder`). A skill no
    /// fitting post carries or names is off the niche at any fit size that gives advice, as
    /// `corpus-off-niche-skills` reports it: the list never contradicts that finding.
    static func showsRare(_ inFit: Int, of fitSize: Int, share: Double) -> Bool {
        (inFit == 0 && fitSize > 0 && share > 0) || WilsonInterval.showsUnder(share, count: inFit, of: fitSize)
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
