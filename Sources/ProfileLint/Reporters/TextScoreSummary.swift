/// The text report's score summary: per profile section, each score rounded with a bar of
/// block characters and a word, and how many posts fit (JSON keeps full precision).
enum TextScoreSummary {
    static let barWidth = 20

    static func lines(_ results: [LintResult], style: TextReporter.Style) -> [String] {
        var lines: [String] = []
        for result in results {
            for insight in result.insights where !insight.scores.isEmpty || insight.fit != nil {
                lines.append(style.bold("\(VisibleText.escaped(result.file.path)), \(insight.section):"))
                for name in ScoreGuide.ordered(insight.scores) {
                    guard let score = insight.scores[name] else { continue }
                    let title = ComparisonReport.pad(ScoreGuide.named(name).title, 18)
                    let number = ComparisonReport.pad(ScoreBar.rounded(score), 3, right: true)
                    lines.append("  \(title)\(number)  \(ScoreBar.render(score, width: barWidth))  \(ScoreGuide.rating(score))")
                }
                if let fit = insight.fit {
                    lines.append("  " + ComparisonReport.pad("Fitting posts", 18) + "\(fit.fitSize) of \(fit.corpusSize)")
                }
            }
        }
        return lines
    }
}
