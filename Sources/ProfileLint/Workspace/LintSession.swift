import ProfileText

/// The lint pipeline every front end (CLI, Language Server) runs for one configuration:
///
///     Linter diagnostics → configured severity / off → inline suppressions → baseline
///
/// The reporter and the exit code then see only what remains.
public struct LintSession: Sendable {
    /// Diagnostic ids produced outside rule files (by `ProfileLoader` and `Suppressions`);
    /// a configuration may set their severity and a suppression may name them.
    package static let builtInRuleIDs = BuiltInCheck.ids

    /// The configuration in force, if any.
    package let configuration: Configuration?
    /// Runs the rules (configured severities and parameters already applied; `off` rules left out).
    package private(set) var linter: Linter
    /// Accepted findings to hide, if any.
    package var baseline: Baseline?
    /// Every rule id a suppression may name: loaded rules (also those turned off) and built-ins.
    let knownRuleIDs: [String]

    /// Applies `configuration` to `rules` (all loaded rules) and builds the linter, with
    /// `corpus` for the corpus rules. A bad override is a located error in the configuration;
    /// every bad override and parameter value is reported at once, in file order.
    package init(rules: [Rule], skillAliases: SkillAliases? = nil, configuration: Configuration?, baseline: Baseline? = nil,
                corpus: Corpus? = nil) throws(RuleFileError) {
        var errors = RuleFileErrors()
        self.init(rules: rules, skillAliases: skillAliases, configuration: configuration, baseline: baseline, corpus: corpus,
                  collecting: &errors)
        try errors.throwIfAny()
    }

    /// The session with each bad override and rule left out and its error added to `errors`,
    /// so that a caller reports it with the configuration's other mistakes.
    package init(rules: [Rule], skillAliases: SkillAliases?, configuration: Configuration?, baseline: Baseline?,
                 corpus: Corpus?, collecting errors: inout RuleFileErrors) {
        let configured = configuration?.apply(to: rules, builtInRuleIDs: Self.builtInRuleIDs, collecting: &errors) ?? rules
        let ruleSet = RuleSet(rules: configured, skillAliases: skillAliases, collecting: &errors)
        self.configuration = configuration
        self.linter = Linter(ruleSet: ruleSet, corpus: corpus)
        self.baseline = baseline
        self.knownRuleIDs = rules.map(\.id) + Self.builtInRuleIDs
    }

    /// Gives the corpus rules `corpus` (loaded once the configuration proved valid).
    mutating func use(corpus: Corpus?) {
        linter.corpus = corpus
    }

    /// Lists the best `limit` fitting posts per section in results (nil: all; `--fit-posts`).
    mutating func listFitPosts(_ limit: Int?) {
        linter.fitPostLimit = limit
    }

    /// The rule set in force.
    public var ruleSet: RuleSet { linter.ruleSet }

    /// Lints one file through the whole pipeline; with `insights`, for a report that draws
    /// each section's scores and fitting posts (see `SectionInsight`). The findings come in the
    /// linter's order (load problems, then rule by rule), then suppression problems; reports put
    /// them in report order (`ReportOrder`, the one place findings are sorted).
    public func lint(_ file: SourceFile, insights: Bool = false) -> LintResult {
        Self.applying(baseline, to: findings(file, insights: insights))
    }

    /// The pipeline up to the baseline: what the lint result cache stores for a file.
    package func findings(_ file: SourceFile, insights: Bool = false) -> LintResult {
        var result = linter.lint(file, insights: insights)
        let diagnostics = configured(result.diagnostics)
        let suppression = Suppressions.apply(diagnostics, in: file, knownRuleIDs: knownRuleIDs)
        result.diagnostics = suppression.kept + configured(suppression.problems)
        return result
    }

    /// `result` with the findings `baseline` accepts left out (the last step of the pipeline).
    package static func applying(_ baseline: Baseline?, to result: LintResult) -> LintResult {
        guard let baseline else { return result }
        var kept = result
        kept.diagnostics = baseline.apply(result.diagnostics, in: result.file).kept
        kept.baselineAccepted = result.diagnostics.count - kept.diagnostics.count
        return kept
    }

    /// `diagnostics` with the configuration's severities applied (`off` removes).
    func configured(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard let configuration, !configuration.ruleOverrides.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            switch configuration.severity(for: diagnostic.ruleID) {
            case nil: return diagnostic
            case .off: return nil
            case .on(let severity):
                var changed = diagnostic
                changed.severity = severity
                return changed
            }
        }
    }

    /// Applies the machine-applicable fixes of the reported diagnostics and re-lints
    /// (see `FixApplier.fixRepeatedly`). Nothing is written.
    public func fix(_ file: SourceFile, maxPasses: Int = FixApplier.defaultMaxPasses, insights: Bool = false) -> FixApplier.Result {
        FixApplier.fixRepeatedly(file, maxPasses: maxPasses) { lint($0, insights: insights) }
    }
}
