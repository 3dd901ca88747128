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
    /// `words` is scratch space for the word scores (`wordScores`).
    func fit(_ query: FitQuery, criterion: FitCriterion, stats: CorpusStats, bm25: BM25, scores words: inout [Double]) -> Fit {
        let known = wordScores(query, stats: stats, bm25: bm25, into: &words)
        let section = Section(query, knownWordShare: known, stats: stats)
        var candidates: [Candidate] = []
        // One buffer for every judged post's shared tags: tens of thousands of posts are judged.
        var shared: [UInt32] = []
        let posts = postsToJudge(query, words: words, knownWordShare: known, criterion: criterion, stats: stats)
        stats.postTagIDs.withRows(start: stats.postTagStart, bound: stats.tagKeys.count) { tags in
            for post in posts {
                if let candidate = judge(post, tags: tags[post], word: words[post], section: section,
                                         criterion: criterion, stats: stats, bm25: bm25, shared: &shared) {
                    candidates.append(candidate)
                }
            }
        }
        // Best score first, ties by post: candidates come in post order, so a tie goes to the
        // lower index. Ranks (a score and an index) are sorted, not the candidates (a fit of a
        // large corpus has tens of thousands; moving their records was most of the sort), and
        // compared in place rather than through a closure reading the scores by index.
        var ranks = candidates.indices.map { Rank(score: candidates[$0].score, index: $0) }
        ranks.sort()
        let order = ranks.map(\.index)
        return Fit(posts: order.map { candidates[$0].post }, scores: ranks.map(\.score),
                   tagShares: order.map { candidates[$0].tagShare }, wordScores: order.map { candidates[$0].words },
                   corpusSize: stats.postCount, criterion: criterion)
    }

    /// A candidate's place in the fit's order: the higher score first, on a tie the lower index.
    struct Rank: Comparable {
        var score: Double
        var index: Int

        static func < (one: Rank, other: Rank) -> Bool {
            one.score != other.score ? one.score > other.score : one.index < other.index
        }
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
        /// Its title's known words (`FitQuery.titleWords`).
        var titleWords: [UInt32]
        /// Per tag of the section, the known words of the tag's name as the corpus writes it.
        var tagWords: [UInt32: [UInt32]]
        /// The guard of each set of shared tags met so far (`guardWeights`).
        let guards = GuardMemo()

        init(_ query: FitQuery, knownWordShare: Double, stats: CorpusStats) {
            wanted = TagSet(query.tags, tagCount: stats.tagKeys.count)
            listsTags = query.listsTags
            profileTags = query.profileShareTags
            self.knownWordShare = knownWordShare
            titleWords = query.titleWords
            tagWords = Dictionary(uniqueKeysWithValues: query.tags.filter { Int($0) < stats.tagDisplays.count }.map { tag in
                (tag, CorpusText.stems(stats.tagDisplays[Int(tag)]).compactMap { stats.termIndex[$0] })
            })
        }

        /// The words a tagged post sharing `shared` tags is guarded on: the title's and those
        /// tags' names', sorted and distinct.
        func guardWords(shared: [UInt32]) -> [UInt32] {
            var words = titleWords
            for tag in shared { words += tagWords[tag] ?? [] }
            words.sort()
            var distinct: [UInt32] = []
            for word in words where distinct.last != word { distinct.append(word) }
            return distinct
        }

        /// `guardWords(shared:)` with their idf, built once per set of shared tags: the posts of
        /// a fit share one of a few sets, and building the list per post cost more than scoring.
        func guardWeights(shared: [UInt32], bm25: BM25) -> WeightedWords {
            if let known = guards.lists[shared] { return known }
            var words = WeightedWords(guardWords(shared: shared), bm25: bm25)
            words.slots = words.words.map { guards.slot(of: $0, bm25: bm25) }
            guards.lists[shared] = words
            return words
        }
    }

    /// Words that weigh something in BM25 (non-zero idf), in the order given, with their idf and
    /// its sum: what `wordScore` divides by.
    struct WeightedWords {
        var words: [UInt32] = []
        var idfs: [Double] = []
        var weight = 0.0
        /// Each word's cursor in the fit's `GuardMemo` (set by `Section.guardWeights`).
        var slots: [Int] = []

        init(_ words: [UInt32], bm25: BM25) {
            for word in words where Int(word) < bm25.idf.count && bm25.idf[Int(word)] != 0 {
                let idf = bm25.idf[Int(word)]
                self.words.append(word)
                idfs.append(idf)
                weight += idf
            }
        }
    }

    /// Whether `post` (carrying `tags`, with word score `word` on all the section's words) fits,
    /// and its score: the one place the decision is made. A tagged post is guarded on the words
    /// of the section's title and of the tags it shares (`guardScore`; all the section's words
    /// when it has no title the corpus knows), and its score uses its
    /// larger count share (its tags', or the section's). A tagged post needs a shared tag
    /// whenever the section lists skills, even skills no post carries: a profile whose niche
    /// the corpus lacks must not fit other niches' posts on a few common words. On words alone,
    /// the section's words no post uses count as missing (`knownWordShare`). `postsToJudge` must
    /// list every post this can accept. `shared` is scratch space for the tags it shares.
    func judge(_ post: Int, tags: UnsafeIDRow, word: Double, section: Section, criterion: FitCriterion,
               stats: CorpusStats, bm25: BM25, shared: inout [UInt32]) -> Candidate? {
        if section.listsTags, !tags.isEmpty {
            shared.removeAll(keepingCapacity: true)
            tags.forEachID { if section.wanted.contains($0) { shared.append($0) } }
            guard !shared.isEmpty,
                  criterion.tagsPass(shared: shared.count, postTags: tags.count, profileTags: section.profileTags,
                                     weightedShare: weightedShare(tags, section.wanted)) else { return nil }
            let guarded = guardScore(post, shared: shared, section: section, stats: stats, bm25: bm25) ?? word
            guard guarded >= criterion.minWordScore || criterion.tagsDecide(shared: shared.count, postTags: tags.count) else {
                return nil
            }
            let share = Double(shared.count) / Double(tags.count)
            let profileShare = Double(shared.count) / Double(section.profileTags)
            return Candidate(post: post, score: (max(share, profileShare) + min(guarded, 1)) / 2, tagShare: share,
                             words: guarded)
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
        // A query of words alone (a title part's) marks no tagged post: its posts are read off the scores.
        guard !query.tags.isEmpty else { return Self.textOnlyPosts(words, knownWordShare: knownWordShare, criterion: criterion) }
        var marked = words.map { $0 * knownWordShare >= criterion.minTextOnlyScore }
        // The postings and marks in place, and the list made at its size: a large corpus marks
        // tens of thousands of posts.
        return marked.withUnsafeMutableBufferPointer { marked in
            for tag in query.tags {
                stats.posts(withTag: tag).forEachID { post in
                    if Int(post) < marked.count { marked[Int(post)] = true }
                }
            }
            var posts: [Int] = []
            posts.reserveCapacity(marked.count { $0 })
            for post in marked.indices where marked[post] { posts.append(post) }
            return posts
        }
    }

    /// The posts whose words alone reach `minTextOnlyScore` (`judge`'s test for a post it reads
    /// no tags of), in corpus order.
    static func textOnlyPosts(_ words: [Double], knownWordShare: Double, criterion: FitCriterion) -> [Int] {
        words.indices.filter { words[$0] * knownWordShare >= criterion.minTextOnlyScore }
    }

    /// The posts that `query`'s words alone fit (its tags left out), in corpus order: the posts
    /// of `fit` for a query of words alone (a title part's), without the candidates, their
    /// ordering by score and the fit's tables, which a caller asking only which posts match
    /// does not read. `words` is scratch space for the word scores.
    func wordMatches(_ query: FitQuery, criterion: FitCriterion, stats: CorpusStats, bm25: BM25, scores words: inout [Double]) -> [Int] {
        let known = wordScores(query, stats: stats, bm25: bm25, into: &words)
        return Self.textOnlyPosts(words, knownWordShare: known, criterion: criterion)
    }

    /// A tagged post's word guard: its score for the section's title words and the words of the
    /// tags it shares (`shared`); nil when the section's title has no word the corpus knows
    /// (the guard then reads all the section's words). Skills the post does not share say
    /// nothing about it: counted, they made a profile listing 15 skills need more of a short
    /// post's words than one listing 5. Requiring a title word as well was measured and left
    /// out: a vague title ('Numbers Person') then fitted nothing, and the rules that tell such a
    /// profile what clients call its work went silent.
    func guardScore(_ post: Int, shared: [UInt32], section: Section, stats: CorpusStats, bm25: BM25) -> Double? {
        guard !section.titleWords.isEmpty else { return nil }
        return section.guards.score(post, words: section.guardWeights(shared: shared, bm25: bm25), bm25: bm25)
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
    /// words are all the evidence. The scores are written over `scores`; the share is returned.
    func wordScores(_ query: FitQuery, stats: CorpusStats, bm25: BM25, into scores: inout [Double]) -> Double {
        let known = query.words.reduce(0.0) { $0 + (Int($1) < bm25.idf.count ? bm25.idf[Int($1)] : 0) }
        guard known > 0 else {
            scores = [Double](repeating: 0, count: stats.postCount)
            return 0
        }
        let share = known / (known + Double(query.unknownWords) * unseenWordIDF)
        // Divided in place: a second array of one score per post cost its page faults.
        bm25.scores(query.words, stats: stats, into: &scores)
        for post in scores.indices { scores[post] /= known }
        return share
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
