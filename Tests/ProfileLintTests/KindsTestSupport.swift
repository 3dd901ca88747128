import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Builds one rule from rule-file text and lints profile snippets with it alone.
enum KindHarness {
    /// The common keys every test rule needs, followed by `body` (kind, field, parameters).
    static func ruleFile(_ body: String, id: String = "test-rule", message: String = "found") -> String {
        """
        id: \(id)
        severity: warning
        message: "\(message)"
        rationale: For tests.
        \(body)
        """
    }

    static func rule(_ body: String, message: String = "found") throws -> Rule {
        try RuleLoader.load(SourceFile(path: "rule.yml", text: ruleFile(body, message: message)))
    }

    /// The diagnostics of a rule (`body`) on a profile, with the profile's source.
    static func lint(_ body: String, _ profile: String, message: String = "found") throws -> Linted {
        let ruleSet = try RuleSet(rules: [rule(body, message: message)])
        let file = SourceFile(path: "profile.yaml", text: profile)
        let result = Linter(ruleSet: ruleSet).lint(file)
        let loadProblems = result.diagnostics.filter { $0.ruleID != "test-rule" && $0.severity == .error }
        #expect(loadProblems.isEmpty, "the test profile has load errors: \(loadProblems.map(\.message))")
        return Linted(file: file, result: result, diagnostics: result.diagnostics.filter { $0.ruleID == "test-rule" })
    }

    /// The located error a rule file gives, as `path:line:col: error: message`.
    static func loadError(_ text: String) -> String? {
        do {
            _ = try RuleSet(rules: [RuleLoader.load(SourceFile(path: "rule.yml", text: text))])
            return nil
        } catch {
            return error.description
        }
    }
}

/// A linted profile: its file and the test rule's diagnostics.
struct Linted {
    var file: SourceFile
    var result: LintResult
    var diagnostics: [Diagnostic]

    /// The source text a diagnostic's range covers.
    func text(_ index: Int = 0) -> String {
        let range = diagnostics[index].range
        return String(decoding: file.bytes[range.lowerBound..<range.upperBound], as: UTF8.self)
    }

    /// `line:col-line:col` of a diagnostic (columns in Unicode scalars).
    func location(_ index: Int = 0) -> String {
        let range = diagnostics[index].range
        return "\(file.position(ofByte: range.lowerBound))-\(file.position(ofByte: range.upperBound))"
    }

    /// The texts of all diagnostics.
    var texts: [String] { diagnostics.indices.map { text($0) } }

    /// The file after applying the first fix of every diagnostic.
    func fixed() -> String {
        var bytes = file.bytes
        let edits = diagnostics.compactMap { $0.fixes.first }.flatMap(\.edits).sorted { $0.range.lowerBound > $1.range.lowerBound }
        for edit in edits {
            bytes.replaceSubrange(edit.range.lowerBound..<edit.range.upperBound, with: Array(edit.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
