import Foundation

/// How relevant each post is to a query, and which posts pass a criterion.
struct Relevance {
    /// Per tag, ln(N / posts tagging it).
    let tagIDF: [Double]
    /// The idf of a word no post has (BM25's, df = 0): what the section's unknown words weigh
    /// when a post fits on its words alone. A lower weight (the corpus's mean idf) let 'Logo
    /// Designer' match dashboard posts on 'design' alone, and a two-niche title went unreported.
    let unseenWordIDF: Double

    init(stats: CorpusStats) {
        let count = Double(max(stats.postCount, 1))
        tagIDF = stats.tagFrequency.map { $0 > 0 ? log(count / Double($0)) : 0 }
        unseenWordIDF = log((count + 0.5) / 0.5)
    }

    /// The posts that fit `query` under `criterion`, most relevant first (ties by corpus order).
    func fit(_ query: FitQuery, criterion: FitCriterion, stats: CorpusStats, bm25: BM25) -> Fit {
        let (words, known) = wordScores(query, stats: stats, bm25: bm25)
        let section = Section(query, knownWordShare: known, stats: stats)
        var candidates: [Candidate] = []
        for post in postsToJudge(query, words: words, knownWordShare: known, criterion: criterion, stats: stats) {
            if let candidate = judge(post, tags: stats.tags(ofPost: post), word: words[post], section: section,
                                     criterion: criterion) {
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

    /// What `judge` reads of the section, computed once per fit.
    struct Section {
        /// Its tags the corpus knows.
        var wanted: TagSet
        /// Whether it lists skills at all (known to the corpus or not).
        var listsTags: Bool
        /// What the profile-share test divides by (`FitQuery.profileShareTags`).
        var profileTags: Int
        /// The share of its word weight the corpus uses (`wordScores`).
        var knownWordShare: Double

        init(_ query: FitQuery, knownWordShare: Double, stats: CorpusStats) {
            wanted = TagSet(query.tags, tagCount: stats.tagKeys.count)
            listsTags = query.listsTags
            profileTags = query.profileShareTags
            self.knownWordShare = knownWordShare
        }
    }

    /// Whether `post` (carrying `tags`, with word score `word`) fits, and its score: the one
    /// place the decision is made. A tagged post's score uses its larger count share (its
    /// tags', or the section's). A tagged post needs a shared tag whenever the section lists
    /// skills, even skills no post carries: a profile whose niche the corpus lacks must not fit
    /// other niches' posts on a few common words. On words alone, the section's words no post
    /// uses count as missing (`knownWordShare`). `postsToJudge` must list every post this can accept.
    func judge(_ post: Int, tags: IDRow, word: Double, section: Section, criterion: FitCriterion) -> Candidate? {
        if section.listsTags, !tags.isEmpty {
            let shared = tags.reduce(0) { section.wanted.contains($1) ? $0 + 1 : $0 }
            guard shared > 0, word >= criterion.minWordScore,
                  criterion.tagsPass(shared: shared, postTags: tags.count, profileTags: section.profileTags,
                                     weightedShare: weightedShare(tags, section.wanted)) else { return nil }
            let share = Double(shared) / Double(tags.count)
            let profileShare = Double(shared) / Double(section.profileTags)
            return Candidate(post: post, score: (max(share, profileShare) + min(word, 1)) / 2, tagShare: share, words: word)
        }
        let textScore = word * section.knownWordShare
        guard textScore >= criterion.minTextOnlyScore else { return nil }
        return Candidate(post: post, score: min(textScore, 1), tagShare: nil, words: textScore)
    }

    /// The posts `judge` may accept, in corpus order: those carrying one of the query's tags
    /// (a tagged post needs one) and those whose words reach `minTextOnlyScore` (any other post
    /// needs that), found from the tag postings and the word scores without reading the other
    /// posts' tags. With a criterion that lets a post in on less, widen this with it.
    func postsToJudge(_ query: FitQuery, words: [Double], knownWordShare: Double, criterion: FitCriterion,
                      stats: CorpusStats) -> [Int] {
        var marked = words.map { $0 * knownWordShare >= criterion.minTextOnlyScore }
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
    /// using each once, and the share of the query's word weight the corpus knows (words no
    /// post has weigh `unseenWordIDF`). The score leaves unknown words out: no post
    /// can name them, and in a corpus of one niche, where the section's own words are in most
    /// posts and weigh little, they would outweigh every known word and no post would pass the
    /// word guard. A post fitting on words alone multiplies its score by the share, since its
    /// words are all the evidence.
    func wordScores(_ query: FitQuery, stats: CorpusStats, bm25: BM25) -> (scores: [Double], knownShare: Double) {
        let known = query.words.reduce(0.0) { $0 + (Int($1) < bm25.idf.count ? bm25.idf[Int($1)] : 0) }
        guard known > 0 else { return ([Double](repeating: 0, count: stats.postCount), 0) }
        let share = known / (known + Double(query.unknownWords) * unseenWordIDF)
        return (bm25.scores(query.words, stats: stats).map { $0 / known }, share)
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
