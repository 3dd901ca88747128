extension Corpus {
    /// How many of `posts` (ascending, as tag postings are) hold at least one of `terms` in
    /// their title or description. Words are looked up in the BM25 postings (one merge of
    /// sorted lists per word, no post's term row read); a phrase, which has no postings, by a
    /// binary search in each post's term row.
    package func count<Posts: Sequence<UInt32>>(of posts: Posts, holdingAny terms: [UInt32]) -> Int {
        let words = terms.filter { Int($0) < bm25.idf.count && bm25.idf[Int($0)] != 0 }
        let phrases = terms.filter { !words.contains($0) }
        var cursors = words.map { min(Int(bm25.postingStart[Int($0)]), bm25.postingPosts.count) }
        let ends = words.map { min(Int(bm25.postingStart[Int($0) + 1]), bm25.postingPosts.count) }
        var count = 0
        for post in posts {
            var held = false
            for word in cursors.indices {
                while cursors[word] < ends[word] && bm25.postingPosts[cursors[word]] < post { cursors[word] += 1 }
                if cursors[word] < ends[word] && bm25.postingPosts[cursors[word]] == post { held = true }
            }
            if !held && !phrases.isEmpty {
                let row = stats.terms(ofPost: Int(post)).ids
                held = phrases.contains { BM25.find($0, in: row) != nil }
            }
            if held { count += 1 }
        }
        return count
    }
}

extension Corpus {
    /// The fitting posts that carry `tag`, ascending by post (as tag postings are), from the
    /// fit's tag index.
    package func fitPosts(carrying tag: UInt32, in fit: Fit) -> [UInt32] {
        fitIndex(fit, .tags).places(of: tag).map { UInt32(fit.posts[Int($0)]) }.sorted()
    }
}
