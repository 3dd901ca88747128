import ProfileCorpus
import ProfileModel
import ProfileText

/// Rules ready to run: each rule with its validated check.
public struct RuleSet: Sendable {
    public struct Entry: Sendable {
        public var rule: Rule
        private let storage: CheckStorage
        /// The rule's check (a described rule set builds it on first use).
        package var check: any CheckKind {
            switch storage {
            case .built(let check): check
            case .deferred(let deferred): deferred.check
            }
        }

        init(rule: Rule, check: any CheckKind) {
            self.rule = rule
            self.storage = .built(check)
        }

        init(deferring rule: Rule) {
            self.rule = rule
            self.storage = .deferred(DeferredCheck(rule: rule))
        }
    }

    public private(set) var entries: [Entry]
    /// The skill alias table from the rule directories (`skill-aliases.yml`), if any.
    package var skillAliases: SkillAliases?

    /// Builds the checks; a rule id defined twice is an error at the second definition.
    /// Every rule's errors are reported at once (a check stops at its first bad parameter).
    package init(rules: [Rule], skillAliases: SkillAliases? = nil) throws(RuleFileError) {
        var errors = RuleFileErrors()
        self.init(rules: rules, skillAliases: skillAliases, collecting: &errors)
        try errors.throwIfAny()
    }

    /// The rules that build, with each failing rule left out and its error added to `errors`.
    /// The checks are built on all cores (compiling their regular expressions is most of a rule
    /// set's start-up); entries and errors come in rule order whatever the threads do.
    package init(rules: [Rule], skillAliases: SkillAliases? = nil, collecting errors: inout RuleFileErrors) {
        self.skillAliases = skillAliases
        var seen: [String: String] = [:]
        let planned = rules.map { rule -> Result<(rule: Rule, kind: any CheckKind.Type), RuleFileError> in
            if let first = seen[rule.id] {
                return .failure(RuleFileError(file: rule.file, range: rule.idRange,
                                              message: "rule id '\(rule.id)' is already defined in \(first)"))
            }
            seen[rule.id] = rule.file.path
            guard let kind = CheckKinds.named(rule.kind) else {
                return .failure(RuleFileError(file: rule.file, range: rule.idRange, message: "unknown check kind '\(rule.kind)'"))
            }
            return .success((rule, kind))
        }
        let built = ParallelMap.map(planned) { planned in
            planned.flatMap { rule, kind in
                Result { () throws(RuleFileError) -> Entry in Entry(rule: rule, check: try kind.init(rule: rule)) }
            }
        }
        var entries: [Entry] = []
        for result in built {
            switch result {
            case .success(let entry): entries.append(entry)
            case .failure(let error): errors.append(error)
            }
        }
        self.entries = entries
    }

    /// The rules of `rules`, their checks built only when first used: for a report of findings
    /// replayed from the lint result cache, whose key proves that these rules built before
    /// (a check that fails to build anyway reports that as the rule's failure).
    package static func describing(_ rules: [Rule], skillAliases: SkillAliases?) -> RuleSet {
        var seen = Set<String>()
        var described = RuleSet(entries: rules.filter { seen.insert($0.id).inserted }.map(Entry.init(deferring:)))
        described.skillAliases = skillAliases
        return described
    }

    /// The documentation page of a finding's id: the rule's `help_uri`, or the page of a
    /// built-in check (SARIF `helpUri`, LSP `codeDescription`, hovers).
    package func helpURI(for ruleID: String) -> String? {
        rule(ruleID)?.helpURI ?? BuiltInCheck(rawValue: ruleID)?.helpURI
    }

    /// A rule set with no rules.
    package static let empty = RuleSet(entries: [])

    private init(entries: [Entry]) {
        self.entries = entries
    }

    /// When a post fits a profile section: the first `corpus-fit` rule's parameters, else the
    /// defaults (so a rule pack without that rule still judges fit the same way).
    package var fitCriterion: FitCriterion {
        entries.lazy.compactMap { ($0.check as? CorpusFitCheck)?.criterion }.first ?? FitCriterion()
    }

    public func rule(_ id: String) -> Rule? {
        entries.first { $0.rule.id == id }?.rule
    }
}

