import Foundation
import ProfileModel

/// When a job post fits a profile section: an absolute relevance test that looks at the post
/// and the section, so a profile whose niche is rare in the corpus gets the few posts of its
/// niche (and is told when they are too few), never the closest posts of other niches.
///
/// A post carrying skill tags fits when its words reach `minWordScore` and its tags pass one of:
/// at least `minTagShare` of its tags are the section's (canonical keys, counted); it carries
/// at least `minProfileShare` of the section's tags (a narrow profile fits the posts that use
/// its whole stack); or it shares at least two tags with the section and they make up
/// `minWeightedShare` of its tag weight, each tag weighing its rarity in the corpus (idf), so two
/// specific tags among several common ones count. The first two read the post and the section
/// only. The third depends on the corpus, and asks for two shared tags because of it: with
/// rarity weights alone, cutting a niche to a small share of the corpus made its tags rare and
/// heavy, and posts of other niches carrying one of them began to fit. A post without tags (or
/// any post, when the section lists no tag the corpus knows) fits on its words alone, when they
/// reach `minTextOnlyScore`.
///
/// The word score is the post's Okapi BM25 score for the section's title and skill words
/// (each distinct word once), divided by the score of a post of average length that uses each
/// of those words once: 1 means "as relevant as a post naming everything the title and skills
/// name"; a post that names the rarest words repeatedly can exceed 1.
package struct FitCriterion: Sendable, Hashable {
    /// The share of a post's tags the section must list (tagged posts).
    package var minTagShare: Double
    /// The share of the section's tags a post may carry instead.
    package var minProfileShare: Double
    /// The share of a post's tag weight (idf) two or more shared tags may make up instead.
    package var minWeightedShare: Double
    /// The word score a tagged post also needs (its text is about the same work).
    package var minWordScore: Double
    /// The word score a post fits by when tags cannot decide.
    package var minTextOnlyScore: Double
    /// Fewer fitting posts than this are not evidence: the corpus rules give no advice.
    package var minFittingPosts: Int

    /// Shared tags the weighted share needs: one tag that is rare only because its niche is a
    /// small part of the corpus must not make a post of another niche fit.
    static let minWeightedSharedTags = 2

    package init(minTagShare: Double = 0.4, minProfileShare: Double = 0.7, minWeightedShare: Double = 0.33,
                minWordScore: Double = 0.1, minTextOnlyScore: Double = 0.3, minFittingPosts: Int = 15) {
        self.minTagShare = minTagShare
        self.minProfileShare = minProfileShare
        self.minWeightedShare = minWeightedShare
        self.minWordScore = minWordScore
        self.minTextOnlyScore = minTextOnlyScore
        self.minFittingPosts = minFittingPosts
    }

    /// One sentence for notes and reports.
    package var explanation: String {
        "a post fits when at least \(Percent.format(minTagShare)) of its skill tags are the profile's, "
            + "it carries at least \(Percent.format(minProfileShare)) of the profile's, "
            + "or two or more shared tags make up \(Percent.format(minWeightedShare)) of its tags' weight (rarer tags weigh more), "
            + "and its words score at least " + String(format: "%.2f", minWordScore) + " on the profile's title and skill words; "
            + "a post without tags fits when its words score at least " + String(format: "%.2f", minTextOnlyScore)
    }

    /// Whether a tagged post passes the tag test: `shared` of its `postTags` tags are among the
    /// section's `profileTags`, making up `weightedShare` of its idf weight (computed only when needed).
    func tagsPass(shared: Int, postTags: Int, profileTags: Int, weightedShare: @autoclosure () -> Double) -> Bool {
        guard shared > 0 else { return false }
        return Double(shared) / Double(postTags) >= minTagShare
            || Double(shared) / Double(max(profileTags, 1)) >= minProfileShare
            || (shared >= Self.minWeightedSharedTags && weightedShare() >= minWeightedShare)
    }
}

