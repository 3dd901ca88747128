/// `profilelint compare` in text and JSON (HTML: `ComparisonHTML`). Text rounds scores and
/// draws them as bars; JSON keeps full precision.
package enum ComparisonReport {
    /// Bars are this many columns wide.
    static let barWidth = 20

    package static func text(_ comparison: ProfileComparison, options: ReportOptions) -> String {
        let style = TextReporter.Style(enabled: options.color)
        var lines = ["Before: \(VisibleText.escaped(comparison.before.file.path))", "After:  \(VisibleText.escaped(comparison.after.file.path))"]
        for section in comparison.sections {
            lines += ["", style.bold(section.section)]
            for name in section.scoreNames {
                let title = ScoreGuide.named(name).title
                let old = section.scoresBefore[name], new = section.scoresAfter[name]
                let change = old.flatMap { old in new.map { ScoreBar.change(old, $0) } } ?? ""
                let numbers = "\(old.map(ScoreBar.rounded) ?? "–") → \(new.map(ScoreBar.rounded) ?? "–")"
                lines.append("  " + pad(title, 18) + pad(numbers, 11) + pad(change, 5, right: true) + "  " + ScoreBar.render(new ?? 0, width: barWidth))
            }
            if section.fitBefore != nil || section.fitAfter != nil {
                let change = section.fitBefore.flatMap { old in section.fitAfter.map { ScoreBar.change(Double(old), Double($0)) } } ?? ""
                let numbers = "\(section.fitBefore.map(String.init) ?? "–") → \(section.fitAfter.map(String.init) ?? "–")"
                lines.append("  " + pad("Fitting posts", 18) + pad(numbers, 11) + pad(change, 5, right: true))
            }
        }
        lines += ["", style.bold("Findings: \(comparison.findingsPhrase)")]
        let reporter = TextReporter(options: ReportOptions(color: options.color, showSummary: false))
        // Notes are in the lint report; here one line per finding keeps the change readable.
        func briefLines(_ diagnostic: Diagnostic, in result: LintResult) -> [String] {
            var shown = result
            var brief = diagnostic
            brief.notes = []
            shown.diagnostics = [brief]
            return reporter.report([shown], catalog: .empty).split(separator: "\n").map { "  " + $0 }
        }
        func block(_ heading: String, _ diagnostics: [Diagnostic], in result: LintResult) {
            guard !diagnostics.isEmpty else { return }
            lines.append(heading)
            for diagnostic in diagnostics { lines += briefLines(diagnostic, in: result) }
        }
        block("resolved:", comparison.resolved, in: comparison.before)
        block("new:", comparison.added, in: comparison.after)
        if !comparison.changed.isEmpty { lines.append("changed:") }
        for change in comparison.changed {
            lines += briefLines(change.after, in: comparison.after)
            lines.append("    was: " + VisibleText.escaped(change.before.message))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// The JSON document (schema version 1, documented in docs/json-format.md).
    package static func json(_ comparison: ProfileComparison, options: ReportOptions) -> String {
        func diagnostics(_ list: [Diagnostic], in file: SourceFile) -> [JSONReporter.DiagnosticReport] {
            list.map { JSONReporter.diagnostic($0, in: file) }
        }
        let document = Document(
            version: 1, tool: JSONReporter.Tool(name: ToolInfo.name, version: options.toolVersion),
            before: comparison.before.file.path, after: comparison.after.file.path,
            sections: comparison.sections.map { section in
                SectionDocument(
                    section: section.section,
                    scores: Dictionary(uniqueKeysWithValues: section.scoreNames.map { name in
                        (name, Change(before: section.scoresBefore[name], after: section.scoresAfter[name]))
                    }),
                    fittingPosts: Change(before: section.fitBefore.map(Double.init), after: section.fitAfter.map(Double.init)))
            },
            findings: Findings(resolved: diagnostics(comparison.resolved, in: comparison.before.file),
                               new: diagnostics(comparison.added, in: comparison.after.file),
                               changed: comparison.changed.map {
                                   ChangedDocument(before: JSONReporter.diagnostic($0.before, in: comparison.before.file),
                                                   after: JSONReporter.diagnostic($0.after, in: comparison.after.file))
                               },
                               unchanged: comparison.unchanged))
        return JSONOutput.encode(document, pretty: true) + "\n"
    }

    struct Document: Encodable {
        var version: Int
        var tool: JSONReporter.Tool
        var before: String
        var after: String
        var sections: [SectionDocument]
        var findings: Findings
    }

    struct SectionDocument: Encodable {
        var section: String
        var scores: [String: Change]
        var fittingPosts: Change

        enum CodingKeys: String, CodingKey {
            case section, scores, fittingPosts = "fitting_posts"
        }
    }

    /// A number before and after, and the difference when both exist (null otherwise).
    struct Change: Encodable {
        var before: Double?
        var after: Double?
        var change: Double?

        init(before: Double?, after: Double?) {
            self.before = before
            self.after = after
            change = before.flatMap { old in after.map { $0 - old } }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encode(change, forKey: .change)
        }

        enum CodingKeys: String, CodingKey { case before, after, change }
    }

    struct Findings: Encodable {
        var resolved: [JSONReporter.DiagnosticReport]
        var new: [JSONReporter.DiagnosticReport]
        var changed: [ChangedDocument]
        var unchanged: Int
    }

    struct ChangedDocument: Encodable {
        var before: JSONReporter.DiagnosticReport
        var after: JSONReporter.DiagnosticReport
    }
}
