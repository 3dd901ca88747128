/// `rdjsonl`: reviewdog's Diagnostic Format as JSON Lines, one finding per line. Positions are
/// 1-based lines and UTF-8 byte columns, the end exclusive. `suggestions` carry the edits of the
/// finding's first (preferred) fix; notes follow the message on their own lines. Paths are
/// relative to the working directory.
package struct RDJSONLReporter: CatalogReporter {

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        var output = ""
        for result in ReportOrder.sorted(results) {
            let path = ReportPaths.relative(result.file.path, to: options.workingDirectory)
            for diagnostic in result.diagnostics {
                let line = Line(
                    message: diagnostic.messageWithNotes,
                    location: Location(path: path, range: Range(diagnostic.range, in: result.file)),
                    severity: Self.severity(diagnostic.severity),
                    source: Source(name: ToolInfo.name, url: ToolInfo.informationURI),
                    code: Code(value: diagnostic.ruleID, url: rules.helpURI(for: diagnostic.ruleID)),
                    suggestions: diagnostic.fixes.first.map { fix in
                        fix.edits.map { Suggestion(range: Range($0.range, in: result.file), text: $0.replacement) }
                    })
                output += JSONOutput.encode(line, pretty: false) + "\n"
            }
        }
        return output
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    struct Line: Encodable {
        var message: String
        var location: Location
        var severity: String
        var source: Source
        var code: Code
        var suggestions: [Suggestion]?
    }

    struct Location: Encodable {
        var path: String
        var range: Range
    }

    struct Range: Encodable {
        var start: Position
        var end: Position

        init(_ range: ByteRange, in file: SourceFile) {
            let located = file.lineColumnRange(range, unit: .utf8)
            start = Position(line: located.start.line, column: located.start.column)
            end = Position(line: located.end.line, column: located.end.column)
        }
    }

    struct Position: Encodable {
        var line: Int
        var column: Int
    }

    struct Source: Encodable {
        var name: String
        var url: String
    }

    struct Code: Encodable {
        var value: String
        var url: String?
    }

    struct Suggestion: Encodable {
        var range: Range
        var text: String
    }
}
