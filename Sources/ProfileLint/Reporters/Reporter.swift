/// Formats lint results; one conforming type per output format.
public protocol Reporter {
    /// The `--format` name.
    static var name: String { get }
    /// The whole report for `results`.
    func report(_ results: [LintResult], rules: RuleSet) -> String
}
