/// What a visual report shows about one profile section besides its findings: its scores
/// and, with a corpus, the picture of the job posts that fit it. Plain data, so the model
/// layer can carry it in `LintResult` while the corpus and rules layers fill it in.
package struct SectionInsight: Sendable, Equatable {
    /// "profile" or "specialized profile 2".
    package var section: String
    /// The section's field path (`""` or `specialized_profiles[1]`); findings whose path
    /// starts with it belong to it.
    package var fieldPath: String
    /// Scores from 0 to 100 by name (`completeness`, `keyword_coverage`, `niche_focus`).
    package var scores: [String: Double]
    /// The fitting posts' picture; nil without a corpus.
    package var fit: FitPicture?

    package init(section: String, fieldPath: String, scores: [String: Double], fit: FitPicture?) {
        self.section = section
        self.fieldPath = fieldPath
        self.scores = scores
        self.fit = fit
    }

    /// Whether a finding at `path` lies inside this section.
    package func owns(_ path: String) -> Bool {
        fieldPath.isEmpty || path == fieldPath || path.hasPrefix(fieldPath + ".")
    }
}

/// The posts that fit a profile section, summarised for charts.
package struct FitPicture: Sendable, Equatable {
    /// A skill tag: how many fitting posts and corpus posts carry it.
    package struct Tag: Sendable, Equatable {
        package var display: String
        package var inFit: Int
        package var inCorpus: Int
        /// One of the section's own skill tags.
        package var own: Bool
        /// For own tags: the category most corpus posts carrying the tag belong to.
        package var category: String?

        package init(display: String, inFit: Int, inCorpus: Int, own: Bool, category: String? = nil) {
            self.display = display
            self.inFit = inFit
            self.inCorpus = inCorpus
            self.own = own
            self.category = category
        }
    }

    /// A client's hourly budget range (equal ends when the post gives only one).
    package struct HourlyRange: Sendable, Equatable {
        package var low: Double
        package var high: Double

        package init(low: Double, high: Double) {
            self.low = min(low, high)
            self.high = max(low, high)
        }

        package func contains(_ rate: Double) -> Bool { low <= rate && rate <= high }
    }

    /// A category and how many fitting posts are in it.
    package struct Category: Sendable, Equatable {
        package var name: String
        package var posts: Int

        package init(name: String, posts: Int) {
            self.name = name
            self.posts = posts
        }
    }

    /// A post the section was compared with.
    package struct Post: Sendable, Equatable {
        package var title: String
        /// `path:line` of the post in the corpus.
        package var location: String
        package var url: String?
        /// Its relevance score (higher fits better).
        package var score: Double

        package init(title: String, location: String, url: String?, score: Double) {
            self.title = title
            self.location = location
            self.url = url
            self.score = score
        }
    }

    package var fitSize: Int
    package var corpusSize: Int
    /// The fitting posts' most used tags and the section's own tags, most used first.
    package var tags: [Tag]
    /// The section's hourly rate, if it gives one.
    package var rate: Double?
    /// The fitting posts' hourly ranges in one currency, by lower end.
    package var hourlyRanges: [HourlyRange]
    /// The currency of those ranges (ISO code), nil when no post names one.
    package var currency: String?
    /// Whether most of those amounts are freelancers' own rates (a corpus of freelancer
    /// profiles), not clients' budgets: the chart then says whose amounts it shows.
    package var freelancerRates: Bool
    /// The fitting posts' categories, most posts first (posts without one left out).
    package var categories: [Category]
    /// The best fitting posts, best first (at most `FitPicture.postLimit`).
    package var posts: [Post]

    package init(fitSize: Int, corpusSize: Int, tags: [Tag], rate: Double?, hourlyRanges: [HourlyRange],
                currency: String? = nil, freelancerRates: Bool = false, categories: [Category], posts: [Post]) {
        self.fitSize = fitSize
        self.corpusSize = corpusSize
        self.tags = tags
        self.rate = rate
        self.hourlyRanges = hourlyRanges
        self.currency = currency
        self.freelancerRates = freelancerRates
        self.categories = categories
        self.posts = posts
    }

    /// How many of the best fitting posts a picture lists, and how many of the fitting posts'
    /// own tags it charts besides the section's tags.
    package static let postLimit = 20
    package static let tagLimit = 12

    /// The section's own tags that no fitting post carries: outside the niche the posts show.
    package var ownTagsOutside: [Tag] { tags.filter { $0.own && $0.inFit == 0 } }
}
