import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Every format rendered from `ReporterFixture` and compared byte for byte with
/// `Tests/Fixtures/reporters/`. Run with `UPDATE_GOLDENS=1` to rewrite the expected files
/// (then review the diff); the test still fails that run so a regeneration is never silent.
@Suite struct ReporterGoldenTests {
    static let cases: [(format: ReportFormat, file: String, color: Bool, source: Bool)] = [
        (.text, "text.txt", false, false),
        (.text, "text-source.txt", false, true),
        (.text, "text-color.txt", true, true),
        (.json, "report.json", false, false),
        (.sarif, "report.sarif", false, false),
        (.github, "github.txt", false, false),
        (.checkstyle, "checkstyle.xml", false, false),
        (.junit, "junit.xml", false, false),
        (.rdjsonl, "report.rdjsonl", false, false),
        (.html, "report.html", false, false),
    ]

    static func render(_ format: ReportFormat, color: Bool = false, source: Bool = false) throws -> String {
        let reporter = format.reporter(options: ReporterFixture.options(color: color, showSource: source))
        return reporter.report(try ReporterFixture.results(), rules: try ReporterFixture.ruleSet())
    }

    @Test(arguments: 0..<cases.count)
    func matchesGolden(_ index: Int) throws {
        let entry = Self.cases[index]
        let actual = try Self.render(entry.format, color: entry.color, source: entry.source)
        let url = ReporterFixture.directory.appendingPathComponent(entry.file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("rewrote \(entry.file); unset UPDATE_GOLDENS and review the diff")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(entry.file) differs from the golden; UPDATE_GOLDENS=1 regenerates it")
    }

    @Test func fixtureColumnsDifferInEveryUnit() throws {
        let results = try ReporterFixture.results()
        let profile = results[0].file
        let span = try ReporterFixture.range(of: "YouTube SEO", in: profile)
        let scalars = profile.position(ofByte: span.lowerBound, unit: .scalars).column
        let utf16 = profile.position(ofByte: span.lowerBound, unit: .utf16).column
        let bytes = profile.position(ofByte: span.lowerBound, unit: .utf8).column
        #expect(scalars == 32)
        #expect(utf16 == 33)
        #expect(bytes == 37)
    }

    @Test func everyFormatIsIndependentOfInputOrder() throws {
        let rules = try ReporterFixture.ruleSet()
        let results = try ReporterFixture.results()
        let shuffled = results.reversed().map { result -> LintResult in
            var copy = result
            copy.diagnostics.reverse()
            return copy
        }
        for format in ReportFormat.allCases {
            let reporter = format.reporter(options: ReporterFixture.options())
            #expect(reporter.report(results, rules: rules) == reporter.report(shuffled, rules: rules), "\(format)")
        }
    }
}
