import Foundation

/// `json`: the versioned schema documented in `docs/json-format.md`. Columns count Unicode
/// scalars; every position also carries its UTF-8 byte offset. Keys are sorted.
package struct JSONReporter: CatalogReporter {
    /// Bumped on any incompatible change to the schema.
    static let schemaVersion = 1

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        let sorted = ReportOrder.sorted(results)
        let counts = SeverityCounts(sorted)
        let document = Document(
            version: Self.schemaVersion,
            tool: Tool(name: ToolInfo.name, version: options.toolVersion),
            files: sorted.map { result in
                FileReport(path: result.file.path, scores: result.scores,
                           diagnostics: result.diagnostics.map { Self.diagnostic($0, in: result.file) },
                           fits: result.fits.isEmpty ? nil : result.fits)
            },
            summary: Summary(errors: counts.errors, warnings: counts.warnings, info: counts.infos, files: sorted.count,
                             baselineAccepted: SeverityCounts.baselineAccepted(sorted)))
        return JSONOutput.encode(document, pretty: true) + "\n"
    }

    static func diagnostic(_ diagnostic: Diagnostic, in file: SourceFile) -> DiagnosticReport {
        DiagnosticReport(
            rule: diagnostic.ruleID, severity: diagnostic.severity.rawValue, message: diagnostic.message,
            fieldPath: diagnostic.fieldPath, range: Range(diagnostic.range, in: file),
            notes: diagnostic.notes.map { NoteReport(message: $0.message, range: $0.range.map { Range($0, in: file) }) },
            fixes: diagnostic.fixes.map { fix in
                FixReport(description: fix.description, edits: fix.edits.map {
                    EditReport(range: Range($0.range, in: file), replacement: $0.replacement)
                })
            })
    }

    struct Document: Encodable {
        var version: Int
        var tool: Tool
        var files: [FileReport]
        var summary: Summary
    }

    struct Tool: Encodable {
        var name: String
        var version: String
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var info: Int
        var files: Int
        /// Findings `--baseline` accepted (left out of `files`); absent when none.
        var baselineAccepted: Int?

        enum CodingKeys: String, CodingKey {
            case errors, warnings, info, files, baselineAccepted = "baseline_accepted"
        }
    }

    struct FileReport: Encodable {
        var path: String
        var scores: [String: Double]
        var diagnostics: [DiagnosticReport]
        /// Per section, the job posts that fit it; absent without a corpus.
        var fits: [FitReport]?
    }

    struct DiagnosticReport: Encodable {
        var rule: String
        var severity: String
        var message: String
        var fieldPath: String
        var range: Range
        var notes: [NoteReport]
        var fixes: [FixReport]

        enum CodingKeys: String, CodingKey {
            case rule, severity, message, fieldPath = "field_path", range, notes, fixes
        }
    }

    struct NoteReport: Encodable {
        var message: String
        var range: Range?
    }

    struct FixReport: Encodable {
        var description: String
        var edits: [EditReport]
    }

    struct EditReport: Encodable {
        var range: Range
        var replacement: String
    }

    struct Range: Encodable {
        var start: Position
        var end: Position

        init(_ range: ByteRange, in file: SourceFile) {
            let located = file.lineColumnRange(range, unit: .scalars)
            start = Position(line: located.start.line, column: located.start.column, offset: range.lowerBound)
            end = Position(line: located.end.line, column: located.end.column, offset: range.upperBound)
        }
    }

    struct Position: Encodable {
        var line: Int
        var column: Int
        var offset: Int
    }
}

/// Deterministic JSON text: sorted keys, unescaped slashes, non-finite numbers as strings.
/// Pretty output is indented here (two spaces, `"key": value`, `[]` for empty containers)
/// rather than by Foundation, whose layout differs between platforms and versions.
enum JSONOutput {
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        let compact: String
        do {
            compact = String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // The report types hold only strings, integers and doubles (non-finite ones become
            // strings above), so encoding cannot fail on any input.
            preconditionFailure("report value failed to encode: \(error)")
        }
        return pretty ? indent(compact) : compact
    }

    /// Re-indents compact JSON; text inside strings is copied untouched.
    static func indent(_ compact: String) -> String {
        var output = ""
        var depth = 0
        var inString = false
        var escaped = false
        let scalars = Array(compact.unicodeScalars)
        func newline() { output += "\n" + String(repeating: "  ", count: depth) }
        for (index, scalar) in scalars.enumerated() {
            if inString {
                output.unicodeScalars.append(scalar)
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case "\"":
                inString = true
                output.unicodeScalars.append(scalar)
            case "{", "[":
                output.unicodeScalars.append(scalar)
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if next == "}" || next == "]" { continue }
                depth += 1
                newline()
            case "}", "]":
                let previous = index > 0 ? scalars[index - 1] : " "
                if previous != "{" && previous != "[" {
                    depth -= 1
                    newline()
                }
                output.unicodeScalars.append(scalar)
            case ",":
                output += ","
                newline()
            case ":":
                output += ": "
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
