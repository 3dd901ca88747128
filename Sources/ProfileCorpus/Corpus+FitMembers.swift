extension Corpus {
    /// Which of `posts` are in `fit` and how many of the others carry none of `tags`: what
    /// `off-niche` asks of each title part's matched posts (tens of thousands in a large corpus),
    /// answered with tables by post and tag id rather than hashed sets.
    package func split(_ posts: [Int], by fit: Fit, outsideCarryingNoneOf tags: Set<UInt32>) -> (inFit: [Int], outside: Int) {
        // The fit's place table, memoized: the title parts' matches are each split by the same fit.
        let member = fitPlaceTable(fit)
        let wanted = TagSet(Array(tags), tagCount: stats.tagKeys.count)
        var inFit: [Int] = []
        var outside = 0
        for post in posts {
            if post < member.count && member[post] != 0 {
                inFit.append(post)
                continue
            }
            var carries = false
            stats.tags(ofPost: post).forEachID { if wanted.contains($0) { carries = true } }
            if !carries { outside += 1 }
        }
        return (inFit, outside)
    }
}

extension Corpus {
    /// `fit`'s posts in corpus order, memoized: a pass over their rows whose result does not
    /// depend on the order (term counts, titles holding terms) reads the mapped rows
    /// ascending, a few hundred bytes apart, where the fit's order jumps anywhere in them.
    func postsInCorpusOrder(_ fit: Fit) -> [Int] {
        memoized(CorpusOrderKey(posts: fit.postsKey)) {
            // Read off the fit's place table (memoized for the rules' other look-ups), not sorted.
            let places = fitPlaceTable(fit)
            return places.indices.filter { places[$0] != 0 }
        }
    }

    private struct CorpusOrderKey: Hashable {
        var posts: FitPostsKey
    }
}
