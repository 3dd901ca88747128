/// The posts that fit one profile section, as evidence a user can open: `lint --format json`
/// lists them per section, `suggest` prints the best (`--show-posts N`) and lists them in JSON.
public struct FitReport: Sendable, Codable, Equatable {
    /// One fitting post: where it is, what it is called, and why it fits.
    public struct Post: Sendable, Codable, Equatable {
        public var path: String
        public var line: Int
        public var id: String?
        public var url: String?
        public var title: String
        /// Relevance 0-1 (see `Fit.scores`).
        public var score: Double
        /// The share of the post's skill-tag weight the section lists (absent: fit on words).
        public var tagShare: Double?
        /// The normalized BM25 score of the post for the section's title and skill words.
        public var wordScore: Double

        enum CodingKeys: String, CodingKey {
            case path, line, id, url, title, score, tagShare = "tag_share", wordScore = "word_score"
        }
    }

    /// The section (`profile`, `specialized profile 1`).
    public var section: String
    /// Fitting posts, the corpus size, and the fitting share of it.
    public var fitting: Int
    public var corpusPosts: Int
    public var share: Double
    /// Whether enough posts fit for advice (at least `minimum`).
    public var enough: Bool
    public var minimum: Int
    /// The criterion in words.
    public var criterion: String
    /// The fitting posts, most relevant first (all of them, or the first `limit`).
    public var posts: [Post]

    enum CodingKeys: String, CodingKey {
        case section, fitting, corpusPosts = "corpus_posts", share, enough, minimum, criterion, posts
    }

    public init(section: String, fit: Fit, stats: CorpusStats, limit: Int? = nil) {
        self.section = section
        fitting = fit.count
        corpusPosts = fit.corpusSize
        share = (fit.share * 10_000).rounded() / 10_000
        enough = fit.isEnough
        minimum = fit.criterion.minFittingPosts
        criterion = fit.criterion.explanation
        let shown = fit.posts.indices.prefix(limit ?? fit.count)
        posts = shown.map { index in
            let post = fit.posts[index]
            func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
            return Post(path: stats.files[Int(stats.postFile[post])], line: Int(stats.postLine[post]),
                        id: stats.postIDs[post].isEmpty ? nil : stats.postIDs[post],
                        url: stats.postURLs[post].isEmpty ? nil : stats.postURLs[post],
                        title: stats.titles[post], score: rounded(fit.scores[index]),
                        tagShare: fit.tagShares[index].map(rounded), wordScore: rounded(fit.wordScores[index]))
        }
    }

    /// The section's fit under `context`'s corpus and criterion; nil without a corpus or posts.
    static func make(_ section: ProfileSection, context: LintContext, limit: Int? = nil) -> FitReport? {
        guard let corpusSection = CorpusSection.any(section, context: context) else { return nil }
        return FitReport(section: section.displayName, fit: corpusSection.fit, stats: corpusSection.stats, limit: limit)
    }

    /// "  0.91  'Kotlin developer for a delivery app' (jobs.csv:12; tags 67%, words 0.84)" lines.
    public static func textLines(_ posts: [Post]) -> [String] {
        posts.map { post in
            let tags = post.tagShare.map { "tags \(Percent.format($0)), " } ?? ""
            return "  \(Format.decimal(post.score))  '\(post.title.prefix(70))' (\(post.path):\(post.line); \(tags)words \(Format.decimal(post.wordScore)))"
        }
    }

    /// A share as a percentage, with a decimal under 10% (`6.6%`, `42%`).
    static func percent(_ share: Double) -> String {
        share > 0 && share < 0.1 ? String(format: "%.1f%%", share * 100) : Percent.format(share)
    }
}
