extension Corpus {
    /// How many of `posts` (ascending, as tag postings are) hold at least one of `terms` in
    /// their title or description. Words are looked up in the BM25 postings (one merge of
    /// sorted lists per word, galloping: a common word's list is skipped through by doubling
    /// steps and a binary search, so a few carriers cost a few searches, not the whole list;
    /// no post's term row read); a phrase, which has no postings, by a binary search in the
    /// term row of each post holding its edge word (`edgeWord`; every post's when it has none). With `enough`, the count stops there (the posts after the `enough`th
    /// holding one are not read): a test of "at least n" needs no more.
    package func count<Posts: Sequence<UInt32>>(of posts: Posts, holdingAny terms: [UInt32], enough: Int = .max) -> Int {
        let words = terms.filter { Int($0) < bm25.idf.count && bm25.idf[Int($0)] != 0 }
        let phrases = terms.filter { !words.contains($0) }
        // Each word's postings, then each phrase's edge word's (a post without it cannot hold
        // the phrase: its row is searched only when it has it).
        let edges = phrases.map(edgeWord(of:))
        let lists = words + edges.compactMap { $0 }
        let postings = bm25.postingPosts
        var cursors = lists.map { min(Int(bm25.postingStart[Int($0)]), postings.count) }
        let ends = lists.map { min(Int(bm25.postingStart[Int($0) + 1]), postings.count) }
        return postings.withUnsafeElements(0..<postings.count) { postings in
            var count = 0
            for post in posts {
                var held = false
                for word in cursors.indices {
                    cursors[word] = Self.firstPosting(atLeast: post, in: postings, from: cursors[word], to: ends[word])
                    if word < words.count && cursors[word] < ends[word] && postings[cursors[word]] == post { held = true }
                }
                var edge = words.count
                for (phrase, edgeWord) in zip(phrases, edges) where !held {
                    var possible = true
                    if edgeWord != nil {
                        possible = cursors[edge] < ends[edge] && postings[cursors[edge]] == post
                        edge += 1
                    }
                    if possible { held = holds(phrase, post: Int(post)) }
                }
                if held {
                    count += 1
                    if count >= enough { break }
                }
            }
            return count
        }
    }

