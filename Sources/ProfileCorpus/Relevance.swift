import Foundation

/// How relevant each post is to a query, and which posts pass a criterion.
struct Relevance {
    /// Per tag, ln(N / posts tagging it).
    let tagIDF: [Double]
    /// The idf of a word no post has (BM25's, df = 0).
    let unseenWordIDF: Double

    init(stats: CorpusStats) {
        let count = Double(max(stats.postCount, 1))
        tagIDF = stats.tagFrequency.map { $0 > 0 ? log(count / Double($0)) : 0 }
        unseenWordIDF = log((count + 0.5) / 0.5)
    }

    /// The posts that fit `query` under `criterion`, most relevant first (ties by corpus order).
    /// A tagged post's score uses its larger count share (its tags', or the section's).
    func fit(_ query: FitQuery, criterion: FitCriterion, stats: CorpusStats, bm25: BM25) -> Fit {
        let words = wordScores(query, stats: stats, bm25: bm25)
        let wanted = Set(query.tags)
        let profileTags = query.profileShareTags
        var candidates: [(post: Int, score: Double, tagShare: Double?, words: Double)] = []
        for post in 0..<stats.postCount {
            let tags = stats.tags(ofPost: post)
            let word = words[post]
            if !wanted.isEmpty, !tags.isEmpty {
                let shared = tags.reduce(0) { wanted.contains($1) ? $0 + 1 : $0 }
                guard shared > 0, word >= criterion.minWordScore,
                      criterion.tagsPass(shared: shared, postTags: tags.count, profileTags: profileTags,
                                         weightedShare: weightedShare(tags, wanted)) else { continue }
                let share = Double(shared) / Double(tags.count)
                let profileShare = Double(shared) / Double(profileTags)
                candidates.append((post, (max(share, profileShare) + min(word, 1)) / 2, share, word))
            } else if word >= criterion.minTextOnlyScore {
                candidates.append((post, min(word, 1), nil, word))
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.post < $1.post }
        return Fit(posts: candidates.map(\.post), scores: candidates.map(\.score), tagShares: candidates.map(\.tagShare),
                   wordScores: candidates.map(\.words), corpusSize: stats.postCount, criterion: criterion)
    }

    /// The share of a post's tag weight (idf) that `wanted` tags make up.
    func weightedShare<Tags: Sequence<UInt32>>(_ tags: Tags, _ wanted: Set<UInt32>) -> Double {
        var total = 0.0, shared = 0.0
        for tag in tags {
            total += tagIDF[Int(tag)]
            if wanted.contains(tag) { shared += tagIDF[Int(tag)] }
        }
        return total > 0 ? shared / total : 0
    }

    /// Each post's BM25 score for the query's words over the score of an average-length post
    /// using each once (words no post has count with the idf of an unseen word).
    func wordScores(_ query: FitQuery, stats: CorpusStats, bm25: BM25) -> [Double] {
        let known = query.words.reduce(0.0) { $0 + (Int($1) < bm25.idf.count ? bm25.idf[Int($1)] : 0) }
        let reference = known + Double(query.unknownWords) * unseenWordIDF
        guard known > 0, reference > 0 else { return [Double](repeating: 0, count: stats.postCount) }
        return bm25.scores(query.words, stats: stats).map { $0 / reference }
    }
}
