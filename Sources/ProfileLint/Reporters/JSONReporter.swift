import Foundation

/// `json`: the versioned schema documented in `docs/json-format.md`. Columns count Unicode
/// scalars; every position also carries its UTF-8 byte offset. Keys are sorted.
public struct JSONReporter: Reporter {
    public static let name = "json"
    /// Bumped on any incompatible change to the schema.
    public static let schemaVersion = 1

    let options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func report(_ results: [LintResult], rules: RuleSet) -> String {
        let sorted = ReportOrder.sorted(results)
        let counts = SeverityCounts(sorted)
        let document = Document(
            version: Self.schemaVersion,
            tool: Tool(name: ToolInfo.name, version: options.toolVersion),
            files: sorted.map { result in
                FileReport(path: result.file.path, scores: result.scores,
                           diagnostics: result.diagnostics.map { Self.diagnostic($0, in: result.file) })
            },
            summary: Summary(errors: counts.errors, warnings: counts.warnings, info: counts.infos, files: sorted.count))
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
    }

    struct FileReport: Encodable {
        var path: String
        var scores: [String: Double]
        var diagnostics: [DiagnosticReport]
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
enum JSONOutput {
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // The report types hold only strings, integers and doubles (non-finite ones become
            // strings above), so encoding cannot fail on any input.
            preconditionFailure("report value failed to encode: \(error)")
        }
    }
}
