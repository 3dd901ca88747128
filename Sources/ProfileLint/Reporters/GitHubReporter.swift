/// `github`: GitHub Actions workflow commands, one per finding:
/// `::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE`.
/// `info` findings become `::notice`. Notes follow the message on their own lines.
/// Paths are relative to the working directory; columns count Unicode scalars.
package struct GitHubReporter: CatalogReporter {

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        var output = ""
        for result in ReportOrder.sorted(results) {
            let path = ReportPaths.relative(result.file.path, to: options.workingDirectory)
            for diagnostic in result.diagnostics {
                let range = result.file.lineColumnRange(diagnostic.range, unit: .scalars)
                let properties = [
                    ("file", path), ("line", "\(range.start.line)"), ("col", "\(range.start.column)"),
                    ("endLine", "\(range.end.line)"), ("endColumn", "\(range.end.column)"),
                    ("title", diagnostic.ruleID),
                ]
                output += "::\(Self.command(diagnostic.severity)) "
                output += properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
                output += "::" + Self.escapeData(diagnostic.messageWithNotes) + "\n"
            }
        }
        return output
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// Escapes a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Escapes a property value: as data, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingColonsAndCommas()
    }
}

extension String {
    fileprivate func replacingColonsAndCommas() -> String {
        var output = ""
        for scalar in unicodeScalars {
            switch scalar {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
