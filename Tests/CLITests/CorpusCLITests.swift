import Foundation
import Testing

/// `--corpus` on `lint` and the `suggest` command, end to end.
@Suite struct CorpusCLITests {
    static let exampleJobs = CLI.root.appendingPathComponent("examples/jobs").path

    /// A scratch directory with a profile and a cache directory.
    struct Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-cli-\(UUID().uuidString)")
        var profile: String { url.appendingPathComponent("profile.yaml").path }
        var cache: String { url.appendingPathComponent("cache").path }
        var environment: [String: String] { CLI.environment(["PROFILELINT_CACHE_DIR": cache], defaultRules: true) }

        init(profile text: String, files: [String: String] = [:]) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: profile))
            for (name, content) in files { try Data(content.utf8).write(to: url.appendingPathComponent(name)) }
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    static let dataAnalyst = "title: Data Analyst\noverview: I analyse data in Excel.\nskills: [Microsoft Excel, Data Analysis]\nhourly_rate: 5\n"

    @Test func lintRunsTheCorpusRulesAndCachesTheStatistics() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst)
        defer { scratch.remove() }
        let first = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs], environment: scratch.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("[corpus-skill-gaps]"))
        #expect(first.stdout.contains("[corpus-rate-range]"))
        #expect(first.stdout.contains("closest posts"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.cache).filter { $0.hasSuffix(".plstats") }.count == 1)
        let second = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs], environment: scratch.environment)
        #expect(second.stdout == first.stdout)
        let uncached = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs, "--no-cache"], environment: scratch.environment)
        #expect(uncached.stdout == first.stdout)
    }

    @Test func badPostsAreLocatedWarningsOnStandardError() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst, files: [
            "jobs.jsonl": "{\"title\": \"SQL report\", \"description\": \"Weekly SQL report\"}\n{broken\n",
        ])
        defer { scratch.remove() }
        let output = try CLI.run(["lint", scratch.profile, "--corpus", scratch.url.appendingPathComponent("jobs.jsonl").path],
                                 environment: scratch.environment)
        #expect(output.status == 0)
        #expect(output.stderr.contains("jobs.jsonl:2:1: warning: line is not valid JSON; post skipped"))
    }

    @Test func missingCorpusPathExitsTwo() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst)
        defer { scratch.remove() }
        let output = try CLI.run(["lint", scratch.profile, "--corpus", "/nonexistent/jobs"], environment: scratch.environment)
        #expect(output.status == 2)
        #expect(output.stderr.contains("profilelint: error: corpus path '/nonexistent/jobs' does not exist"))
        let badColumn = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs, "--column", "titel=x"],
                                    environment: scratch.environment)
        #expect(badColumn.status == 2)
        #expect(badColumn.stderr.contains("unknown post field 'titel'"))
    }

    @Test func suggestPrintsTextAndJSONWithCounts() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst)
        defer { scratch.remove() }
        let text = try CLI.run(["suggest", scratch.profile, "--corpus", Self.exampleJobs], environment: scratch.environment)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Skill tags to add:"))
        #expect(text.stdout.contains("Microsoft Power BI — in 5 of 13 fitting posts"))

        let json = try CLI.run(["suggest", scratch.profile, "--corpus", Self.exampleJobs, "--format", "json", "--limit", "3"],
                               environment: scratch.environment)
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let section = try #require((document["sections"] as? [[String: Any]])?.first)
        #expect(section["fitSize"] as? Int == 13)
        #expect(section["corpusSize"] as? Int == 65)
        let add = try #require(section["addTags"] as? [[String: Any]])
        #expect(add.count == 3)
        #expect(add.first?["text"] as? String == "Dashboard")
        #expect(add.first?["posts"] as? Int == 6)

        // Without --corpus, suggest uses the shipped example corpus.
        let embedded = try CLI.run(["suggest", scratch.profile], environment: scratch.environment)
        #expect(embedded.stdout == text.stdout)
    }
}
