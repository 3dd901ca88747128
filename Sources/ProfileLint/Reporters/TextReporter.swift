/// `text`: one `PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]` line per finding (columns in Unicode
/// scalars), `PATH:LINE:COL: note: ...` (or `PATH: note: ...`) per note, then a summary line.
/// With `showSource` (a terminal) each finding is followed by its source line and a caret
/// underline; with `color`, ANSI colours. Messages are kept on one line: control characters
/// are shown escaped (`\n`), so a problem matcher can rely on the line shape, and so are
/// bidirectional controls, which could reorder what the reader sees. Findings about missing
/// fields are folded into one (see `MissingFields`); the summary adds each section's scores.
package struct TextReporter: CatalogReporter {

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        let style = Style(enabled: options.color)
        var output = ""
        for result in ReportOrder.sorted(results) {
            let file = result.file
            let path = VisibleText.escaped(file.path)
            for diagnostic in MissingFields.fold(result.diagnostics, rules: rules) {
                let start = file.position(ofByte: diagnostic.range.lowerBound)
                output += style.bold("\(path):\(start.line):\(start.column):") + " "
                output += style.severity(diagnostic.severity) + " " + VisibleText.escaped(diagnostic.message)
                output += " " + style.dim("[\(diagnostic.ruleID)]") + "\n"
                if options.showSource { output += sourceExcerpt(file, diagnostic.range, style: style) }
                for note in diagnostic.notes {
                    let location = note.range.map { range in
                        let position = file.position(ofByte: range.lowerBound)
                        return "\(path):\(position.line):\(position.column):"
                    } ?? "\(path):"
                    output += style.bold(location) + " " + style.note("note:") + " " + VisibleText.escaped(note.message) + "\n"
                }
            }
        }
        if options.showSummary {
            for line in TextScoreSummary.lines(ReportOrder.sorted(results), style: style) { output += line + "\n" }
            output += style.bold(Self.summary(results)) + "\n"
        }
        return output
    }

    /// `3 errors, 5 warnings, 1 info in 2 files`, `... in 1 of 3 files`, or `no problems in 3 files`,
    /// then `(12 accepted by the baseline)` when a baseline left findings out.
    package static func summary(_ results: [LintResult]) -> String {
        let counts = SeverityCounts(results)
        let linted = results.count
        let baseline = SeverityCounts.baselineAccepted(results).map { " (\($0.grouped) accepted by the baseline)" } ?? ""
        guard counts.total > 0 else { return "no problems in \(SeverityCounts.counted(linted, "file"))\(baseline)" }
        let withFindings = results.filter { !$0.diagnostics.isEmpty }.count
        let files = withFindings == linted
            ? SeverityCounts.counted(linted, "file")
            : "\(withFindings.grouped) of \(SeverityCounts.counted(linted, "file"))"
        return "\(counts.phrase) in \(files)\(baseline)"
    }

    /// The line `range` starts on, with a gutter, and `^~~~` under the range (to the end of
    /// that line when the range spans several lines).
    func sourceExcerpt(_ file: SourceFile, _ range: ByteRange, style: Style) -> String {
        let lineIndex = file.lineIndex(ofByte: range.lowerBound)
        let line = DisplayLine(file: file, lineIndex: lineIndex)
        let lineEnd = file.lineContentRange(lineIndex).upperBound
        let caretStart = line.column(ofByte: range.lowerBound)
        let caretEnd = max(caretStart + 1, line.column(ofByte: min(range.upperBound, lineEnd)))

        var shown = line.pieces[...]
        var firstColumn = 0
        var leading = ""
        var trailing = ""
        let totalWidth = line.column(ofByte: lineEnd)
        // Lines wider than the terminal (less the gutter) are cut to a window around the finding.
        let maximumSourceWidth = max(20, options.terminalWidth - String(lineIndex + 1).count - 4)
        if totalWidth > maximumSourceWidth {
            let windowStart = max(0, caretStart - maximumSourceWidth / 4)
            while let piece = shown.first, firstColumn + piece.width <= windowStart {
                firstColumn += piece.width
                shown.removeFirst()
            }
            if firstColumn > 0 { leading = "…" }
            var width = 0
            var kept = 0
            for piece in shown {
                if width + piece.width > maximumSourceWidth - 2 { trailing = "…"; break }
                width += piece.width
                kept += 1
            }
            shown = shown.prefix(kept)
        }
        let shownEnd = firstColumn + shown.reduce(0) { $0 + $1.width }
        let underlineStart = caretStart - firstColumn + leading.count
        let underlineWidth = max(1, min(caretEnd, max(shownEnd, caretStart + 1)) - caretStart)

        let number = String(lineIndex + 1)
        let gutter = String(repeating: " ", count: number.count)
        var excerpt = " " + style.gutter(number + " |") + " " + leading + shown.map(\.text).joined() + trailing + "\n"
        excerpt += " " + style.gutter(gutter + " |") + " " + String(repeating: " ", count: underlineStart)
        excerpt += style.caret("^" + String(repeating: "~", count: underlineWidth - 1)) + "\n"
        return excerpt
    }

    /// ANSI styling that is the identity when colour is off.
    struct Style {
        var enabled: Bool

        private func wrap(_ code: String, _ text: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }

        func bold(_ text: String) -> String { wrap("1", text) }
        func dim(_ text: String) -> String { wrap("2", text) }
        func note(_ text: String) -> String { wrap("1;36", text) }
        func caret(_ text: String) -> String { wrap("1;32", text) }
        func gutter(_ text: String) -> String { wrap("34", text) }

        func severity(_ severity: Severity) -> String {
            switch severity {
            case .error: wrap("1;31", "error:")
            case .warning: wrap("1;33", "warning:")
            case .info: wrap("1;34", "info:")
            }
        }
    }
}
