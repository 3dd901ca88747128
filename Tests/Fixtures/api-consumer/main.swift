// A program outside the package that uses the library API (docs/architecture.md, "Library
// API"); PublicAPITests type-checks it against the built modules, as a package user would.
import ProfileLint

let profileText = "title: Data engineer\n"
do {
    let options = SessionFactory.Options(defaultRules: .current(), corpusCache: CorpusCache(directory: CorpusCache.defaultDirectory()))
    for target in try LintSetup.plan(files: ["profile.yml"], options: options) {
        let file = SourceFile(path: "profile.yml", text: profileText)
        let result = target.session.lint(file, insights: ReportFormat.html.drawsInsights)
        let reporter = ReportFormat.sarif.reporter(options: ReportOptions(failOn: .warning))
        print(reporter.report([result], rules: target.session.ruleSet))
        for diagnostic in result.diagnostics where diagnostic.severity >= .warning {
            let position = file.position(ofByte: diagnostic.range.lowerBound, unit: .utf16)
            print(position, diagnostic.ruleID, diagnostic.message, diagnostic.notes.map(\.message),
                  diagnostic.fixes.flatMap(\.edits).map(\.replacement))
        }
        let fixed = target.session.fix(file)
        print(fixed.changed, fixed.appliedCount, fixed.fixed.text, result.scores)
        for entry in target.session.ruleSet.entries {
            let rule = entry.rule
            print(rule.id, rule.kind, rule.severity, rule.message, rule.rationale, rule.helpURI ?? "",
                  rule.examples.triggering.count, rule.examples.passing.count)
        }
    }
    _ = try Baseline.load(path: "baseline.json")
} catch let error as LintSetupError {
    print(error.isLocated, error.description)
} catch let error as RuleFileError {
    print(error.path, error.position.line, error.message, error.all.count)
} catch {
    print(error)
}
