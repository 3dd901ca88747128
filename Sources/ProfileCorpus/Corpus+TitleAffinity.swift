extension Corpus {
    /// How much more often than an average term of its length clients put the term in a title
    /// when their post uses it: (posts whose title holds it / posts holding it) over the same
    /// ratio pooled over every term of that length. Clients title a post with what they hire
    /// for (a tool, a role, a deliverable) and leave the prose of the description out of it:
    /// on `four-tracks-2400.csv` 'insights' is in 441 posts and 19 titles, 'decision making' in
    /// 127 and none, while 'Tableau' and 'dataset' are in titles more than words are on
    /// average. Nil when the corpus has no titles (nothing to tell) or no post holds the term.
    package func titleAffinity(_ term: UInt32) -> Double? {
        let inPosts = stats.documentFrequency[Int(term)]
        let length = Int(stats.termLengths[Int(term)])
        let pooled = titleShareByLength
        guard inPosts > 0, pooled.indices.contains(length), pooled[length] > 0 else { return nil }
        return Double(stats.titleDocumentFrequency[Int(term)]) / Double(inPosts) / pooled[length]
    }

    /// Whether the term is the name of a skill tag of the corpus (`Tableau`, `Figma`): a skill
    /// whatever part of a post names it.
    package func namesTag(_ term: Evidence) -> Bool {
        stats.tagIndex[canonicalizer.key(term.display)] != nil
    }

    /// Per term length (index 1-3), the posts whose title holds a term of that length over the
    /// posts holding it, summed over the vocabulary: the share of a term's posts that title it
    /// when nothing marks it either way.
    private var titleShareByLength: [Double] {
        memoized(TitleShareKey()) {
            var inTitles = [Double](repeating: 0, count: 4), inPosts = [Double](repeating: 0, count: 4)
            for term in 0..<stats.termKeys.count {
                let length = min(Int(stats.termLengths[term]), 3)
                inTitles[length] += Double(stats.titleDocumentFrequency[term])
                inPosts[length] += Double(stats.documentFrequency[term])
            }
            return zip(inTitles, inPosts).map { $1 > 0 ? $0 / $1 : 0 }
        }
    }

    /// The memo key of `titleShareByLength` (it depends on the corpus alone).
    private struct TitleShareKey: Hashable {}
}
