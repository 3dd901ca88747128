import Foundation
import ProfileModel

/// The posts fitting a profile section, most relevant first, with why each fits.
package struct Fit: Sendable {
    /// Post indices, most relevant first (ties by corpus order).
    package var posts: [Int] {
        didSet { postsKey = FitPostsKey(posts) }
    }
    /// `posts` as the key of the memos of what the fit derives.
    package private(set) var postsKey: FitPostsKey
    /// Relevance 0-1: the mean of the larger tag share (the post's or the section's) and the
    /// (capped) word score, or the word score alone for a post fitting on its words.
    package var scores: [Double]
    /// The share of each post's tags the section lists (nil: fits on words alone).
    var tagShares: [Double?]
    /// Each post's normalized BM25 word score.
    var wordScores: [Double]
    package var corpusSize: Int
    package var criterion: FitCriterion
    /// How many fitting posts are evidence of the section's niche: all but those carrying only
    /// section tags that spread over the corpus's categories (`Corpus.support`); nil when the
    /// corpus's categories judge no tag.
    package var support: Int?

    package init(posts: [Int], scores: [Double], tagShares: [Double?] = [], wordScores: [Double] = [], corpusSize: Int,
                criterion: FitCriterion = FitCriterion(), support: Int? = nil) {
        self.posts = posts
        postsKey = FitPostsKey(posts)
        self.scores = scores
        self.tagShares = tagShares.isEmpty ? posts.map { _ in nil } : tagShares
        self.wordScores = wordScores.isEmpty ? scores : wordScores
        self.corpusSize = corpusSize
        self.criterion = criterion
        self.support = support
    }

    package var count: Int { posts.count }

    /// Whether enough posts fit for the corpus rules to give advice: `minFittingPosts` of them,
    /// and as many that are evidence of the niche (`support`).
    package var isEnough: Bool { count >= criterion.minFittingPosts && !isThin }

    /// Whether enough posts fit but too few of them are evidence of the niche: most carry
    /// only skills every category of the corpus uses.
    package var isThin: Bool {
        count >= criterion.minFittingPosts && (support ?? count) < criterion.minFittingPosts
    }

    /// Why the corpus gives no advice ("fewer than 15 posts fit this profile", or that only
    /// `support` of them carry a skill marking a category), nil when it gives advice.
    package var shortfall: String? {
        if count < criterion.minFittingPosts { return "fewer than \(criterion.minFittingPosts) posts fit this profile" }
        guard isThin, let support else { return nil }
        return (support == 0 ? "none" : "only \(support.grouped)") + " of the \(count.grouped) fitting posts carry one of this profile's skills that mark "
            + "a category of the corpus (fewer than \(criterion.minFittingPosts)); the others share only skills used across its categories"
    }

    /// The fitting share of the corpus.
    package var share: Double { corpusSize > 0 ? Double(count) / Double(corpusSize) : 0 }

    /// "the 156 fitting posts" / "the fitting post".
    package var phrase: String {
        count == 1 ? "the fitting post" : "the \(count.grouped) fitting posts"
    }

    /// "156 of 2,350 posts fit (6.6%)".
    package var summary: String {
        "\(count.grouped) of \(corpusSize.grouped) posts fit (\(FitReport.percent(share)))"
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
