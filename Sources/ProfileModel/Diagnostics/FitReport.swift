import Foundation

/// The posts that fit one profile section, as evidence a user can open: `lint --format json`
/// lists them per section, `suggest` prints the best (`--show-posts N`) and lists them in JSON.
public struct FitReport: Sendable, Codable, Equatable {
    /// One fitting post: where it is, what it is called, and why it fits.
    public struct Post: Sendable, Codable, Equatable {
        public init(path: String, line: Int, id: String?, url: String?, title: String, score: Double, tagShare: Double?,
                    wordScore: Double) {
            self.path = path
            self.line = line
            self.id = id
            self.url = url
            self.title = title
            self.score = score
            self.tagShare = tagShare
            self.wordScore = wordScore
        }

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

    public init(section: String, fitting: Int, corpusPosts: Int, enough: Bool, minimum: Int, criterion: String, posts: [Post]) {
        self.section = section
        self.fitting = fitting
        self.corpusPosts = corpusPosts
        share = corpusPosts > 0 ? (Double(fitting) / Double(corpusPosts) * 10_000).rounded() / 10_000 : 0
        self.enough = enough
        self.minimum = minimum
        self.criterion = criterion
        self.posts = posts
    }

    /// "  0.91  'Kotlin developer for a delivery app' (jobs.csv:12; tags 67%, words 0.84)" lines.
    public static func textLines(_ posts: [Post]) -> [String] {
        posts.map { post in
            let tags = post.tagShare.map { "tags \(Int(($0 * 100).rounded()))%, " } ?? ""
            return "  " + String(format: "%.2f", post.score) + "  '\(post.title.prefix(70))' (\(post.path):\(post.line); \(tags)words "
                + String(format: "%.2f", post.wordScore) + ")"
        }
    }

    /// A share as a percentage, with a decimal under 10% (`6.6%`, `42%`).
    public static func percent(_ share: Double) -> String {
        share > 0 && share < 0.1 ? String(format: "%.1f%%", share * 100) : "\(Int((share * 100).rounded()))%"
    }
}
