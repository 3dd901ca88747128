/// What a check kind found: where, the message arguments, evidence and fixes.
/// The engine turns it into a `Diagnostic` with the rule's id, severity and message.
public struct Finding: Sendable {
    public var range: ByteRange
    public var fieldPath: String
    /// Values for the rule message's `{name}` placeholders.
    public var arguments: [String: String]
    public var notes: [Note]
    public var fixes: [Fix]

    public init(range: ByteRange, fieldPath: String, arguments: [String: String] = [:],
                notes: [Note] = [], fixes: [Fix] = []) {
        self.range = range
        self.fieldPath = fieldPath
        self.arguments = arguments
        self.notes = notes
        self.fixes = fixes
    }
}

/// What a check sees besides the section it checks.
public struct LintContext: Sendable {
    /// The whole profile (for checks that compare sections).
    public var profile: Profile
    /// The job-post corpus, when one was given (corpus kinds find nothing without it).
    public var corpus: Corpus?
    public init(profile: Profile, corpus: Corpus? = nil) {
        self.profile = profile
        self.corpus = corpus
    }
}

/// A built-in check: validates its parameters when the rule file loads, then checks
/// one profile section at a time. Kinds never print and never read files.
public protocol CheckKind: Sendable {
    /// The name rule files use in `kind:`.
    static var name: String { get }
    /// The kind-specific keys a rule file may set.
    static var parameterKeys: [String] { get }
    /// Whether the kind needs `field:`.
    static var needsField: Bool { get }
    /// Reads and validates the rule's parameters (a bad one is a located error).
    init(rule: Rule) throws(RuleFileError)
    /// Findings for one section.
    func check(_ section: ProfileSection, context: LintContext) -> [Finding]
}

/// Every built-in check kind, by name.
public enum CheckKinds {
    public static let all: [any CheckKind.Type] = profileKinds + corpusKinds

    /// Kinds that look at the profile alone.
    static let profileKinds: [any CheckKind.Type] = [
        CountCheck.self,
    ]

    /// Kinds that compare the profile with the job-post corpus.
    static let corpusKinds: [any CheckKind.Type] = [
        KeywordCoverageCheck.self, SkillCoverageCheck.self, TitleMatchCheck.self, NicheFocusCheck.self,
        RateRangeCheck.self, DistinctnessCheck.self, PortfolioRelevanceCheck.self,
    ]

    public static func named(_ name: String) -> (any CheckKind.Type)? {
        all.first { $0.name == name }
    }
}