    /// Whether the term row of `post` holds `term` (a binary search in place).
    func holds(_ term: UInt32, post: Int) -> Bool {
        let row = stats.terms(ofPost: post).ids
        return stats.postTermIDs.withUnsafeElements(row.startIndex..<row.endIndex) { ids in
            BM25.find(term, in: ids, limit: row.limit) != nil
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

    /// Whether some fitting post carries `tag` or holds one of `terms`: what `off-niche` asks of
    /// each skill (`fitPosts(carrying:orHolding:in:batch:)` is not zero). The tag is looked up
    /// first, in the fit's tag index: a skill of the niche is carried by a fitting post, and its
    /// terms are then never read. A term's posts are walked until one fits (`fitHolds`).
    package func anyFitPost(carrying tag: UInt32?, orHolding terms: Set<UInt32>, in fit: Fit) -> Bool {
        if let tag, fitIndex(fit).count(of: tag) > 0 { return true }
        return terms.contains { fitHolds($0, in: fit) }
    }

    /// Whether a fitting post holds `term`: its postings (a phrase's edge word's, each of those
    /// posts searched for the phrase) walked up to the first fitting post holding it; a term
    /// with neither is searched for in each fitting post's row up to the first holding it.
    func fitHolds(_ term: UInt32, in fit: Fit) -> Bool {
        guard Int(term) < stats.termKeys.count else { return false }
        let isWord = hasPostings(term)
        guard let list = isWord ? term : edgeWord(of: term) else {
            return fit.posts.contains { holds(term, post: $0) }
        }
        let placeOf = fitPlaceTable(fit)
        return firstPosting(of: list) { post in
            Int(post) < placeOf.count && placeOf[Int(post)] != 0 && (isWord || holds(term, post: Int(post)))
        } != nil
    }

    /// For each of `terms` that a fitting post holds, the places in `fit` of the posts holding
    /// it, ascending; memoized per fit and term set. Read from the postings (`postedTermPlaces`)
    /// when they are shorter than half the fitting posts' term rows (an entry there costs a
    /// random read in the place table, an id of a row a bit test in sequence), else by one pass
    /// over those rows (`scannedTermPlaces`): a fit of a few percent of the corpus makes a
    /// common word's postings longer than its rows, a large fit the other way round.
    func fitTermPlaces(_ terms: Set<UInt32>, in fit: Fit) -> [UInt32: [UInt32]] {
        memoized(TermPlacesKey(posts: fit.postsKey, terms: terms)) {
            let posted = terms.reduce(0) { cost, term in
                guard Int(term) < stats.termKeys.count, let list = hasPostings(term) ? term : edgeWord(of: term) else { return cost }
                return cost + postingCount(list)
            }
            let rows = stats.postCount > 0 ? fit.count * stats.postTermIDs.count / stats.postCount : 0
            return 2 * posted < rows ? postedTermPlaces(terms, in: fit) : scannedTermPlaces(Array(terms), in: fit)
        }
    }

    /// `fitTermPlaces` from the postings: a word's own, a phrase's rarer edge word's
    /// (`edgeWord`), each of those posts in the fit searched for the phrase. Terms with neither
    /// (a word of no BM25 weight) are found by a pass over the fitting posts' rows.
    func postedTermPlaces(_ terms: Set<UInt32>, in fit: Fit) -> [UInt32: [UInt32]] {
        let placeOf = fitPlaceTable(fit)
        var places: [UInt32: [UInt32]] = [:]
        var scanned: [UInt32] = []
        for term in terms where Int(term) < stats.termKeys.count {
            let isWord = hasPostings(term)
            guard let list = isWord ? term : edgeWord(of: term) else {
                scanned.append(term)
                continue
            }
            var found: [UInt32] = []
            forEachPosting(of: list) { post in
                let place = Int(post) < placeOf.count ? placeOf[Int(post)] : 0
                if place != 0 && (isWord || holds(term, post: Int(post))) { found.append(place - 1) }
            }
            if !found.isEmpty { places[term] = found.sorted() }
        }
        if !scanned.isEmpty { places.merge(scannedTermPlaces(scanned, in: fit)) { $1 } }
        return places
    }

    /// `fitTermPlaces` of `terms` by one pass over the fitting posts' term rows, testing each id
    /// against a bit per term id.
    func scannedTermPlaces(_ terms: [UInt32], in fit: Fit) -> [UInt32: [UInt32]] {
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

    /// Per post of the corpus, its place in `fit` plus one (0: not in the fit). Memoized per fit.
    func fitPlaceTable(_ fit: Fit) -> [UInt32] {
        memoized(FitPlaceTableKey(posts: fit.postsKey)) {
            var table = [UInt32](repeating: 0, count: stats.postCount)
            for (place, post) in fit.posts.enumerated() where post < table.count { table[post] = UInt32(place + 1) }
            return table
        }
    }

    /// Whether BM25 keeps postings of `term` (a word of non-zero weight).
    func hasPostings(_ term: UInt32) -> Bool {
        Int(term) < bm25.idf.count && bm25.idf[Int(term)] != 0 && Int(term) + 1 < bm25.postingStart.count
    }

    /// Calls `body` with each post holding the word `term` (`hasPostings`), in post order.
    func forEachPosting(of term: UInt32, _ body: (UInt32) -> Void) {
        _ = firstPosting(of: term) { post in
            body(post)
            return false
        }
    }

    /// The first post holding the word `term` (`hasPostings`), in post order, that `test`
    /// accepts; the posts after it are not read.
    func firstPosting(of term: UInt32, where test: (UInt32) -> Bool) -> UInt32? {
        let postings = bm25.postingPosts
        let start = min(Int(bm25.postingStart[Int(term)]), postings.count)
        let end = min(max(Int(bm25.postingStart[Int(term) + 1]), start), postings.count)
        return postings.withUnsafeElements(start..<end) { posts in posts.first(where: test) }
    }

    /// The word of a phrase every post holding the phrase holds too, with postings: the rarer
    /// of its first and last words (an n-gram starts and ends with a word that is a term of
    /// its own, in the same post; a word inside may be a stop word, which is not); nil for a
    /// word, or when neither edge word has postings.
    func edgeWord(of phrase: UInt32) -> UInt32? {
        guard Int(phrase) < stats.termLengths.count, stats.termLengths[Int(phrase)] > 1 else { return nil }
        let parts = stats.termKeys[Int(phrase)].split(separator: " ", omittingEmptySubsequences: false)
        let edges = [parts.first, parts.last].compactMap { $0.flatMap { stats.termIndex[String($0)] } }.filter(hasPostings)
        return edges.min { postingCount($0) < postingCount($1) }
    }

    /// How many posts hold the word `term` (`hasPostings`).
    func postingCount(_ term: UInt32) -> Int {
        max(Int(bm25.postingStart[Int(term) + 1]) - Int(bm25.postingStart[Int(term)]), 0)
    }

    private struct FitPlaceTableKey: Hashable {
        var posts: FitPostsKey
    }

    private struct TermPlacesKey: Hashable {
        var posts: FitPostsKey
        var terms: Set<UInt32>
    }
}
