import Foundation
import ProfileModel

/// When a job post fits a profile section: an absolute relevance test, the same whatever the
/// size or mix of the corpus, so a profile whose niche is rare in the corpus gets few fitting
/// posts (and is told so) instead of the closest posts of other niches.
///
/// A post carrying skill tags fits when the section lists at least `minTagShare` of what its
/// tags weigh (each tag weighted by its rarity in the corpus, idf = ln(N / posts tagging it)),
/// or the post carries at least `minProfileShare` of what the section's tags weigh (a narrow
/// profile fits the posts that use its whole stack), and its words reach `minWordScore`. A post without tags (or any post, when the section lists
/// no tag the corpus knows) fits on its words alone, when they reach `minTextOnlyScore`.
///
/// The word score is the post's Okapi BM25 score for the section's title and skill words
/// (each distinct word once), divided by the score of a post of average length that uses each
/// of those words once: 1 means "as relevant as a post naming everything the title and skills
/// name"; a post that names the rarest words repeatedly can exceed 1.
package struct FitCriterion: Sendable, Hashable {
    /// The share of a post's tag weight the section must list (tagged posts).
    package var minTagShare: Double
    /// The share of the section's tag weight a post may carry instead.
    package var minProfileShare: Double
    /// The word score a tagged post also needs (its text is about the same work).
    package var minWordScore: Double
    /// The word score a post fits by when tags cannot decide.
    package var minTextOnlyScore: Double
    /// Fewer fitting posts than this are not evidence: the corpus rules give no advice.
    package var minFittingPosts: Int

    package init(minTagShare: Double = 0.33, minProfileShare: Double = 0.7, minWordScore: Double = 0.1,
                minTextOnlyScore: Double = 0.3, minFittingPosts: Int = 10) {
        self.minTagShare = minTagShare
        self.minProfileShare = minProfileShare
        self.minWordScore = minWordScore
        self.minTextOnlyScore = minTextOnlyScore
        self.minFittingPosts = minFittingPosts
    }

    /// One sentence for notes and reports.
    package var explanation: String {
        "a post fits when the profile lists at least \(Percent.format(minTagShare)) of its skill-tag weight (rarer tags weigh more) "
            + "or it carries at least \(Percent.format(minProfileShare)) of the profile's, and its words score at least " + String(format: "%.2f", minWordScore) + " on the profile's title and skill words; "
            + "a post without tags fits when its words score at least " + String(format: "%.2f", minTextOnlyScore)
    }
}

/// What a section asks of the corpus: its skill tags the corpus knows (canonical tag ids) and
/// its core words (unigram term ids of the title and skills; the overview's when those give
/// fewer than two), each sorted and distinct, and how many of each the corpus does not know
/// (they weigh as much as the rarest: a profile naming work no post names fits nothing). The
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
    /// The idf of a tag (ln N) and of a word (BM25's, df = 0) no post has.
    let unseenTagIDF: Double
    let unseenWordIDF: Double

    init(stats: CorpusStats) {
        let count = Double(max(stats.postCount, 1))
        tagIDF = stats.tagFrequency.map { $0 > 0 ? log(count / Double($0)) : 0 }
        unseenTagIDF = log(count)
        unseenWordIDF = log((count + 0.5) / 0.5)
    }

    /// The posts that fit `query` under `criterion`, most relevant first (ties by corpus order).
    func fit(_ query: FitQuery, criterion: FitCriterion, stats: CorpusStats, bm25: BM25) -> Fit {
        let words = wordScores(query, stats: stats, bm25: bm25)
        let wanted = Set(query.tags)
        let profileWeight = query.tags.reduce(0.0) { $0 + tagIDF[Int($1)] } + Double(query.unknownTags) * unseenTagIDF
        var candidates: [(post: Int, score: Double, tagShare: Double?, words: Double)] = []
        for post in 0..<stats.postCount {
            let tags = stats.tags(ofPost: post)
            let word = words[post]
            if !wanted.isEmpty, !tags.isEmpty {
                let total = tags.reduce(0.0) { $0 + tagIDF[Int($1)] }
                let shared = tags.reduce(0.0) { wanted.contains($1) ? $0 + tagIDF[Int($1)] : $0 }
                let share = total > 0 ? shared / total : 0
                let profileShare = profileWeight > 0 ? shared / profileWeight : 0
                guard shared > 0, share >= criterion.minTagShare || profileShare >= criterion.minProfileShare,
                      word >= criterion.minWordScore else { continue }
                candidates.append((post, (max(share, profileShare) + min(word, 1)) / 2, share, word))
            } else if word >= criterion.minTextOnlyScore {
                candidates.append((post, min(word, 1), nil, word))
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.post < $1.post }
        return Fit(posts: candidates.map(\.post), scores: candidates.map(\.score), tagShares: candidates.map(\.tagShare),
                   wordScores: candidates.map(\.words), corpusSize: stats.postCount, criterion: criterion)
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
    /// The share of each post's tag weight the section lists (nil: fits on words alone).
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
