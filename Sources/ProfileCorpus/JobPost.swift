import ProfileModel

/// One job post of the corpus, with the fields the corpus checks use.
/// Every field except `title`/`description` may be missing; a post needs at least one of those two.
public struct JobPost: Sendable, Hashable {
    public var id: String?
    public var title: String
    public var description: String
    /// Skill tags as the post writes them (not yet canonicalized).
    public var skills: [String]
    public var category: String?
    public var budget: Budget
    public var experienceLevel: String?
    public var postedAt: String?
    public var country: String?
    public var url: String?
    /// Where the post starts (file and 1-based line), for diagnostics.
    public var location: PostLocation

    public init(id: String? = nil, title: String, description: String, skills: [String] = [],
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
public struct Budget: Sendable, Hashable, Codable {
    public var hourlyMin: Double?
    public var hourlyMax: Double?
    public var fixed: Double?
    public var currency: String?

    public init(hourlyMin: Double? = nil, hourlyMax: Double? = nil, fixed: Double? = nil, currency: String? = nil) {
        self.hourlyMin = hourlyMin
        self.hourlyMax = hourlyMax
        self.fixed = fixed
        self.currency = currency
    }
}

/// A file and 1-based line: where a post (or a problem with it) is.
public struct PostLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// A located problem found while loading the corpus. Warnings skip one post (or one
/// field of it); the rest of the corpus still loads.
public struct CorpusIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: PostLocation
    public var severity: Severity
    public var message: String

    public init(_ location: PostLocation, _ message: String, severity: Severity = .warning) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `path:line:col: warning: message`, the compiler style the CLI prints on stderr.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
