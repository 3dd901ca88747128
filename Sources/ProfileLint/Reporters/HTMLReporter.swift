/// `html`: one self-contained page (inline CSS and SVG, no script, nothing fetched) that a
/// freelancer can open on a phone or print. Per profile section: score cards that say what
/// each score means and how to raise it, charts of the posts that fit the section (their
/// skill tags, the clients' hourly ranges against the rate, their categories), the findings
/// grouped by field with source excerpts and fixes, and the posts compared with. Every chart
/// has a text alternative (a table, or `<title>` and `<desc>`). Scores and charts come from
/// `LintResult.insights`; without them (a profile that did not load) only findings are shown.
package struct HTMLReporter: CatalogReporter {

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        let sorted = ReportOrder.sorted(results)
        let paths = sorted.map { ReportPaths.relative($0.file.path, to: options.workingDirectory) }
        let title = paths.count == 1 ? "Profile report: \(paths[0])" : "Profile report: \(HTMLMarkup.counted(paths.count, "file"))"
        var body = "<header>\n<h1>\(HTMLMarkup.escape(title))</h1>\n"
        body += "<p class=\"summary\">\(HTMLMarkup.escape(TextReporter.summary(sorted))) · \(ToolInfo.name) \(HTMLMarkup.escape(options.toolVersion))</p>\n"
        if sorted.count > 1 {
            body += "<nav aria-label=\"Files\"><ul>\n"
            for (index, path) in paths.enumerated() { body += "<li><a href=\"#file-\(index + 1)\">\(HTMLMarkup.escape(path))</a></li>\n" }
            body += "</ul></nav>\n"
        }
        body += "</header>\n<main>\n"
        for (index, result) in sorted.enumerated() {
            body += fileReport(result, path: paths[index], anchor: "file-\(index + 1)", rules: rules)
        }
        body += "</main>\n"
        return HTMLPage.document(title: title, body: body)
    }

    /// One profile file: a part per section, or only its findings when it did not load.
    func fileReport(_ result: LintResult, path: String, anchor: String, rules: RuleCatalog) -> String {
        var html = "<article class=\"file\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-h\">\n"
        html += "<h2 id=\"\(anchor)-h\">\(HTMLMarkup.escape(path))</h2>\n"
        let findings = HTMLFindings(file: result.file, rules: rules, workingDirectory: options.workingDirectory)
        guard !result.insights.isEmpty else {
            html += "<section class=\"part\">\n<h3>Findings</h3>\n"
            html += findings.grouped(result.diagnostics, sectionPath: "", headingLevel: 4)
            return html + "</section>\n</article>\n"
        }
        if result.insights.count > 1 {
            html += "<nav aria-label=\"Sections of \(HTMLMarkup.escape(path))\"><ul class=\"toc\">\n"
            for (index, insight) in result.insights.enumerated() {
                html += "<li><a href=\"#\(anchor)-s\(index)\">\(HTMLMarkup.escape(insight.section.capitalizedFirst))</a></li>\n"
            }
            html += "</ul></nav>\n"
        }
        // A finding belongs to the specialized profile whose path it starts with, else to the general profile.
        let owners = result.diagnostics.map { diagnostic in
            result.insights.lastIndex { !$0.fieldPath.isEmpty && $0.owns(diagnostic.fieldPath) } ?? 0
        }
        for (index, insight) in result.insights.enumerated() {
            let owned = zip(result.diagnostics, owners).filter { $0.1 == index }.map(\.0)
            html += sectionReport(insight, diagnostics: owned, anchor: "\(anchor)-s\(index)", findings: findings)
        }
        return html + "</article>\n"
    }

    /// One profile section: scores, charts, findings, compared posts.
    func sectionReport(_ insight: SectionInsight, diagnostics: [Diagnostic], anchor: String, findings: HTMLFindings) -> String {
        var html = "<section class=\"part\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-h\">\n"
        html += "<h3 id=\"\(anchor)-h\">\(HTMLMarkup.escape(insight.section.capitalizedFirst))</h3>\n"
        html += HTMLScoreCards.cards(insight.scores)
        let charts = HTMLCharts(anchor: anchor, workingDirectory: options.workingDirectory)
        if let fit = insight.fit {
            html += "<p class=\"fit\">\(charts.fitSentence(fit))</p>\n"
            if fit.fitSize > 0 {
                html += "<div class=\"charts\">\n" + charts.tags(fit) + charts.rate(fit) + charts.niche(fit) + "</div>\n"
            }
        } else {
            html += "<p class=\"fit\">No job-post corpus was given, so there is nothing to compare this section with. Run with <code>--corpus</code> to see charts.</p>\n"
        }
        html += "<h4>Findings</h4>\n" + findings.grouped(diagnostics, sectionPath: insight.fieldPath, headingLevel: 5)
        if let fit = insight.fit, !fit.posts.isEmpty { html += charts.posts(fit) }
        return html + "</section>\n"
    }
}