/// What a section asks of the corpus: its skill tags the corpus knows (canonical tag ids) and
/// its core words (unigram term ids of the title and skills; the overview's when those give
/// fewer than two), each sorted and distinct, and how many of each the corpus does not know
/// (they count among the section's tags and words: a profile naming work no post names fits nothing). The
/// fit memo key.
package struct FitQuery: Sendable, Hashable {
    package var tags: [UInt32]
    package var words: [UInt32]
    var unknownTags: Int
    var unknownWords: Int

    package init(tags: [UInt32], words: [UInt32], unknownTags: Int = 0, unknownWords: Int = 0) {
        self.tags = Array(Set(tags)).sorted()
        self.words = Array(Set(words)).sorted()
        self.unknownTags = unknownTags
        self.unknownWords = unknownWords
    }
}

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
        let profileTags = query.tags.count + query.unknownTags
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

/// The posts fitting a profile section, most relevant first, with why each fits.
package struct Fit: Sendable {
    /// Post indices, most relevant first (ties by corpus order).
    package var posts: [Int]
    /// Relevance 0-1: the mean of the larger tag share (the post's or the section's) and the
    /// (capped) word score, or the word score alone for a post fitting on its words.
    package var scores: [Double]
    /// The share of each post's tags the section lists (nil: fits on words alone).
    var tagShares: [Double?]
    /// Each post's normalized BM25 word score.
    var wordScores: [Double]
    package var corpusSize: Int
    package var criterion: FitCriterion

    package init(posts: [Int], scores: [Double], tagShares: [Double?] = [], wordScores: [Double] = [], corpusSize: Int,
                criterion: FitCriterion = FitCriterion()) {
        self.posts = posts
        self.scores = scores
        self.tagShares = tagShares.isEmpty ? posts.map { _ in nil } : tagShares
        self.wordScores = wordScores.isEmpty ? scores : wordScores
        self.corpusSize = corpusSize
        self.criterion = criterion
    }

    package var count: Int { posts.count }

    /// Whether enough posts fit for the corpus rules to give advice.
    package var isEnough: Bool { count >= criterion.minFittingPosts }

    /// The fitting share of the corpus.
    package var share: Double { corpusSize > 0 ? Double(count) / Double(corpusSize) : 0 }

    /// "the 156 fitting posts" / "the fitting post".
    package var phrase: String {
        count == 1 ? "the fitting post" : "the \(count) fitting posts"
    }

    /// "156 of 2,350 posts fit (6.6%)".
    package var summary: String {
        "\(count) of \(corpusSize) posts fit (\(FitReport.percent(share)))"
    }
}

extension FitReport {
    /// The report of `fit`: its counts, its criterion in words and its posts (all, or the
    /// first `limit`), scores rounded to three decimals.
    package init(section: String, fit: Fit, stats: CorpusStats, limit: Int? = nil) {
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        let posts = fit.posts.indices.prefix(limit ?? fit.count).map { index in
            let post = fit.posts[index]
            return Post(path: stats.files[Int(stats.postFile[post])], line: Int(stats.postLine[post]),
                        id: stats.postIDs[post].isEmpty ? nil : stats.postIDs[post],
                        url: stats.postURLs[post].isEmpty ? nil : stats.postURLs[post],
                        title: stats.titles[post], score: rounded(fit.scores[index]),
                        tagShare: fit.tagShares[index].map(rounded), wordScore: rounded(fit.wordScores[index]))
        }
        self.init(section: section, fitting: fit.count, corpusPosts: fit.corpusSize, enough: fit.isEnough,
                  minimum: fit.criterion.minFittingPosts, criterion: fit.criterion.explanation, posts: posts)
    }
}

extension Corpus {
    /// The fit query of a text alone: its words, no tags (a title part, a portfolio item).
    package func wordQuery(_ text: String) -> FitQuery {
        let stems = Set(CorpusText.stems(text))
        let ids = stems.compactMap { stats.termIndex[$0] }
        return FitQuery(tags: [], words: ids, unknownWords: stems.count - ids.count)
    }
}
