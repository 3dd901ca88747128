import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The text report's score bars and the folding of missing-field findings.
@Suite struct TextSummaryTests {
    @Test func scoreBarsUseEighthsAndKeepTheirWidth() {
        #expect(ScoreBar.render(0, width: 10) == "░░░░░░░░░░")
        #expect(ScoreBar.render(100, width: 10) == "██████████")
        #expect(ScoreBar.render(55, width: 10) == "█████▌░░░░")
        #expect(ScoreBar.render(21, width: 20) == "████▎░░░░░░░░░░░░░░░")
        #expect(ScoreBar.render(.nan, width: 4) == "░░░░")
        #expect(ScoreBar.render(250, width: 4) == "████")
        #expect(ScoreBar.rounded(25.869460146519515) == "26")
        #expect(ScoreBar.change(40.25, 55.5) == "+15" && ScoreBar.change(50, 45) == "-5" && ScoreBar.change(3, 3) == "0")
    }

    static func rules() throws -> RuleSet {
        func required(_ id: String, _ field: String, _ severity: Severity) throws -> Rule {
            try RuleLoader.load(SourceFile(path: "rules/\(id).yml", text: """
                id: \(id)
                kind: required
                applies_to: [profile]
                field: \(field)
                severity: \(severity.rawValue)
                message: "no \(field) (missing)"
                rationale: "r"

                """))
        }
        return try RuleSet(rules: [required("photo-required", "photo", .warning), required("video-suggested", "video", .info),
                                   required("skills-required", "skills", .error)])
    }

    @Test func missingFieldsFoldIntoOneFindingMostSevereFirst() throws {
        let file = SourceFile(path: "p.yaml", text: "title: Editor\n")
        let start = ByteRange(0, 0)
        let diagnostics = [
            Diagnostic(ruleID: "photo-required", severity: .warning, message: "no photo (missing)", range: start, fieldPath: "photo"),
            Diagnostic(ruleID: "skills-required", severity: .error, message: "no skills (missing)", range: start, fieldPath: "skills"),
            Diagnostic(ruleID: "video-suggested", severity: .info, message: "no video (missing)", range: start, fieldPath: "video"),
            Diagnostic(ruleID: "other", severity: .info, message: "an empty-range finding of another kind", range: start),
            Diagnostic(ruleID: "photo-required", severity: .warning, message: "a located one stays", range: ByteRange(7, 13)),
        ]
        let folded = MissingFields.fold(diagnostics, rules: RuleCatalog(try Self.rules()))
        #expect(folded.count == 3)
        let one = folded[0]
        #expect(one.severity == .error)
        #expect(one.message == "3 fields missing: skills, photo, video")
        #expect(one.ruleID == "skills-required +2 more")
        #expect(one.notes.map(\.message) == ["skills (error): no skills (missing) [skills-required]",
                                             "photo (warning): no photo (missing) [photo-required]",
                                             "video (info): no video (missing) [video-suggested]"])
        let text = TextReporter(options: ReportOptions(showSummary: true)).report(
            [LintResult(file: file, diagnostics: diagnostics)], rules: try Self.rules())
        #expect(text.contains("p.yaml:1:1: error: 3 fields missing: skills, photo, video [skills-required +2 more]\np.yaml: note: skills (error)"))
        // The summary still counts every finding.
        #expect(text.hasSuffix("1 error, 2 warnings, 2 info in 1 file\n"))
        // A single missing field is left as it is.
        let single = MissingFields.fold([diagnostics[0]], rules: RuleCatalog(try Self.rules()))
        #expect(single.map(\.message) == ["no photo (missing)"])
    }
}
