import Foundation
import Testing

/// The README shows real output and a working configuration; these keep it honest.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The lines of the README's first fenced block that follows `marker`.
    static func block(after marker: String) throws -> [String] {
        let start = try #require(readme.range(of: marker))
        let fence = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let body = readme[start.lowerBound..<fence.lowerBound]
        return body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func sampleFindingsAreWhatLintPrints() throws {
        let sample = try Self.block(after: "$ profilelint lint examples/weak-profile.yaml")
        let findings = sample.filter { $0.hasPrefix("examples/") }
        #expect(findings.count >= 3)
        let output = try CLI.run(["lint", "examples/weak-profile.yaml"], in: CLI.root, environment: CLI.environment(defaultRules: true))
        #expect(output.status == 1)
        let printed = Set(output.stdout.split(separator: "\n").map(String.init))
        for line in findings { #expect(printed.contains(line), "README line not printed: \(line)") }
        // The summary is printed exactly: change the README when the rule pack changes the counts.
        let summary = try #require(sample.last { $0.contains(" in 1 file") })
        let lastLine = try #require(output.stdout.split(separator: "\n").last.map(String.init))
        #expect(summary == lastLine, "README.md shows '\(summary)'; lint prints '\(lastLine)'")
    }

    @Test func buildStepSummaryIsWhatLintPrints() throws {
        let prose = Self.readme.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let claimed = try #require(prose.firstMatch(of: #/ends with the summary `([^`]+)`/#)).1
        let output = try CLI.run(["lint", "examples/"], in: CLI.root, environment: CLI.environment(defaultRules: true))
        #expect(output.status == 1)
        let lastLine = try #require(output.stdout.split(separator: "\n").last.map(String.init))
        #expect(String(claimed) == lastLine, "README.md says '\(claimed)'; lint examples/ prints '\(lastLine)'")
    }

    @Test func sampleConfigurationWorksWithRulesAndExplain() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("my-rules"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("jobs"), withIntermediateDirectories: true)
        let configuration = try Self.block(after: "# .profilelint.yml").joined(separator: "\n")
        try configuration.write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let environment = CLI.environment(defaultRules: true)
        let rules = try CLI.run(["rules"], in: directory, environment: environment)
        #expect(rules.status == 0, "\(rules.stderr)")
        let rows = ConfiguredCommandsTests.rows(rules.stdout)
        #expect(rows.contains("title-length length error"))
        #expect(rows.contains("video-suggested required off"))
        let explain = try CLI.run(["explain", "title-length"], in: directory, environment: environment)
        #expect(explain.stdout.contains("\nParameters:\n  max_characters: 60\n"))
    }
}
