/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A replacement of one byte range of the source.
public struct TextEdit: Hashable, Sendable, Codable {
    public var range: ByteRange
    public var replacement: String
    public init(range: ByteRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A machine-applicable fix: a description and non-overlapping edits.
public struct Fix: Hashable, Sendable, Codable {
    public var description: String
    public var edits: [TextEdit]
    public init(description: String, edits: [TextEdit]) {
        self.description = description
        self.edits = edits
    }
}

/// Supporting evidence for a diagnostic, located where it has a place in the source.
public struct Note: Hashable, Sendable, Codable {
    public var message: String
    public var range: ByteRange?
    public init(_ message: String, range: ByteRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// One finding in one file, as every reporter receives it.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// The rule id (`title-length`), or a built-in id such as `parse-error`.
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// The primary range in the file.
    public var range: ByteRange
    /// The field path the finding is about (`skills[3]`, `portfolio[0].description`);
    /// baselines key on it so they survive line shifts.
    public var fieldPath: String
    public var notes: [Note]
    public var fixes: [Fix]

    public init(ruleID: String, severity: Severity, message: String, range: ByteRange,
                fieldPath: String = "", notes: [Note] = [], fixes: [Fix] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.fieldPath = fieldPath
        self.notes = notes
        self.fixes = fixes
    }
}

/// The diagnostics of one linted file, with the file they point into.
public struct LintResult: Sendable {
    public var file: SourceFile
    public var diagnostics: [Diagnostic]
    /// Profile scores from 0 to 100 by name (`completeness`, `keyword_coverage`, `niche_focus`),
    /// present when the profile loaded and the rules that compute them ran.
    public var scores: [String: Double]
    /// Per section, its scores and the picture of its fitting posts; filled only when a
    /// report draws them (`LintSession.lint(_:insights:)`).
    package var insights: [SectionInsight]
    /// Per profile section, the job posts that fit it (empty without a corpus).
    package var fits: [FitReport]
    /// Findings the baseline (`--baseline`) accepted and left out of `diagnostics`.
    package var baselineAccepted = 0
    package init(file: SourceFile, diagnostics: [Diagnostic], scores: [String: Double] = [:], insights: [SectionInsight] = [],
                fits: [FitReport] = []) {
        self.file = file
        self.diagnostics = diagnostics
        self.scores = scores
        self.insights = insights
        self.fits = fits
    }
}
