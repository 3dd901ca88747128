/// `profilelint compare --format html`: one self-contained page with each section's scores
/// before and after (a table whose rows carry paired bars) and the findings resolved, new and
/// changed, in the style of the HTML report.
package enum ComparisonHTML {
    package static func report(_ comparison: ProfileComparison, options: ReportOptions) -> String {
        let before = ReportPaths.relative(comparison.before.file.path, to: options.workingDirectory)
        let after = ReportPaths.relative(comparison.after.file.path, to: options.workingDirectory)
        var body = "<header>\n<h1>Profile changes</h1>\n"
        body += "<p class=\"summary\">\(HTMLMarkup.escape(before)) → \(HTMLMarkup.escape(after)) · "
        body += "findings: \(HTMLMarkup.escape(comparison.findingsPhrase)) · \(ToolInfo.name) \(HTMLMarkup.escape(options.toolVersion))</p>\n</header>\n<main>\n"
        for section in comparison.sections { body += scores(section) }
        let rules = RuleCatalog.empty
        let old = HTMLFindings(file: comparison.before.file, rules: rules, workingDirectory: options.workingDirectory)
        let new = HTMLFindings(file: comparison.after.file, rules: rules, workingDirectory: options.workingDirectory)
        body += findings("Resolved", comparison.resolved.map { old.finding($0) }, empty: "No finding was resolved.")
        body += findings("New", comparison.added.map { new.finding($0) }, empty: "No new finding.")
        body += findings("Changed", comparison.changed.map { change in
            new.finding(change.after) + "<p class=\"muted\">Before: \(HTMLMarkup.escape(change.before.message))</p>\n"
        }, empty: "No finding changed.")
        return HTMLPage.document(title: "Profile changes: \(after)", body: body + "</main>\n")
    }

    /// A section's scores and fitting posts, before and after.
    static func scores(_ section: ProfileComparison.SectionChange) -> String {
        var html = "<section class=\"part\">\n<h2>\(HTMLMarkup.escape(section.section.capitalizedFirst))</h2>\n"
        html += "<ul class=\"legend\" aria-hidden=\"true\"><li><span class=\"swatch corpus\"></span>before</li>"
        html += "<li><span class=\"swatch fit\"></span>after</li></ul>\n"
        html += "<table class=\"bars\">\n<thead><tr><th scope=\"col\">Score</th><th scope=\"col\"><span class=\"visually-hidden\">Bars</span></th>"
        html += "<th scope=\"col\" class=\"num\">Before</th><th scope=\"col\" class=\"num\">After</th><th scope=\"col\" class=\"num\">Change</th></tr></thead>\n<tbody>\n"
        for name in section.scoreNames {
            let old = section.scoresBefore[name], new = section.scoresAfter[name]
            html += "<tr><th scope=\"row\">\(HTMLMarkup.escape(ScoreGuide.named(name).title))</th>\n"
            html += "<td class=\"bar\"><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
            html += "<rect class=\"corpus\" x=\"0\" y=\"0\" height=\"4\" width=\"\(HTMLMarkup.number(clamped(old)))\"/>"
            html += "<rect class=\"fit\" x=\"0\" y=\"5\" height=\"5\" width=\"\(HTMLMarkup.number(clamped(new)))\"/></svg></td>\n"
            html += "<td class=\"num\">\(old.map(ScoreBar.rounded) ?? "–")</td><td class=\"num\">\(new.map(ScoreBar.rounded) ?? "–")</td>"
            html += "<td class=\"num\">\(old.flatMap { old in new.map { ScoreBar.change(old, $0) } } ?? "–")</td></tr>\n"
        }
        if section.fitBefore != nil || section.fitAfter != nil {
            html += "<tr><th scope=\"row\">Fitting posts</th><td></td>"
            html += "<td class=\"num\">\(section.fitBefore.map(HTMLMarkup.count) ?? "–")</td><td class=\"num\">\(section.fitAfter.map(HTMLMarkup.count) ?? "–")</td>"
            html += "<td class=\"num\">\(section.fitBefore.flatMap { old in section.fitAfter.map { ScoreBar.change(Double(old), Double($0)) } } ?? "–")</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    static func clamped(_ score: Double?) -> Double {
        guard let score, score.isFinite else { return 0 }
        return max(0, min(100, score))
    }

    static func findings(_ heading: String, _ items: [String], empty: String) -> String {
        "<section class=\"part\">\n<h2>\(heading) <span class=\"where\">· \(items.count)</span></h2>\n"
            + (items.isEmpty ? "<p class=\"none\">\(empty)</p>\n" : items.joined()) + "</section>\n"
    }
}
