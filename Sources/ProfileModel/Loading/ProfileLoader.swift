/// Reads a profile document into a `Profile`, reporting every problem as a located
/// diagnostic (never a crash):
/// - `parse-error` (error): syntax, invalid UTF-8 or characters, a file over the size
///   limit, an empty file, nesting too deep, an alias bomb. No profile comes back.
/// - `duplicate-key` (error): at the repeated key; the first definition counts.
/// - `invalid-type` (error): a value of the wrong type; it is left out of the profile.
/// - `unknown-key` (warning): a key the schema does not know, with a "did you mean".
public enum ProfileLoader {
    /// The result of loading: the profile when it could be read, and the diagnostics.
    public struct Outcome: Sendable {
        public var profile: Profile?
        public var diagnostics: [Diagnostic]
    }

    public static func load(_ file: SourceFile, limits: LoadLimits = .default) -> Outcome {
        let document: LoadedDocument
        do {
            document = try DocumentLoader.read(file, format: DocumentFormat(path: file.path), limits: limits)
        } catch {
            return Outcome(profile: nil, diagnostics: [diagnostic(for: error)])
        }
        var diagnostics = document.problems.map { problem in
            var found = diagnostic(for: problem)
            if problem.kind == .duplicateKey, let root = document.root {
                found.fieldPath = fieldPath(ofKeyAt: problem.range, in: root, prefix: "") ?? ""
            }
            return found
        }
        guard let root = document.root else {
            let onlyWhitespace = file.bytes.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
                || file.bytes == [0xEF, 0xBB, 0xBF]
            let message = onlyWhitespace ? "the file is empty; expected a map of profile fields"
                : "the file holds only comments; expected a map of profile fields"
            diagnostics.append(Diagnostic(ruleID: BuiltInCheck.parseError.id, severity: BuiltInCheck.parseError.severity, message: message,
                                          range: ByteRange(0, 0)))
            return Outcome(profile: nil, diagnostics: diagnostics)
        }
        var validator = ProfileSchemaValidator()
        let cleaned = validator.validate(root: root)
        diagnostics += validator.diagnostics
        return Outcome(profile: cleaned.map { Profile(file: file, root: $0) }, diagnostics: diagnostics)
    }

    /// The field path (`portfolio[1].title`) of the map entry whose key is at `range`.
    static func fieldPath(ofKeyAt range: ByteRange, in node: Node, prefix: String) -> String? {
        switch node.value {
        case .scalar:
            return nil
        case .list(let items):
            for (index, item) in items.enumerated() where item.range.lowerBound <= range.lowerBound && range.upperBound <= item.range.upperBound {
                if let path = fieldPath(ofKeyAt: range, in: item, prefix: "\(prefix)[\(index)]") { return path }
            }
            return nil
        case .map(let entries):
            for entry in entries {
                let path = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
                if entry.keyRange == range { return path }
                if let found = fieldPath(ofKeyAt: range, in: entry.value, prefix: path) { return found }
            }
            return nil
        }
    }

    /// The diagnostic for a load problem: `duplicate-key` or `parse-error`.
    static func diagnostic(for error: LoadError) -> Diagnostic {
        let check = error.kind == .duplicateKey ? BuiltInCheck.duplicateKey : .parseError
        return Diagnostic(ruleID: check.id, severity: check.severity,
                   message: error.message, range: error.range, notes: error.notes)
    }
}
