import Foundation

/// Okapi BM25 over the corpus's unigram terms, the same formula as PyPI `rank-bm25` 0.2.2
/// `BM25Okapi` (a test checks the scores against it):
///
///     idf(t)     = ln((N - df + 0.5) / (df + 0.5)); a negative idf is floored at
///                  epsilon * (mean idf over all words), or at ln(1 + 0.5 / (N + 0.5)) when
///                  that is not positive (rank-bm25 lets it be 0 or negative)
///     score(d,q) = Σ_{t in q} idf(t) * tf(t,d) * (k1 + 1) / (tf(t,d) + k1 * (1 - b + b * |d| / avgdl))
///
/// with k1 = 1.5 (how fast repeated words stop adding), b = 0.75 (how much long posts are
/// normalized), epsilon = 0.25: the usual defaults, which suit posts of a few hundred words.
/// A query word repeated counts again (profile titles and skills are repeated to weigh more).
package struct BM25: Sendable {
    static let k1 = 1.5
    package static let b = 0.75
    static let epsilon = 0.25

    /// idf per term id (0 for phrases: only single words score).
    let idf: Column<Double>
    /// Per post, the length normalization `k1 * (1 - b + b * |d| / avgdl)`.
    let norms: Column<Double>
    /// An inverted index of the scored terms (non-zero idf): the posts holding term `t` are
    /// `postingPosts[postingStart[t]..<postingStart[t + 1]]`, in post order, with the term's
    /// count in the post. A query then costs the postings of its words, not a search in every
    /// post of the corpus. Built here for statistics in memory; stored in the cache and read
    /// in place for cached ones (see `BM25+Cache.swift`).
    let postingStart: Column<UInt32>
    let postingPosts: Column<UInt32>
    let postingCounts: Column<UInt16>

    package init(stats: CorpusStats) {
        let idf = Self.idf(stats)
        let (start, posts, counts) = Self.postings(stats, scored: idf, terms: 0..<idf.count)
        self.init(idf: Column(idf), norms: Column(Self.norms(stats)), postingStart: Column(start),
                  postingPosts: Column(posts), postingCounts: Column(counts))
    }

    init(idf: Column<Double>, norms: Column<Double>, postingStart: Column<UInt32>, postingPosts: Column<UInt32>,
         postingCounts: Column<UInt16>) {
        (self.idf, self.norms) = (idf, norms)
        (self.postingStart, self.postingPosts, self.postingCounts) = (postingStart, postingPosts, postingCounts)
    }

    /// The idf of every term.
    static func idf(_ stats: CorpusStats) -> [Double] {
        let count = Double(stats.postCount)
        var idf = [Double](repeating: 0, count: stats.termKeys.count)
        var sum = 0.0
        var words = 0
        var negative: [Int] = []
        for term in stats.termKeys.indices where stats.termLengths[term] == 1 {
            let frequency = Double(stats.documentFrequency[term])
            let value = Foundation.log(count - frequency + 0.5) - Foundation.log(frequency + 0.5)
            idf[term] = value
            sum += value
            words += 1
            if value < 0 { negative.append(term) }
        }
        // rank-bm25's floor is not positive when most words are in most posts (a corpus of one
        // niche): every word the posts share would then weigh nothing or less, and no post could
        // score. Such words weigh at least what Lucene's BM25 gives a word in every post.
        let floor = max(words > 0 ? Self.epsilon * sum / Double(words) : 0, Foundation.log(1 + 0.5 / (count + 0.5)))
        for term in negative { idf[term] = floor }
        return idf
    }

    /// Every post's length normalization.
    static func norms(_ stats: CorpusStats) -> [Double] {
        let totalLength = stats.postLength.reduce(0) { $0 + Int($1) }
        let averageLength = stats.postCount > 0 ? Double(totalLength) / Double(stats.postCount) : 0
        return stats.postLength.map { Self.k1 * (1 - Self.b + Self.b * Double($0) / averageLength) }
    }

    /// The inverted index of the terms in `terms` whose `scored` value is not 0 (two passes:
    /// count, fill); starts are relative to the first posting of `terms`. The rows are read in
    /// place (`rowPostings`): through `terms(ofPost:)`, a check per element cost over 200
    /// instructions a posting, on the thread that finishes a cold analysis.
    static func postings(_ stats: CorpusStats, scored: [Double], terms: Range<Int>) -> ([UInt32], [UInt32], [UInt16]) {
        var start = [UInt32](repeating: 0, count: terms.count + 1)
        stats.postTermIDs.withUnsafeElements(0..<stats.postTermIDs.count) { ids in
            for term in ids where terms.contains(Int(term)) && scored[Int(term)] != 0 {
                start[Int(term) - terms.lowerBound + 1] += 1
            }
        }
        for index in 0..<terms.count { start[index + 1] += start[index] }
        var next = start
        var posts = [UInt32](repeating: 0, count: Int(start[terms.count]))
        var counts = [UInt16](repeating: 0, count: posts.count)
        rowPostings(stats) { post, term, frequency in
            guard terms.contains(Int(term)) && scored[Int(term)] != 0 else { return }
            let slot = Int(next[Int(term) - terms.lowerBound])
            posts[slot] = UInt32(post)
            counts[slot] = frequency
            next[Int(term) - terms.lowerBound] += 1
        }
        return (start, posts, counts)
    }

    /// Calls `body` with each post, term id and count of the rows in post order, as
    /// `terms(ofPost:)` reads them (row bounds clamped to the columns, ids to the last term,
    /// counts paired with ids while both last), from the columns' storage.
    static func rowPostings(_ stats: CorpusStats, _ body: (_ post: Int, _ term: UInt32, _ count: UInt16) -> Void) {
        let ids = stats.postTermIDs, counts = stats.postTermCounts, starts = stats.postTermStart
        let bound = stats.termKeys.count, limit = UInt32(clamping: max(bound - 1, 0))
        ids.withUnsafeElements(0..<ids.count) { ids in
            counts.withUnsafeElements(0..<counts.count) { counts in
                for post in 0..<stats.postCount {
                    let low = min(Int(starts[post]), ids.count)
                    let high = bound > 0 ? min(max(Int(starts[post + 1]), low), ids.count) : low
                    let paired = min(high, max(low, counts.count))
                    for index in low..<paired { body(post, min(ids[index], limit), counts[index]) }
                }
            }
        }
    }

    /// The score of every post for `query` (term ids, repeats allowed), written over `scores`
    /// (whatever it held), so that a caller scoring one query after another reuses one array.
    /// Each post's score adds the query terms' contributions in query order, so the sums do not
    /// depend on the index.
    func scores(_ query: [UInt32], stats: CorpusStats, into scores: inout [Double]) {
        // Query terms in first-seen order with their repeat counts.
        var weights: [UInt32: Int] = [:]
        var order: [UInt32] = []
        for term in query where Int(term) < idf.count && idf[Int(term)] != 0 {
            if weights[term] == nil { order.append(term) }
            weights[term, default: 0] += 1
        }
        if scores.count == stats.postCount {
            scores.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            scores = [Double](repeating: 0, count: stats.postCount)
        }
        // Read in place (no check per element); past the end of a (corrupt) column, a count
        // or a norm reads 0, as the columns' subscripts read it.
        scores.withUnsafeMutableBufferPointer { scores in
            norms.withUnsafeElements(0..<norms.count) { norms in
                for term in order {
                    let weight = Double(weights[term] ?? 0) * idf[Int(term)]
                    let first = min(Int(postingStart[Int(term)]), postingPosts.count)
                    let end = max(first, min(Int(postingStart[Int(term) + 1]), postingPosts.count))
                    let counted = min(end, max(first, postingCounts.count))
                    postingPosts.withUnsafeElements(first..<end) { posts in
                        postingCounts.withUnsafeElements(first..<counted) { counts in
                            for (slot, post) in posts.enumerated() where Int(post) < scores.count {
                                let frequency = slot < counts.count ? Double(counts[slot]) : 0
                                let norm = Int(post) < norms.count ? norms[Int(post)] : 0
                                scores[Int(post)] += weight * (frequency * (Self.k1 + 1) / (frequency + norm))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Binary search for `term` in sorted `ids` read in place, each read as at most `limit` (as
    /// `IDRow` reads them); the offset in `ids`.
    static func find(_ term: UInt32, in ids: UnsafeBufferPointer<UInt32>, limit: UInt32) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if min(ids[mid], limit) < term { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && min(ids[low], limit) == term ? low : nil
    }

    /// Binary search for `term` in a sorted slice; the slice index.
    package static func find(_ term: UInt32, in ids: IDRow) -> Int? {
        var low = ids.startIndex, high = ids.endIndex
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < term { low = mid + 1 } else { high = mid }
        }
        return low < ids.endIndex && ids[low] == term ? low : nil
    }
}
