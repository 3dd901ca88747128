/// Turns results into the lint exit status (SPEC §5): 1 when a finding is at or above
/// `failOn` or there are more warnings than `maxWarnings`, else 0; `exitZero` forces 0.
/// (Exit 2, for usage and input errors, is decided before anything is linted.)
package struct ExitPolicy: Sendable {
    package var failOn: Severity
    var maxWarnings: Int?
    var exitZero: Bool

    package init(failOn: Severity = .error, maxWarnings: Int? = nil, exitZero: Bool = false) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
        self.exitZero = exitZero
    }

    /// Whether the warnings exceed `--max-warnings`.
    package func tooManyWarnings(_ results: [LintResult]) -> Bool {
        guard let maxWarnings else { return false }
        return SeverityCounts(results).warnings > maxWarnings
    }

    /// Whether some finding is at or above `--fail-on`.
    func hasFailingFinding(_ results: [LintResult]) -> Bool {
        results.contains { $0.diagnostics.contains { $0.severity >= failOn } }
    }

    package func status(_ results: [LintResult]) -> Int32 {
        if exitZero { return 0 }
        return hasFailingFinding(results) || tooManyWarnings(results) ? 1 : 0
    }
}

extension LintResult {
    /// A copy keeping only findings at or above `severity` (`--quiet`).
    package func keeping(atLeast severity: Severity) -> LintResult {
        var copy = self
        copy.diagnostics.removeAll { $0.severity < severity }
        return copy
    }
}

extension ReportOptions {
    /// Options for writing to standard output: colour and source excerpts only on a terminal,
    /// colour never when `--no-color` is given or `NO_COLOR` is set to a non-empty value
    /// (https://no-color.org). Writing to a file (`--output`) is never a terminal.
    /// `columns` is the terminal's width when known; `COLUMNS` in the environment wins.
    package static func forOutput(isTerminal: Bool, noColorFlag: Bool, environment: [String: String],
                                 quiet: Bool, workingDirectory: String, columns: Int? = nil) -> ReportOptions {
        let noColorEnvironment = !(environment["NO_COLOR"] ?? "").isEmpty
        let width = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? columns ?? 160
        return ReportOptions(color: isTerminal && !noColorFlag && !noColorEnvironment,
                             showSource: isTerminal, showSummary: !quiet,
                             workingDirectory: workingDirectory, terminalWidth: min(max(width, 20), 10_000))
    }
}
