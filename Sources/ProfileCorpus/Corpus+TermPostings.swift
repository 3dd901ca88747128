extension Corpus {
    /// How many of `posts` (ascending, as tag postings are) hold at least one of `terms` in
    /// their title or description. Words are looked up in the BM25 postings (one merge of
    /// sorted lists per word, galloping: a common word's list is skipped through by doubling
    /// steps and a binary search, so a few carriers cost a few searches, not the whole list;
    /// no post's term row read); a phrase, which has no postings, by a binary search in each
    /// post's term row. With `enough`, the count stops there (the posts after the `enough`th
    /// holding one are not read): a test of "at least n" needs no more.
    package func count<Posts: Sequence<UInt32>>(of posts: Posts, holdingAny terms: [UInt32], enough: Int = .max) -> Int {
        let words = terms.filter { Int($0) < bm25.idf.count && bm25.idf[Int($0)] != 0 }
        let phrases = terms.filter { !words.contains($0) }
        let postings = bm25.postingPosts
        var cursors = words.map { min(Int(bm25.postingStart[Int($0)]), postings.count) }
        let ends = words.map { min(Int(bm25.postingStart[Int($0) + 1]), postings.count) }
        return postings.withUnsafeElements(0..<postings.count) { postings in
            var count = 0
            for post in posts {
                var held = false
                for word in cursors.indices {
                    cursors[word] = Self.firstPosting(atLeast: post, in: postings, from: cursors[word], to: ends[word])
                    if cursors[word] < ends[word] && postings[cursors[word]] == post { held = true }
                }
                if !held && !phrases.isEmpty { held = holdsAny(phrases, post: Int(post)) }
                if held {
                    count += 1
                    if count >= enough { break }
                }
            }
            return count
        }
    }

    /// Whether the term row of `post` holds one of `terms` (binary searches in place).
    func holdsAny(_ terms: [UInt32], post: Int) -> Bool {
        let row = stats.terms(ofPost: post).ids
        return stats.postTermIDs.withUnsafeElements(row.startIndex..<row.endIndex) { ids in
            terms.contains { BM25.find($0, in: ids, limit: row.limit) != nil }
        }
    }

    /// The first place in `start..<end` of the ascending `postings` holding a post ≥ `post`
    /// (`end` if none): steps of 1, 2, 4, … past the smaller ones, then a binary search in
    /// the last step.
    static func firstPosting(atLeast post: UInt32, in postings: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int) -> Int {
        guard start < end, postings[start] < post else { return start }
        // postings[low] < post throughout; the answer is in low + 1 ... high.
        var low = start, step = 1
        var high = start + 1
        while high < end && postings[high] < post {
            low = high
            step *= 2
            high = low + step
        }
        high = min(high, end)
        while low + 1 < high {
            let mid = (low + high) / 2
            if postings[mid] < post { low = mid } else { high = mid }
        }
        return high
    }
}

extension Corpus {
    /// The fitting posts that carry `tag`, ascending by post (as tag postings are), from the
    /// fit's tag index.
    package func fitPosts(carrying tag: UInt32, in fit: Fit) -> [UInt32] {
        fitIndex(fit).places(of: tag).map { UInt32(fit.posts[Int($0)]) }.sorted()
    }

    /// The fitting posts that hold each of `terms` (in the title or description), in the fit's
    /// order, for the terms some fitting post holds: one pass over the fit's term rows for all
    /// of them (`fitTermPlaces`), where a binary search per term in each fitting post's row
    /// read each row again, out of order, once per term.
    package func fitPosts(holding terms: Set<UInt32>, in fit: Fit) -> [UInt32: [Int]] {
        fitTermPlaces(terms, in: fit).mapValues { places in places.map { fit.posts[Int($0)] } }
    }

    /// How many fitting posts carry `tag` or hold one of `terms`. `batch` (nil: `terms`) is
    /// every term that will be asked of this fit, `terms` among them: their fitting posts are
    /// found in one pass over the fit's rows, memoized (`fitTermPlaces`), so a rule asking for
    /// each of a section's skills in turn reads the rows once.
    package func fitPosts(carrying tag: UInt32?, orHolding terms: Set<UInt32>, in fit: Fit, batch: Set<UInt32>? = nil) -> Int {
        let places = terms.isEmpty ? [:] : fitTermPlaces(batch.map { $0.union(terms) } ?? terms, in: fit)
        var lists = terms.map { places[$0] ?? [] }
        if let tag { lists.append(Array(fitIndex(fit).places(of: tag))) }
        let nonEmpty = lists.filter { !$0.isEmpty }
        guard nonEmpty.count > 1 else { return nonEmpty.first?.count ?? 0 }
        var seen = [Bool](repeating: false, count: fit.count)
        var count = 0
        for list in nonEmpty {
            for place in list where !seen[Int(place)] {
                seen[Int(place)] = true
                count += 1
            }
        }
        return count
    }

    /// For each of `terms` that a fitting post holds, the places in `fit` of the posts holding
    /// it, ascending: one pass over the fitting posts' term rows, testing each id against a
    /// bit per term id; memoized per fit and term set.
    func fitTermPlaces(_ terms: Set<UInt32>, in fit: Fit) -> [UInt32: [UInt32]] {
        memoized(TermPlacesKey(posts: fit.postsKey, terms: terms)) {
            let termCount = stats.termKeys.count
            var wanted = [UInt64](repeating: 0, count: (termCount + 63) / 64)
            for term in terms where Int(term) < termCount { wanted[Int(term) >> 6] |= 1 << UInt64(term & 63) }
            var places: [UInt32: [UInt32]] = [:]
            wanted.withUnsafeBufferPointer { wanted in
                for (place, post) in fit.posts.enumerated() {
                    stats.terms(ofPost: post).ids.forEachID { id in
                        if wanted[Int(id >> 6)] & (1 << UInt64(id & 63)) != 0 { places[id, default: []].append(UInt32(place)) }
                    }
                }
            }
            return places
        }
    }

    private struct TermPlacesKey: Hashable {
        var posts: FitPostsKey
        var terms: Set<UInt32>
    }
}
