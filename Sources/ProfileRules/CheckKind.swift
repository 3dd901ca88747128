import ProfileCorpus
import ProfileModel
import ProfileText

/// What a check kind found: where, the message arguments, evidence and fixes.
/// The engine turns it into a `Diagnostic` with the rule's id, severity and message.
package struct Finding: Sendable {
    package var range: ByteRange
    package var fieldPath: String
    /// Values for the rule message's `{name}` placeholders.
    package var arguments: [String: String]
    package var notes: [Note]
    package var fixes: [Fix]
    /// Set when the check could not run on this value (a user pattern past its time limit):
    /// reported as an error naming the rule with this text, instead of the rule's message.
    package var failure: String?

    package init(range: ByteRange, fieldPath: String, arguments: [String: String] = [:],
                notes: [Note] = [], fixes: [Fix] = []) {
        self.range = range
        self.fieldPath = fieldPath
        self.arguments = arguments
        self.notes = notes
        self.fixes = fixes
    }

    /// A check that could not run on the value at `range` (see `failure`).
    package init(failure: String, range: ByteRange, fieldPath: String) {
        self.init(range: range, fieldPath: fieldPath)
        self.failure = failure
    }
}

/// What a check sees besides the section it checks.
package struct LintContext: Sendable {
    /// The whole profile (for checks that compare sections).
    package var profile: Profile { didSet { corpusSections = CorpusSectionMemo() } }
    /// The skill alias table, when the rule directories have one.
    package var skillAliases: SkillAliases?
    /// The job-post corpus, when one was given (corpus kinds find nothing without it).
    package var corpus: Corpus? { didSet { corpusSections = CorpusSectionMemo() } }
    /// When a post fits a section (the `corpus-fit` rule's parameters, else the defaults).
    package var fitCriterion: FitCriterion { didSet { corpusSections = CorpusSectionMemo() } }
    /// Each section's query and fit, built once for all the corpus rules.
    private(set) var corpusSections = CorpusSectionMemo()

    package init(profile: Profile, skillAliases: SkillAliases? = nil, corpus: Corpus? = nil,
                fitCriterion: FitCriterion = FitCriterion()) {
        self.profile = profile
        self.skillAliases = skillAliases
        self.corpus = corpus
        self.fitCriterion = fitCriterion
    }

    /// The profile file (for kinds that build fixes from the source bytes).
    package var file: SourceFile { profile.file }
}

/// A built-in check: validates its parameters when the rule file loads, then checks
/// one profile section at a time. Kinds never print and never read files.
package protocol CheckKind: Sendable {
    /// The name rule files use in `kind:`.
    static var name: String { get }
    /// What the kind checks, in a sentence (the docs' kind table).
    static var summary: String { get }
    /// The kind-specific keys a rule file may set, each declared once (key, type, default,
    /// range, doc); `init(rule:)` reads them through the typed `Parameter` values they come from.
    static var parameters: [ParameterSpec] { get }
    /// Whether the kind needs `field:`.
    static var needsField: Bool { get }
    /// The `{placeholders}` the kind's findings fill. The rule loader rejects a message
    /// that uses any other name (besides `CheckKinds.engineArgumentNames`).
    static var argumentNames: [String] { get }
    /// Reads and validates the rule's parameters (a bad one is a located error).
    init(rule: Rule) throws(RuleFileError)
    /// Findings for one section.
    func check(_ section: ProfileSection, context: LintContext) -> [Finding]
    /// The check as a `ScoringCheckKind` when its kind feeds a score, else nil: a requirement
    /// (nil by default, `self` for scoring kinds), so the engine needs no runtime cast, whose
    /// first use per kind type scans the process's conformance records.
    var scoring: (any ScoringCheckKind)? { get }
}

extension CheckKind {
    /// A kind that lists no arguments fills no placeholders beyond the engine's.
    package static var argumentNames: [String] { [] }

    package var scoring: (any ScoringCheckKind)? { nil }
}

/// A share of a named profile score (0-100) that one rule contributes, such as the
/// `completeness` score built from every `required` rule.
package struct ScoreContribution: Sendable, Equatable {
    /// Points the profile earned.
    var earned: Double
    /// Points the profile could earn.
    var possible: Double
    package init(earned: Double, possible: Double) {
        self.earned = earned
        self.possible = possible
    }
}

/// A check kind whose rules also feed a profile score in `LintResult.scores`: the
/// engine adds up the contributions of every such rule for the general profile and
/// reports `100 * earned / possible` under `scoreName`.
package protocol ScoringCheckKind: CheckKind {
    /// The score's name in `LintResult.scores`.
    static var scoreName: String { get }
    func scoreContribution(_ section: ProfileSection, context: LintContext) -> ScoreContribution
}

extension ScoringCheckKind {
    package var scoring: (any ScoringCheckKind)? { self }
}

/// Every built-in check kind, by name.
package enum CheckKinds {
    package static let all: [any CheckKind.Type] = profileKinds + corpusKinds

    /// Kinds that look at the profile alone.
    static let profileKinds: [any CheckKind.Type] = [
        RequiredCheck.self,
        LengthCheck.self,
        CountCheck.self,
        NumberRangeCheck.self,
        UniqueCheck.self,
        PhraseListCheck.self,
        PatternCheck.self,
        ContactInfoCheck.self,
        LinkPolicyCheck.self,
        ReadabilityCheck.self,
        QuantifiedResultsCheck.self,
        RepetitionCheck.self,
        OpeningCheck.self,
        DiffersFromGeneralCheck.self,
    ]

    /// Kinds that compare the profile with the job-post corpus.
    static let corpusKinds: [any CheckKind.Type] = [
        CorpusFitCheck.self, OffNicheCheck.self, KeywordCoverageCheck.self, SkillCoverageCheck.self, TitleMatchCheck.self, NicheFocusCheck.self,
        RateRangeCheck.self, DistinctnessCheck.self, PortfolioRelevanceCheck.self,
    ]

    /// Placeholders the engine fills for every rule: the section's name (`profile`,
    /// `specialized profile 2`) and the finding's field path.
    static let engineArgumentNames = ["section", "field"]

    package static func named(_ name: String) -> (any CheckKind.Type)? {
        all.first { $0.name == name }
    }
}
