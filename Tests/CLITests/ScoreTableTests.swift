import Foundation
import Testing

/// With several profiles the summary is one table row per section (what a CI log of a
/// profile repository needs), in path order; one profile keeps its bars.
@Suite struct ScoreTableTests {
    @Test func severalProfilesGetOneRowPerSectionInPathOrder() throws {
        let run = try CLI.run(["lint", "examples/weak-profile.yaml", "examples/strong-profile.yaml", "examples/android-profile.json",
                               "--corpus", "examples/jobs", "--no-cache"],
                              in: CLI.root, environment: CLI.environment(defaultRules: true))
        #expect(run.status == 1, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Scores (0-100)") }, "\(run.stdout)")
        let header = lines[start]
        for title in ["Completeness", "Keyword coverage", "Niche focus", "Fitting posts"] { #expect(header.contains(title), "\(header)") }
        let rows = Array(lines[(start + 1)...].prefix { !$0.isEmpty && !$0.contains(" in 3 files") })
        #expect(rows.map { String($0.prefix { $0 != " " }) } == [
            "examples/android-profile.json", "examples/strong-profile.yaml", "examples/strong-profile.yaml,",
            "examples/weak-profile.yaml",
        ], "\(rows)")
        #expect(rows[2].hasPrefix("examples/strong-profile.yaml, specialized profile 1 "))
        // Every row is as wide as the header: the columns line up.
        #expect(rows.allSatisfy { $0.count == header.count }, "\(rows)")
        #expect(rows[1].contains("100 strong") && rows[1].hasSuffix("24 of 90"), "\(rows[1])")
        #expect(!run.stdout.contains("█"))
        #expect(lines[start + 1 + rows.count].hasSuffix(" in 3 files"))

        // One profile: the bars stay.
        let one = try CLI.run(["lint", "examples/strong-profile.yaml", "--corpus", "examples/jobs", "--no-cache"],
                              in: CLI.root, environment: CLI.environment(defaultRules: true))
        #expect(one.stdout.contains("examples/strong-profile.yaml, profile:\n  Completeness      100  ████") && !one.stdout.contains("Scores (0-100)"))
    }
}
