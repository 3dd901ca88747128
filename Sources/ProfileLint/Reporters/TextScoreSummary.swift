/// The text report's score summary: per profile section, each score rounded with a bar of
/// block characters and a word, and how many posts fit (JSON keeps full precision). With
/// several files, one table row per section instead: twenty profiles' bars would fill a CI
/// log with 120 lines where 25 say the same, and rows line up for comparing profiles.
enum TextScoreSummary {
    static let barWidth = 20

    /// A section with something to show, and the file it belongs to.
    typealias Row = (path: String, insight: SectionInsight)

    static func lines(_ results: [LintResult], style: TextReporter.Style) -> [String] {
        let rows: [Row] = results.flatMap { result in
            result.insights.filter { !$0.scores.isEmpty || $0.fit != nil }.map { (VisibleText.escaped(result.file.path), $0) }
        }
        return Set(rows.map(\.path)).count > 1 ? table(rows, style: style) : blocks(rows, style: style)
    }

    /// Per section: a heading, then one line per score with its bar.
    static func blocks(_ rows: [Row], style: TextReporter.Style) -> [String] {
        var lines: [String] = []
        for (path, insight) in rows {
            lines.append(style.bold("\(path), \(insight.section):"))
            for name in ScoreGuide.ordered(insight.scores) {
                guard let score = insight.scores[name] else { continue }
                let title = ComparisonReport.pad(ScoreGuide.named(name).title, 18)
                let number = ComparisonReport.pad(ScoreBar.rounded(score), 3, right: true)
                lines.append("  \(title)\(number)  \(ScoreBar.render(score, width: barWidth))  \(ScoreGuide.rating(score))")
            }
            if let fit = insight.fit {
                lines.append("  " + ComparisonReport.pad("Fitting posts", 18) + "\(fit.fitSize.grouped) of \(fit.corpusSize.grouped)")
            }
        }
        return lines
    }

    /// One row per section (`PATH` for the general profile, `PATH, specialized profile 1`),
    /// one column per score (`72 fair`; `–` where a section has none) and the fitting posts.
    static func table(_ rows: [Row], style: TextReporter.Style) -> [String] {
        var union: [String: Double] = [:]
        for row in rows { union.merge(row.insight.scores) { first, _ in first } }
        let names = ScoreGuide.ordered(union)
        let labels = rows.map { $0.insight.section == "profile" ? $0.path : "\($0.path), \($0.insight.section)" }
        let heading = "Scores (0-100)"
        let labelWidth = max(heading.count, labels.map(\.count).max() ?? 0)
        let titles = names.map { ScoreGuide.named($0).title }
        let widths = titles.map { max($0.count, "100 strong".count) }
        let fitTitle = "Fitting posts"
        let showFit = rows.contains { $0.insight.fit != nil }
        func line(_ label: String, _ cells: [String], _ fit: String) -> String {
            var text = ComparisonReport.pad(label, labelWidth)
            for (cell, width) in zip(cells, widths) { text += "  " + ComparisonReport.pad(cell, width, right: true) }
            if showFit { text += "  " + ComparisonReport.pad(fit, fitTitle.count, right: true) }
            return text
        }
        var lines = [style.bold(line(heading, titles, fitTitle))]
        for (row, label) in zip(rows, labels) {
            let cells = names.map { name in
                row.insight.scores[name].map { "\(ScoreBar.rounded($0)) \(ScoreGuide.rating($0))" } ?? "–"
            }
            lines.append(line(label, cells, row.insight.fit.map { "\($0.fitSize) of \($0.corpusSize)" } ?? "–"))
        }
        return lines
    }
}
