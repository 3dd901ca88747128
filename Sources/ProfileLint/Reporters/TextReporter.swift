/// `text`: `PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]`, notes, and a summary line.
/// MINIMAL FIRST VERSION: carets and colour on a terminal come with the reporters work.
public struct TextReporter: Reporter {
    public static let name = "text"
    public init() {}

    public func report(_ results: [LintResult], rules: RuleSet) -> String {
        var output = ""
        var counts: [Severity: Int] = [:]
        for result in results {
            for diagnostic in result.diagnostics {
                let position = result.file.position(ofByte: diagnostic.range.lowerBound)
                output += "\(result.file.path):\(position): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]\n"
                counts[diagnostic.severity, default: 0] += 1
            }
        }
        output += "\(counts[.error] ?? 0) errors, \(counts[.warning] ?? 0) warnings, \(counts[.info] ?? 0) infos in \(results.count) files\n"
        return output
    }
}
