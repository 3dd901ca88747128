import Foundation

/// Accepted findings, recorded so that only new ones are reported (`--baseline FILE`,
/// written by `--write-baseline FILE`). Each entry is keyed by file, rule id, field path
/// and the flagged text (not line numbers), so entries survive edits that shift lines.
/// Matching counts: two identical findings with one entry leave one reported, and a
/// fixed finding simply stops matching.
///
/// File format (version 1), paths relative to the baseline file's directory:
/// ```json
/// {
///   "version": 1,
///   "entries": [
///     {"file": "profile.yaml", "rule": "skills-limit", "field": "skills[15]", "text": "Figma", "count": 1}
///   ]
/// }
/// ```
public struct Baseline: Sendable, Equatable {
    /// The format version this build reads and writes.
    package static let version = 1
    /// The flagged text is cut to this many bytes (at a character boundary) in a key.
    static let maximumTextBytes = 200

    /// What identifies an accepted finding.
    package struct Key: Hashable, Sendable, Comparable {
        /// The profile path relative to the baseline file's directory, `/`-separated.
        package var file: String
        package var rule: String
        var field: String
        /// The first line of the source text of the finding's range (trailing spaces
        /// trimmed, at most `maximumTextBytes`).
        package var text: String

        package init(file: String, rule: String, field: String, text: String) {
            self.file = file
            self.rule = rule
            self.field = field
            self.text = text
        }

        package static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.file, lhs.rule, lhs.field, lhs.text) < (rhs.file, rhs.rule, rhs.field, rhs.text)
        }
    }

    /// How many findings with each key are accepted.
    package var counts: [Key: Int]
    /// The directory entry paths are relative to (the baseline file's directory).
    package var directory: String

    package init(counts: [Key: Int] = [:], directory: String) {
        self.counts = counts
        self.directory = directory
    }

    /// The key of `diagnostic` in `file`.
    package func key(for diagnostic: Diagnostic, in file: SourceFile) -> Key {
        Key(file: PathText.relative(file.path, to: directory), rule: diagnostic.ruleID,
            field: diagnostic.fieldPath, text: Self.flaggedText(diagnostic.range, in: file))
    }

    /// A baseline accepting every diagnostic of `results`, for a file in `directory`.
    package static func recording(_ results: [LintResult], directory: String) -> Baseline {
        var baseline = Baseline(directory: directory)
        for result in results {
            for diagnostic in result.diagnostics {
                baseline.counts[baseline.key(for: diagnostic, in: result.file), default: 0] += 1
            }
        }
        return baseline
    }

    /// What applying a baseline to one file left.
    package struct Outcome: Sendable {
        /// The diagnostics the baseline does not accept.
        package var kept: [Diagnostic]
        /// How many diagnostics the baseline accepted.
        var acceptedCount: Int
    }

    /// Removes the accepted diagnostics of one file (each entry accepts up to its count).
    package func apply(_ diagnostics: [Diagnostic], in file: SourceFile) -> Outcome {
        var remaining: [Key: Int] = [:]
        var kept: [Diagnostic] = []
        var accepted = 0
        for diagnostic in diagnostics {
            let key = key(for: diagnostic, in: file)
            let left = remaining[key] ?? counts[key] ?? 0
            if left > 0 {
                remaining[key] = left - 1
                accepted += 1
            } else {
                kept.append(diagnostic)
            }
        }
        return Outcome(kept: kept, acceptedCount: accepted)
    }

    /// The text a key records for `range`: its first line, trailing spaces trimmed, capped.
    static func flaggedText(_ range: ByteRange, in file: SourceFile) -> String {
        let lower = min(range.lowerBound, file.bytes.count)
        let lineEnd = file.lineContentRange(file.lineIndex(ofByte: lower)).upperBound
        var upper = min(range.upperBound, max(lineEnd, lower), lower + maximumTextBytes)
        // Never cut a UTF-8 sequence: back up to a lead byte.
        while upper > lower, upper < file.bytes.count, file.bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
        var slice = file.bytes[lower..<upper]
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    // MARK: - The file

    /// Reads a baseline file; a malformed one is a located error.
    public static func load(path: String) throws(RuleFileError) -> Baseline {
        guard case .success(let file) = BoundedRead.sourceFile(path: path) else {
            throw RuleFileError(file: SourceFile(path: path, bytes: []), range: ByteRange(0, 0), message: "cannot read the baseline file")
        }
        return try load(file)
    }

    /// Parses a baseline; entry paths are relative to the directory of `file.path`.
    package static func load(_ file: SourceFile) throws(RuleFileError) -> Baseline {
        func error(_ range: ByteRange, _ message: String) -> RuleFileError {
            RuleFileError(file: file, range: range, message: message)
        }
        let loaded: Node?
        do {
            loaded = try DocumentLoader.load(file, format: .json)
        } catch {
            throw RuleFileError(file: file, range: error.range, message: error.message)
        }
        guard let root = loaded, let top = root.map else {
            throw error(loaded?.range ?? ByteRange(0, 0), "a baseline file must be a JSON object with 'version' and 'entries'")
        }
        try rejectUnknown(top, allowed: ["version", "entries"], in: file)
        guard let versionEntry = root.entry("version") else {
            throw error(root.range, "the baseline file has no 'version'")
        }
        guard let version = versionEntry.value.scalar?.integer, version == Self.version else {
            throw error(versionEntry.value.range, "unsupported baseline version \(versionEntry.value.string ?? "?"); this profilelint reads version \(Self.version)")
        }
        guard let entriesNode = root["entries"], let items = entriesNode.list else {
            throw error(root["entries"]?.range ?? root.range, "'entries' must be a list of accepted findings")
        }
        var baseline = Baseline(directory: PathText.directory(of: file.path))
        for item in items {
            guard let fields = item.map else { throw error(item.range, "each baseline entry must be an object") }
            try rejectUnknown(fields, allowed: ["file", "rule", "field", "text", "count"], in: file)
            func text(_ name: String) throws(RuleFileError) -> String {
                guard let node = item[name] else { throw error(item.range, "the baseline entry has no '\(name)'") }
                guard let scalar = node.scalar, scalar.type == .string else { throw error(node.range, "'\(name)' must be a string") }
                return scalar.text
            }
            var count = 1
            if let node = item["count"] {
                if let problem = node.scalar?.integerRangeProblem { throw error(node.range, "'count' \(problem)") }
                guard let value = node.scalar?.integer, value >= 1 else {
                    throw error(node.range, "'count' must be a whole number of at least 1")
                }
                count = value
            }
            let key = Key(file: try text("file"), rule: try text("rule"), field: try text("field"), text: try text("text"))
            // Counts of repeated entries add up; past `Int.max` they stay there (every finding accepted).
            let (sum, overflow) = baseline.counts[key, default: 0].addingReportingOverflow(count)
            baseline.counts[key] = overflow ? Int.max : sum
        }
        return baseline
    }

    private static func rejectUnknown(_ entries: [MapEntry], allowed: [String], in file: SourceFile) throws(RuleFileError) {
        for entry in entries where !allowed.contains(entry.key) {
            let hint = Suggestion.closest(to: entry.key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            throw RuleFileError(file: file, range: entry.keyRange, message: "unknown baseline key '\(entry.key)'\(hint)")
        }
    }

    /// The file's JSON text: entries sorted by key, pretty-printed, ending with a newline.
    package func encoded() -> String {
        struct Entry: Encodable {
            var file, rule, field, text: String
            var count: Int
        }
        struct File: Encodable {
            var version: Int
            var entries: [Entry]
        }
        let entries = counts.keys.sorted().map { key in
            Entry(file: key.file, rule: key.rule, field: key.field, text: key.text, count: counts[key] ?? 0)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail.
        let data = (try? encoder.encode(File(version: Self.version, entries: entries))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the baseline to `path` (atomically).
    package func write(to path: String) throws(FileWriteError) {
        try AtomicFileWriter.write(Array(encoded().utf8), to: path)
    }
}