/// Runs a rule set over profile files: load → check → diagnostics.
package struct Linter: Sendable {
    package var ruleSet: RuleSet
    /// The job-post corpus the corpus rules compare profiles with.
    package var corpus: Corpus?
    /// How many fitting posts each section's `FitReport` lists, best first (nil: all).
    package var fitPostLimit: Int? = FitReport.defaultPostLimit

    package init(ruleSet: RuleSet, corpus: Corpus? = nil) {
        self.ruleSet = ruleSet
        self.corpus = corpus
    }

    /// Lints one file. Load problems come first, then each rule's findings in rule order
    /// (reports put them in report order); the rules run only on a loaded profile.
    /// With `insights`, the result also holds each section's scores and fitting-post picture.
    package func lint(_ file: SourceFile, insights: Bool = false) -> LintResult {
        let outcome = ProfileLoader.load(file)
        var result = LintResult(file: file, diagnostics: outcome.diagnostics, scores: [:], insights: [], fits: [])
        if let profile = outcome.profile {
            // One context, so the corpus rules, the scores and the fits share each section's query and fit.
            let context = context(profile)
            result.diagnostics += lint(profile, context: context)
            result.insights = insights ? self.insights(profile, context: context) : []
            // The general section's insight already holds its scores (sections[0] is the general profile).
            result.scores = result.insights.first?.scores ?? scores(profile.general, context: context)
            result.fits = fits(profile, context: context)
        }
        return result
    }

    /// Per section, the posts that fit it (empty without a corpus): the counts, and the best
    /// `fitPostLimit` posts.
    package func fits(_ profile: Profile) -> [FitReport] {
        fits(profile, context: context(profile))
    }

    func fits(_ profile: Profile, context: LintContext) -> [FitReport] {
        profile.sections.compactMap { FitReport.make($0, context: context, limit: fitPostLimit) }
    }

    /// The scores of the general profile that scoring rules add up (such as
    /// `completeness` from the `required` rules), each from 0 to 100.
    package func scores(_ profile: Profile) -> [String: Double] {
        scores(profile.general, context: context(profile))
    }

    /// Each section's scores and, with a corpus, the picture of the posts that fit it.
    package func insights(_ profile: Profile) -> [SectionInsight] {
        insights(profile, context: context(profile))
    }

    func insights(_ profile: Profile, context: LintContext) -> [SectionInsight] {
        profile.sections.map { section in
            SectionInsight(section: section.displayName, fieldPath: section.pathPrefix, scores: scores(section, context: context),
                           fit: CorpusSection.any(section, context: context).map { $0.corpus.picture(query: $0.query, fit: $0.fit) })
        }
    }

    /// The scores of one section from the scoring rules that apply to it.
    func scores(_ section: ProfileSection, context: LintContext) -> [String: Double] {
        var totals: [String: ScoreContribution] = [:]
        for entry in ruleSet.entries where entry.rule.appliesTo.contains(section.kind) {
            guard let check = entry.check.scoring else { continue }
            let contribution = check.scoreContribution(section, context: context)
            let name = type(of: check).scoreName
            totals[name, default: ScoreContribution(earned: 0, possible: 0)].earned += contribution.earned
            totals[name, default: ScoreContribution(earned: 0, possible: 0)].possible += contribution.possible
        }
        return totals.compactMapValues { total in
            total.possible > 0 ? 100 * total.earned / total.possible : nil
        }
    }

    /// What every check sees for `profile`: the alias table, the corpus and the fit criterion.
    func context(_ profile: Profile) -> LintContext {
        LintContext(profile: profile, skillAliases: ruleSet.skillAliases, corpus: corpus, fitCriterion: ruleSet.fitCriterion)
    }

    /// The rules' diagnostics for a loaded profile (bounded: `FindingLimits`).
    package func lint(_ profile: Profile) -> [Diagnostic] {
        lint(profile, context: context(profile))
    }

    func lint(_ profile: Profile, context: LintContext) -> [Diagnostic] {
        let found = SectionFindings(entries: ruleSet.entries, sections: profile.sections, context: context)
        var diagnostics: [Diagnostic] = []
        for (index, entry) in ruleSet.entries.enumerated() {
            var limits = FindingLimits()
            for (place, section) in profile.sections.enumerated() where entry.rule.appliesTo.contains(section.kind) {
                for finding in limits.bounded(found[section: place, entry: index]) {
                    diagnostics.append(Diagnostic(
                        ruleID: entry.rule.id, severity: finding.failure == nil ? entry.rule.severity : .error,
                        message: finding.failure.map { "rule '\(entry.rule.id)' failed: \($0)" } ?? entry.rule.renderMessage(
                            finding.arguments.merging(["section": section.displayName, "field": finding.fieldPath]) { own, _ in own }),
                        range: finding.range, fieldPath: finding.fieldPath,
                        notes: finding.notes, fixes: finding.fixes))
                }
            }
        }
        return diagnostics
    }
}
