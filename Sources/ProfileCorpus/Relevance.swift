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
    func fit(_ query: FitQuery, criterion: FitCriterion, stats: CorpusStats, bm25: BM25) -> Fit {
        let words = wordScores(query, stats: stats, bm25: bm25)
        let wanted = TagSet(query.tags, tagCount: stats.tagKeys.count)
        var candidates: [Candidate] = []
        for post in postsToJudge(query, words: words, criterion: criterion, stats: stats) {
            if let candidate = judge(post, tags: stats.tags(ofPost: post), word: words[post], wanted: wanted,
                                     profileTags: query.profileShareTags, criterion: criterion) {
                candidates.append(candidate)
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.post < $1.post }
        return Fit(posts: candidates.map(\.post), scores: candidates.map(\.score), tagShares: candidates.map(\.tagShare),
                   wordScores: candidates.map(\.words), corpusSize: stats.postCount, criterion: criterion)
    }

    /// A fitting post and why it fits.
    struct Candidate {
        var post: Int
        var score: Double
        var tagShare: Double?
        var words: Double
    }

    /// Whether `post` (carrying `tags`, with word score `word`) fits, and its score: the one
    /// place the decision is made. A tagged post's score uses its larger count share (its
    /// tags', or the section's). `postsToJudge` must list every post this can accept.
    func judge(_ post: Int, tags: IDRow, word: Double, wanted: TagSet, profileTags: Int,
               criterion: FitCriterion) -> Candidate? {
        if !wanted.isEmpty, !tags.isEmpty {
            let shared = tags.reduce(0) { wanted.contains($1) ? $0 + 1 : $0 }
            guard shared > 0, word >= criterion.minWordScore,
                  criterion.tagsPass(shared: shared, postTags: tags.count, profileTags: profileTags,
                                     weightedShare: weightedShare(tags, wanted)) else { return nil }
            let share = Double(shared) / Double(tags.count)
            let profileShare = Double(shared) / Double(profileTags)
            return Candidate(post: post, score: (max(share, profileShare) + min(word, 1)) / 2, tagShare: share, words: word)
        }
        guard word >= criterion.minTextOnlyScore else { return nil }
        return Candidate(post: post, score: min(word, 1), tagShare: nil, words: word)
    }

    /// The posts `judge` may accept, in corpus order: those carrying one of the query's tags
    /// (a tagged post needs one) and those whose words reach `minTextOnlyScore` (any other post
    /// needs that), found from the tag postings and the word scores without reading the other
    /// posts' tags. With a criterion that lets a post in on less, widen this with it.
    func postsToJudge(_ query: FitQuery, words: [Double], criterion: FitCriterion, stats: CorpusStats) -> [Int] {
        var marked = words.map { $0 >= criterion.minTextOnlyScore }
        for tag in query.tags {
            for post in stats.posts(withTag: tag) where Int(post) < marked.count { marked[Int(post)] = true }
        }
        return marked.indices.filter { marked[$0] }
    }

    /// The share of a post's tag weight (idf) that `wanted` tags make up.
    func weightedShare<Tags: Sequence<UInt32>>(_ tags: Tags, _ wanted: TagSet) -> Double {
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

/// A set of tag ids as a table by id: the posts judged for a fit ask it for each of their
/// tags, without hashing.
struct TagSet {
    private var members: [Bool]
    let isEmpty: Bool

    init(_ tags: [UInt32], tagCount: Int) {
        members = [Bool](repeating: false, count: tagCount)
        for tag in tags where Int(tag) < tagCount { members[Int(tag)] = true }
        isEmpty = tags.isEmpty
    }

    func contains(_ tag: UInt32) -> Bool { Int(tag) < members.count && members[Int(tag)] }
}
