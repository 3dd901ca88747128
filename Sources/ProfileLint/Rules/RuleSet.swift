/// Rules ready to run: each rule with its validated check.
public struct RuleSet: Sendable {
    public struct Entry: Sendable {
        public var rule: Rule
        public var check: any CheckKind
    }

    public private(set) var entries: [Entry]

    /// Builds the checks; a rule id defined twice is an error at the second definition.
    public init(rules: [Rule]) throws(RuleFileError) {
        var entries: [Entry] = []
        var seen: [String: String] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                throw RuleFileError(file: rule.file, range: ByteRange(0, 0),
                                    message: "rule id '\(rule.id)' is already defined in \(first)")
            }
            seen[rule.id] = rule.file.path
            let kind = CheckKinds.named(rule.kind)!
            entries.append(Entry(rule: rule, check: try kind.init(rule: rule)))
        }
        self.entries = entries
    }

    public func rule(_ id: String) -> Rule? {
        entries.first { $0.rule.id == id }?.rule
    }
}

/// Runs a rule set over profile files: load → check → diagnostics.
public struct Linter: Sendable {
    public var ruleSet: RuleSet
    /// The job-post corpus the corpus rules compare profiles with.
    public var corpus: Corpus?

    public init(ruleSet: RuleSet, corpus: Corpus? = nil) {
        self.ruleSet = ruleSet
        self.corpus = corpus
    }

    /// Lints one file. Load problems come first; the rules run only on a loaded profile.
    public func lint(_ file: SourceFile) -> LintResult {
        let outcome = ProfileLoader.load(file)
        var diagnostics = outcome.diagnostics
        var scores: [String: Double] = [:]
        if let profile = outcome.profile {
            diagnostics += lint(profile)
            scores = ScoringChecks.scores(ruleSet, profile: profile, context: LintContext(profile: profile, corpus: corpus))
        }
        diagnostics.sort { ($0.range.lowerBound, $0.ruleID) < ($1.range.lowerBound, $1.ruleID) }
        return LintResult(file: file, diagnostics: diagnostics, scores: scores)
    }

    /// The rules' diagnostics for a loaded profile.
    public func lint(_ profile: Profile) -> [Diagnostic] {
        let context = LintContext(profile: profile, corpus: corpus)
        var diagnostics: [Diagnostic] = []
        for entry in ruleSet.entries {
            for section in profile.sections where entry.rule.appliesTo.contains(section.kind) {
                for finding in entry.check.check(section, context: context) {
                    diagnostics.append(Diagnostic(
                        ruleID: entry.rule.id, severity: entry.rule.severity,
                        message: entry.rule.renderMessage(finding.arguments.merging(["section": section.displayName]) { a, _ in a }),
                        range: finding.range, fieldPath: finding.fieldPath,
                        notes: finding.notes, fixes: finding.fixes))
                }
            }
        }
        return diagnostics
    }
}
