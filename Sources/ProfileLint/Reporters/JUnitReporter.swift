/// `junit`: JUnit XML for CI test-report views. Mapping: one `<testsuite>` per linted file
/// (named by its path); one `<testcase>` per finding, named `RULE-ID at LINE:COL` with the
/// path as `classname`, holding a `<failure>` whose `type` is the severity, `message` the
/// finding's message, and body the text-format line with its notes. A finding below
/// `ReportOptions.failOn` (the CLI's `--fail-on`) is a passing testcase with that line in
/// `<system-out>`, so a test-report view fails exactly when the exit status does (without
/// `failOn` every finding fails). A file with no findings gets one passing testcase named
/// `profilelint`, so clean files show up as passes.
package struct JUnitReporter: CatalogReporter {

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        let sorted = ReportOrder.sorted(results)
        let failures = sorted.reduce(0) { $0 + failing($1.diagnostics) }
        let tests = sorted.reduce(0) { $0 + max(1, $1.diagnostics.count) }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"profilelint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for result in sorted {
            let path = XMLEscaping.escape(result.file.path)
            let count = result.diagnostics.count
            output += "  <testsuite name=\"\(path)\" tests=\"\(max(1, count))\" failures=\"\(failing(result.diagnostics))\" errors=\"0\">\n"
            if result.diagnostics.isEmpty {
                output += "    <testcase name=\"profilelint\" classname=\"\(path)\"/>\n"
            }
            for diagnostic in result.diagnostics {
                let start = result.file.position(ofByte: diagnostic.range.lowerBound)
                let name = XMLEscaping.escape("\(diagnostic.ruleID) at \(start.line):\(start.column)")
                let line = "\(result.file.path):\(start.line):\(start.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]"
                let body = ([line] + diagnostic.notes.map { "note: \($0.message)" }).joined(separator: "\n")
                output += "    <testcase name=\"\(name)\" classname=\"\(path)\">\n"
                if fails(diagnostic) {
                    output += "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(XMLEscaping.escape(diagnostic.message))\">"
                    output += XMLEscaping.escape(body, inAttribute: false) + "</failure>\n"
                } else {
                    output += "      <system-out>" + XMLEscaping.escape(body, inAttribute: false) + "</system-out>\n"
                }
                output += "    </testcase>\n"
            }
            output += "  </testsuite>\n"
        }
        return output + "</testsuites>\n"
    }

    /// Whether `diagnostic` is at or above `failOn` (always, without it).
    private func fails(_ diagnostic: Diagnostic) -> Bool {
        options.failOn.map { diagnostic.severity >= $0 } ?? true
    }

    private func failing(_ diagnostics: [Diagnostic]) -> Int {
        diagnostics.count { fails($0) }
    }
}
