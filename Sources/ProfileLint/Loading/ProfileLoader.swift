/// Reads a profile document into a `Profile`, reporting every problem as a located
/// diagnostic (never a crash): syntax, types, unknown keys and so on.
///
/// MINIMAL FIRST VERSION: to be completed by the loading work (schema, limits).
public enum ProfileLoader {
    /// The result of loading: the profile when it could be read, and the diagnostics.
    public struct Outcome: Sendable {
        public var profile: Profile?
        public var diagnostics: [Diagnostic]
    }

    public static func load(_ file: SourceFile) -> Outcome {
        do {
            guard let root = try DocumentLoader.load(file, format: DocumentFormat(path: file.path)) else {
                return Outcome(profile: nil, diagnostics: [
                    Diagnostic(ruleID: "parse-error", severity: .error, message: "the file is empty", range: ByteRange(0, 0)),
                ])
            }
            guard root.map != nil else {
                return Outcome(profile: nil, diagnostics: [
                    Diagnostic(ruleID: "invalid-type", severity: .error,
                               message: "a profile must be a map of fields, not \(root.typeDescription)", range: root.range),
                ])
            }
            return Outcome(profile: Profile(file: file, root: root), diagnostics: [])
        } catch {
            return Outcome(profile: nil, diagnostics: [
                Diagnostic(ruleID: "parse-error", severity: .error, message: error.message, range: error.range),
            ])
        }
    }
}
