import ProfileModel

/// One job post of the corpus, with the fields the corpus checks use.
/// Every field except `title`/`description` may be missing; a post needs at least one of those two.
package struct JobPost: Sendable, Hashable {
    package var id: String?
    package var title: String
    package var description: String
    /// Skill tags as the post writes them (not yet canonicalized).
    package var skills: [String]
    package var category: String?
    var budget: Budget
    var experienceLevel: String?
    var postedAt: String?
    var country: String?
    package var url: String?
    /// Where the post starts (file and 1-based line), for diagnostics.
    package var location: PostLocation

    package init(id: String? = nil, title: String, description: String, skills: [String] = [],
                category: String? = nil, budget: Budget = Budget(), experienceLevel: String? = nil,
                postedAt: String? = nil, country: String? = nil, url: String? = nil,
                location: PostLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.skills = skills
        self.category = category
        self.budget = budget
        self.experienceLevel = experienceLevel
        self.postedAt = postedAt
        self.country = country
        self.url = url
        self.location = location
    }
}

/// What a client offers: an hourly range, a fixed price, or neither.
package struct Budget: Sendable, Hashable, Codable {
    var hourlyMin: Double?
    var hourlyMax: Double?
    package var fixed: Double?
    var currency: String?
    /// The hourly amount is one freelancer's own rate (a single amount in the `rate` field, as
    /// freelancer exports give it), not a client's hourly range.
    var isFreelancerRate: Bool

    package init(hourlyMin: Double? = nil, hourlyMax: Double? = nil, fixed: Double? = nil, currency: String? = nil,
                 isFreelancerRate: Bool = false) {
        self.hourlyMin = hourlyMin
        self.hourlyMax = hourlyMax
        self.fixed = fixed
        self.currency = currency
        self.isFreelancerRate = isFreelancerRate
    }
}

/// A file and 1-based line: where a post (or a problem with it) is.
package struct PostLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    package var description: String { "\(path):\(line):\(column)" }
}

/// A located problem found while loading the corpus. Warnings skip one post (or one
/// field of it); the rest of the corpus still loads.
package struct CorpusIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    package var location: PostLocation
    package var severity: Severity
    package var message: String

    package init(_ location: PostLocation, _ message: String, severity: Severity = .warning) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `path:line:col: warning: message`, the compiler style the CLI prints on stderr.
    package var description: String { "\(location): \(severity.rawValue): \(message)" }
}
