import Foundation

/// The posts that fit one profile section, as evidence a user can open: `lint --format json`
/// lists the best `--fit-posts N` (50 by default: megabytes per profile are evidence nobody
/// opens) per section, `suggest` prints the best (`--show-posts N`) and lists them all in JSON.
package struct FitReport: Sendable, Codable, Equatable {
    /// One fitting post: where it is, what it is called, and why it fits.
    package struct Post: Sendable, Codable, Equatable {
        package init(path: String, line: Int, id: String?, url: String?, title: String, score: Double, tagShare: Double?,
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

        package var path: String
        package var line: Int
        package var id: String?
        package var url: String?
        package var title: String
        /// Relevance 0-1 (see `Fit.scores`).
        package var score: Double
        /// The share of the post's skill-tag weight the section lists (absent: fit on words).
        package var tagShare: Double?
        /// The normalized BM25 score of the post for the section's title and skill words.
        package var wordScore: Double

        enum CodingKeys: String, CodingKey {
            case path, line, id, url, title, score, tagShare = "tag_share", wordScore = "word_score"
        }
    }

    /// The section (`profile`, `specialized profile 1`).
    package var section: String
    /// Fitting posts, the corpus size, and the fitting share of it.
    package var fitting: Int
    package var corpusPosts: Int
    package var share: Double
    /// Whether enough posts fit for advice (at least `minimum`).
    package var enough: Bool
    package var minimum: Int
    /// The criterion in words.
    package var criterion: String
    /// The fitting posts, most relevant first (all of them, or the first `limit`).
    package var posts: [Post]
    /// Whether `posts` lists fewer than the `fitting` posts (the best of them only).
    package var truncated: Bool

    /// How many fitting posts `lint` lists per section unless told otherwise (`--fit-posts`).
    package static let defaultPostLimit = 50

    enum CodingKeys: String, CodingKey {
        case section, fitting, corpusPosts = "corpus_posts", share, enough, minimum, criterion, posts, truncated
    }

    package init(section: String, fitting: Int, corpusPosts: Int, enough: Bool, minimum: Int, criterion: String, posts: [Post]) {
        self.section = section
        self.fitting = fitting
        self.corpusPosts = corpusPosts
        share = corpusPosts > 0 ? (Double(fitting) / Double(corpusPosts) * 10_000).rounded() / 10_000 : 0
        self.enough = enough
        self.minimum = minimum
        self.criterion = criterion
        self.posts = posts
        truncated = posts.count < fitting
    }

    /// "  0.91  'Kotlin developer for a delivery app' (jobs.csv:12; tags 67%, words 0.84)" lines.
    package static func textLines(_ posts: [Post]) -> [String] {
        posts.map { post in
            let tags = post.tagShare.map { "tags \(Int(($0 * 100).rounded()))%, " } ?? ""
            return "  " + String(format: "%.2f", post.score) + "  '\(post.title.prefix(70))' (\(post.path):\(post.line); \(tags)words "
                + String(format: "%.2f", post.wordScore) + ")"
        }
    }

    /// A share as a percentage, with a decimal under 10% (`6.6%`, `42%`).
    package static func percent(_ share: Double) -> String {
        share > 0 && share < 0.1 ? String(format: "%.1f%%", share * 100) : "\(Int((share * 100).rounded()))%"
    }
}
