extension Corpus {
    /// Which of `posts` are in `fit` and how many of the others carry none of `tags`: what
    /// `off-niche` asks of each title part's matched posts (tens of thousands in a large corpus),
    /// answered with tables by post (`postsCarrying`) rather than hashed sets or the posts' tag rows.
    package func split(_ posts: [Int], by fit: Fit, outsideCarryingNoneOf tags: Set<UInt32>) -> (inFit: [Int], outside: Int) {
        // The fit's place table, memoized: the title parts' matches are each split by the same fit.
        let member = fitPlaceTable(fit)
        let carrying = postsCarrying(tags)
        var inFit: [Int] = []
        var outside = 0
        for post in posts {
            if post < member.count && member[post] != 0 {
                inFit.append(post)
            } else if post >= carrying.count || !carrying[post] {
                outside += 1
            }
        }
        return (inFit, outside)
    }

    /// Per post of the corpus, whether it carries one of `tags`, marked from the tags'
    /// postings (read in order) rather than found in each post's tag row (a random read per
    /// post). Memoized: the parts of a title are split by the same tags.
    func postsCarrying(_ tags: Set<UInt32>) -> [Bool] {
        memoized(CarryingKey(tags: tags)) {
            var marks = [Bool](repeating: false, count: stats.postCount)
            marks.withUnsafeMutableBufferPointer { marks in
                for tag in tags where Int(tag) < stats.tagKeys.count {
                    stats.posts(withTag: tag).forEachID { post in
                        if Int(post) < marks.count { marks[Int(post)] = true }
                    }
                }
            }
            return marks
        }
    }

    private struct CarryingKey: Hashable {
        var tags: Set<UInt32>
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
