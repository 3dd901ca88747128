import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `ProfileComparison` and its three reports, on hand-made results.
@Suite struct ComparisonTests {
    static let before = SourceFile(path: "before.yaml", text: "title: Editor\nhourly_rate: 2\nskills: [A, B]\n")
    static let after = SourceFile(path: "after.yaml", text: "title: Video Editor\nhourly_rate: 2\nskills: [A, B, C]\n")

    static func diagnostic(_ rule: String, _ field: String, _ message: String, _ range: ByteRange = ByteRange(0, 5),
                           severity: Severity = .warning) -> Diagnostic {
        Diagnostic(ruleID: rule, severity: severity, message: message, range: range, fieldPath: field,
                   notes: [Note("a note that compare leaves to lint")])
    }

    static func comparison() -> ProfileComparison {
        let old = LintResult(file: before, diagnostics: [
            diagnostic("title-length", "title", "the title is 6 characters"),
            diagnostic("keyword", "title", "'video' is missing"),
            diagnostic("keyword", "title", "'editing' is missing"),
            diagnostic("rate-minimum", "hourly_rate", "rate $2 is below $3", ByteRange(27, 28), severity: .error),
            diagnostic("skills-count", "skills", "2 skills; use 15"),
        ], insights: [
            SectionInsight(section: "profile", fieldPath: "", scores: ["completeness": 40.25, "keyword_coverage": 10],
                           fit: FitPicture(fitSize: 12, corpusSize: 100, tags: [], rate: 2, hourlyRanges: [], categories: [], posts: [])),
        ])
        let new = LintResult(file: after, diagnostics: [
            diagnostic("title-length", "title", "the title is 12 characters"),
            diagnostic("keyword", "title", "'editing' is missing"),
            diagnostic("rate-minimum", "hourly_rate", "rate $2 is below $3", ByteRange(33, 34), severity: .error),
            diagnostic("skills-count", "skills", "3 skills; use 15"),
            diagnostic("cliche", "title", "'Video' is fine but this is new"),
        ], insights: [
            SectionInsight(section: "profile", fieldPath: "", scores: ["completeness": 40.25, "keyword_coverage": 55.5, "niche_focus": 70],
                           fit: FitPicture(fitSize: 20, corpusSize: 100, tags: [], rate: 2, hourlyRanges: [], categories: [], posts: [])),
        ])
        return ProfileComparison(before: old, after: new)
    }

    @Test func pairsFindingsByRuleAndField() {
        let comparison = Self.comparison()
        #expect(comparison.unchanged == 2)
        #expect(comparison.resolved.map(\.message) == ["'video' is missing"])
        #expect(comparison.added.map(\.message) == ["'Video' is fine but this is new"])
        #expect(comparison.changed.map(\.before.message).sorted() == ["2 skills; use 15", "the title is 6 characters"])
        #expect(comparison.changed.map(\.after.message).sorted() == ["3 skills; use 15", "the title is 12 characters"])
        #expect(comparison.findingsPhrase == "1 resolved, 1 new, 2 changed, 2 unchanged")
    }

    @Test func sectionsCarryScoresAndFittingPostsOfBothVersions() {
        let section = Self.comparison().sections[0]
        #expect(section.section == "profile")
        #expect(section.scoreNames == ["completeness", "keyword_coverage", "niche_focus"])
        #expect(section.fitBefore == 12 && section.fitAfter == 20)
    }

    @Test func textRoundsAndDrawsBarsWithoutNotes() {
        let text = ComparisonReport.text(Self.comparison(), options: ReportOptions())
        #expect(text.contains("  Completeness      40 → 40        0  ████████░░░░░░░░░░░░\n"))
        #expect(text.contains("  Keyword coverage  10 → 56      +46  ███████████▏░░░░░░░░\n"))
        #expect(text.contains("  Niche focus       – → 70            ██████████████░░░░░░\n"))
        #expect(text.contains("  Fitting posts     12 → 20       +8\n"))
        #expect(text.contains("Findings: 1 resolved, 1 new, 2 changed, 2 unchanged\n"))
        #expect(text.contains("resolved:\n  before.yaml:1:1: warning: 'video' is missing [keyword]\n"))
        #expect(text.contains("new:\n  after.yaml:1:1: warning: 'Video' is fine but this is new [cliche]\n"))
        #expect(text.contains("changed:\n  after.yaml:1:1: warning: 3 skills; use 15 [skills-count]\n    was: 2 skills; use 15\n"))
        #expect(!text.contains("note:"))
    }

    @Test func jsonKeepsFullPrecision() throws {
        let json = ComparisonReport.json(Self.comparison(), options: ReportOptions(toolVersion: "0.0.0-test"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let section = try #require((object["sections"] as? [[String: Any]])?.first)
        let keyword = try #require((section["scores"] as? [String: Any])?["keyword_coverage"] as? [String: Any])
        #expect(keyword["before"] as? Double == 10 && keyword["after"] as? Double == 55.5 && keyword["change"] as? Double == 45.5)
        let niche = try #require((section["scores"] as? [String: Any])?["niche_focus"] as? [String: Any])
        #expect(niche["before"] is NSNull && niche["change"] is NSNull)
        let posts = try #require(section["fitting_posts"] as? [String: Any])
        #expect(posts["change"] as? Double == 8)
        let findings = try #require(object["findings"] as? [String: Any])
        #expect((findings["new"] as? [[String: Any]])?.first?["rule"] as? String == "cliche")
        #expect((findings["changed"] as? [[String: Any]])?.count == 2)
        #expect(findings["unchanged"] as? Int == 2)
    }

    @Test(.enabled(if: ReporterHTMLTests.javaAvailable, "the Nu HTML Checker needs java (install a JDK, then scripts/setup.sh --tests)"))
    func htmlValidates() throws {
        let html = ComparisonHTML.report(Self.comparison(), options: ReportOptions(toolVersion: "0.0.0-test"))
        #expect(html.contains("<td class=\"num\">10</td><td class=\"num\">56</td><td class=\"num\">+46</td>"))
        #expect(html.contains("Before: the title is 6 characters"))
        let validation = try ReporterHTMLTests.validate([html])
        #expect(validation.status == 0, "\(validation.output)")
    }
}
