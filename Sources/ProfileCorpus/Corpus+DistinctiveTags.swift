import Foundation

extension Corpus {
    /// Skill tags that mark the fitting posts, strongest first: carried by at least `minShare`
    /// of them and `minPosts` posts, at least `minLift` times as often as by the other posts,
    /// ranked by `share × ln(lift)` (like `characteristicTerms`). Tags the other posts use just
    /// as much (`JavaScript` on every kind of developer post) are not what marks a niche.
    ///
    /// With `alongside` (the section's tags the corpus knows), a tag must also live near the
    /// section: at least `minCooccurrence` of the corpus posts carrying it carry one of those
    /// tags, or they carry them at least twice as often as the average post does (a broader tag
    /// of the niche, `Data Analysis` for a Power BI profile). A tag of another niche that a few
    /// fitting posts carry (`Flutter` on mobile posts that also list `Node.js`) is that
    /// niche's, not this one's. So is a tag marking another category of the corpus than the one
    /// most fitting posts' section tags mark (`mainGroup`): `Data Science`, on 90% data posts,
    /// for a machine-learning profile whose niche is a small part of the corpus.
    package func distinctiveTags(_ fit: Fit, minShare: Double, minLift: Double, minPosts: Int = Evidence.minSupport,
                                alongside: Set<UInt32> = [], minCooccurrence: Double = 0) -> [Evidence] {
        let near = alongside.isEmpty || minCooccurrence <= 0 ? nil : postsCarryingAny(alongside)
        let niche = alongside.isEmpty ? nil : mainGroup(of: fit, sectionTags: alongside)
        return fitTags(fit)
            .filter { $0.inFit >= minPosts && $0.fitShare >= minShare && $0.isDistinctive(minLift: minLift) }
            .filter { !marksOtherGroup($0.id, than: niche, minShare: fit.criterion.minCategoryShare) }
            .filter { tag in
                guard let near, tag.inCorpus > 0 else { return true }
                let share = Double(near.together(tag.id, stats: stats)) / Double(tag.inCorpus)
                let baseShare = stats.postCount > 0 ? Double(near.count) / Double(stats.postCount) : 0
                return share >= minCooccurrence || share >= 2 * baseShare
            }
            .map { tag in
                var tag = tag
                tag.weight = tag.markerWeight + 1e-6 * tag.fitShare
                return tag
            }
            .sorted { ($0.weight, $1.id) > ($1.weight, $0.id) }
    }
}

extension Corpus {
    /// Whether something `inFit` fitting posts and `inCorpus` posts of the whole corpus carry
    /// or name marks the fit as `distinctiveTags` asks of a tag (at least `minLift` times as
    /// common in the fit as in the other posts, at the lower bound of what the fit supports),
    /// whatever its share of the fit: a skill of the niche that posts rarely write out. It needs
    /// `Evidence.minSupport` fitting posts, as a suggested tag does: a skill one fitting post
    /// names, on a corpus mostly of the niche (where the lift is not required) or with no other
    /// post naming it, is one client's word, not the niche's.
    package func marksFit(inFit: Int, inCorpus: Int, fit: Fit, minLift: Double) -> Bool {
        inFit >= Evidence.minSupport && Evidence(id: 0, key: "", display: "", inFit: inFit, fitSize: fit.count, inCorpus: max(inCorpus, inFit),
                              corpusSize: stats.postCount, weight: 0).isDistinctive(minLift: minLift)
    }

    /// Posts of the whole corpus that carry `tag` or hold one of `terms` in their title or
    /// description.
    package func posts(carrying tag: UInt32?, orHolding terms: Set<UInt32>) -> Int {
        let tagged: Set<UInt32> = tag.map { Set(stats.posts(withTag: $0)) } ?? []
        guard !terms.isEmpty else { return tagged.count }
        let others = (0..<UInt32(stats.postCount)).lazy.filter { !tagged.contains($0) }
        return tagged.count + count(of: others, holdingAny: Array(terms))
    }
}
