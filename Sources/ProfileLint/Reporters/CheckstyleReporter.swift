/// `checkstyle`: Checkstyle 4.3 XML. One `<file>` per linted file (clean files too), one
/// `<error>` per finding with line, column (Unicode scalars), severity (`error`, `warning`,
/// `info`), the message with its notes, and `source="profilelint.rules.RULE-ID"`.
package struct CheckstyleReporter: CatalogReporter {

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for result in ReportOrder.sorted(results) {
            let name = XMLEscaping.escape(result.file.path)
            guard !result.diagnostics.isEmpty else {
                output += "  <file name=\"\(name)\"/>\n"
                continue
            }
            output += "  <file name=\"\(name)\">\n"
            for diagnostic in result.diagnostics {
                let start = result.file.position(ofByte: diagnostic.range.lowerBound)
                output += "    <error line=\"\(start.line)\" column=\"\(start.column)\""
                output += " severity=\"\(diagnostic.severity.rawValue)\""
                output += " message=\"\(XMLEscaping.escape(diagnostic.messageWithNotes))\""
                output += " source=\"\(XMLEscaping.escape("profilelint.rules." + diagnostic.ruleID))\"/>\n"
            }
            output += "  </file>\n"
        }
        return output + "</checkstyle>\n"
    }
}
