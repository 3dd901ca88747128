/// The order every reporter uses: files by path, then findings by position, rule id,
/// end, message and severity (most severe first), so output never depends on lint order.
package enum ReportOrder {
    package static func sorted(_ results: [LintResult]) -> [LintResult] {
        let ordered = results.enumerated().sorted { lhs, rhs in
            (lhs.element.file.path, lhs.offset) < (rhs.element.file.path, rhs.offset)
        }
        return ordered.map { entry in
            var result = entry.element
            result.diagnostics.sort(by: precedes)
            return result
        }
    }

    static func precedes(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let left = (lhs.range.lowerBound, lhs.ruleID, lhs.range.upperBound, lhs.message)
        let right = (rhs.range.lowerBound, rhs.ruleID, rhs.range.upperBound, rhs.message)
        if left != right { return left < right }
        return lhs.severity > rhs.severity
    }
}

/// How many findings of each severity a set of results holds.
package struct SeverityCounts: Equatable, Sendable {
    var errors = 0
    package var warnings = 0
    var infos = 0

    package init(_ results: [LintResult]) {
        for result in results {
            for diagnostic in result.diagnostics {
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
        }
    }

    package var total: Int { errors + warnings + infos }

    /// Findings `--baseline` accepted over `results` (left out of their diagnostics), nil when none.
    static func baselineAccepted(_ results: [LintResult]) -> Int? {
        let accepted = results.reduce(0) { $0 + $1.baselineAccepted }
        return accepted > 0 ? accepted : nil
    }

    /// `3 errors, 1 warning, 2 info` ("info" is a mass noun and stays singular).
    package var phrase: String {
        "\(Self.counted(errors, "error")), \(Self.counted(warnings, "warning")), \(infos.grouped) info"
    }

    /// `1 file`, `2 files`.
    package static func counted(_ count: Int, _ noun: String) -> String {
        "\(count.grouped) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// The start and end of a range as 1-based lines and columns in one unit.
package struct LineColumnRange: Equatable, Sendable {
    package var start: SourcePosition
    package var end: SourcePosition
}

extension SourceFile {
    /// `range` as lines and columns counted in `unit`; the end stays exclusive.
    func lineColumnRange(_ range: ByteRange, unit: ColumnUnit) -> LineColumnRange {
        LineColumnRange(start: position(ofByte: range.lowerBound, unit: unit),
                        end: position(ofByte: range.upperBound, unit: unit))
    }
}

extension Diagnostic {
    /// The message followed by one `note: ...` line per note, for formats without a place for notes.
    var messageWithNotes: String {
        ([message] + notes.map { "note: \($0.message)" }).joined(separator: "\n")
    }
}

/// Paths and URIs as structured formats need them.
package enum ReportPaths {
    /// `path` relative to `directory` when it lies inside it; other paths unchanged
    /// except that leading `./` components are dropped.
    package static func relative(_ path: String, to directory: String) -> String {
        var path = path
        if path.hasPrefix("/") {
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            if path.hasPrefix(base), path.count > base.count { path.removeFirst(base.count) }
        }
        while path.hasPrefix("./") {
            path.removeFirst(2)
            while path.hasPrefix("/") { path.removeFirst() }
        }
        return path
    }

    /// A URI reference for `path`: relative (percent-encoded) when relative, else a `file://` URI.
    package static func uri(_ path: String) -> String {
        path.hasPrefix("/") ? "file://" + percentEncoded(path) : percentEncoded(path)
    }

    /// The `file://` URI of a directory, with a trailing slash (SARIF `originalUriBaseIds`).
    static func directoryURI(_ directory: String) -> String {
        let uri = "file://" + percentEncoded(directory)
        return uri.hasSuffix("/") ? uri : uri + "/"
    }

    /// RFC 3986 percent-encoding of everything but unreserved characters and `/`.
    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }
}

/// Escaping for XML 1.0 text and attribute values.
enum XMLEscaping {
    /// `text` safe inside a `"`-quoted attribute value or, with `inAttribute: false`, element
    /// content. Characters XML 1.0 cannot hold at all (most C0 controls) become U+FFFD. In
    /// attributes tab, LF and CR become character references so parsers keep them; in content
    /// only CR does (tab and LF are kept as they are).
    static func escape(_ text: String, inAttribute: Bool = true) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t": output += inAttribute ? "&#9;" : "\t"
            case "\n": output += inAttribute ? "&#10;" : "\n"
            case "\r": output += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
