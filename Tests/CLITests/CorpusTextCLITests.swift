import Foundation
import Testing

/// End to end: profile files among the corpus files, the baseline's count in the summary, and
/// counts with thousands separators in human-readable text (never in JSON).
@Suite struct CorpusTextCLITests {
    static let profile = """
        title: Power BI Developer
        overview: I build Power BI dashboards and SQL reports for sales teams, with clean data models.
        skills: [Microsoft Power BI, SQL, Dashboard, Data Visualization]
        hourly_rate: 40
        """

    /// A directory of JSON Lines posts (`count` sales-dashboard posts) beside `files`.
    static func scratch(posts count: Int, files: [String: String] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let lines = (0..<count).map { index in
            "{\"title\": \"Power BI dashboard for sales team \(index)\", \"description\": \"We need a Power BI dashboard on our SQL "
                + "sales data, with a clean data model and monthly reports. Job \(index).\", "
                + "\"skills\": [\"Microsoft Power BI\", \"SQL\", \"Dashboard\"]}"
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url.appendingPathComponent("posts.jsonl"))
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    static func environment(_ directory: URL) -> [String: String] {
        CLI.environment(["PROFILELINT_CACHE_DIR": directory.appendingPathComponent(".cache").path], defaultRules: true)
    }

    /// `lint --corpus .` in a directory holding the profiles: they are skipped, one warning says so.
    @Test func profilesInTheCorpusDirectoryAreSkippedWithOneWarning() throws {
        let directory = try Self.scratch(posts: 30, files: [
            "profile.yaml": Self.profile,
            "other.json": "{\"title\": \"Data Analyst\", \"overview\": \"I analyse sales data.\", \"skills\": [\"SQL\"]}",
            "post.yaml": "title: SQL report for a shop\ndescription: Monthly SQL report of the shop's sales.\nskills: [SQL]\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["lint", "profile.yaml", "--corpus", "."], in: directory, environment: Self.environment(directory))
        let warnings = output.stderr.split(separator: "\n").filter { $0.contains("freelancer profile") }
        #expect(warnings.count == 1, "\(output.stderr)")
        #expect(warnings.first?.hasPrefix("./other.json:1:1: warning: this is a freelancer profile (it has 'overview'), not job posts; skipped (and 1 more profile file: './profile.yaml')") == true,
                "\(output.stderr)")
        #expect(output.status != 2, "\(output.stderr)")
        let suggest = try CLI.run(["suggest", "profile.yaml", "--corpus", ".", "--format", "json"], in: directory,
                                  environment: Self.environment(directory))
        #expect(suggest.stdout.contains("\"corpus_size\" : 31") || suggest.stdout.contains("\"corpus_size\": 31"),
                "the 30 posts and the one-post YAML file: \(suggest.stdout.prefix(300))")
    }

    /// The text summary and the JSON summary say how many findings the baseline accepted.
    @Test func theSummaryCountsWhatTheBaselineAccepted() throws {
        let directory = try Self.scratch(posts: 0, files: ["profile.yaml": "title: Hi\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = Self.environment(directory)
        let before = try CLI.run(["lint", "profile.yaml", "--format", "json"], in: directory, environment: environment)
        let summary = try #require((JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        let found = ["errors", "warnings", "info"].reduce(0) { $0 + (summary[$1] as? Int ?? 0) }
        #expect(found > 1, "\(before.stdout)")
        let written = try CLI.run(["lint", "profile.yaml", "--write-baseline", "baseline.json"], in: directory, environment: environment)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try CLI.run(["lint", "profile.yaml", "--baseline", "baseline.json"], in: directory, environment: environment)
        #expect(text.stdout.hasSuffix("\nno problems in 1 file (\(found) accepted by the baseline)\n"), "\(text.stdout)")
        let json = try CLI.run(["lint", "profile.yaml", "--baseline", "baseline.json", "--format", "json"], in: directory,
                               environment: environment)
        #expect(json.stdout.contains("\"baseline_accepted\" : \(found)") || json.stdout.contains("\"baseline_accepted\": \(found)"),
                "\(json.stdout)")
        let plain = try CLI.run(["lint", "profile.yaml", "--format", "json"], in: directory, environment: environment)
        #expect(!plain.stdout.contains("baseline_accepted"))
    }

    /// 1,200 posts: `1,200` in the text report, `1200` in JSON.
    @Test func largeCountsAreGroupedInTextOnly() throws {
        let directory = try Self.scratch(posts: 1200, files: ["profile.yaml": Self.profile])
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = Self.environment(directory)
        let text = try CLI.run(["suggest", "profile.yaml", "--corpus", "posts.jsonl"], in: directory, environment: environment)
        #expect(text.stdout.hasPrefix("profile: 1,200 of 1,200 posts fit (100% of the corpus)"), "\(text.stdout.prefix(200))")
        #expect(!text.stdout.contains("1200"), "\(text.stdout)")
        let json = try CLI.run(["suggest", "profile.yaml", "--corpus", "posts.jsonl", "--format", "json"], in: directory,
                               environment: environment)
        #expect(json.stdout.contains("1200") && !json.stdout.contains("\"corpus_size\" : \"1,200\""))
        let lint = try CLI.run(["lint", "profile.yaml", "--corpus", "posts.jsonl"], in: directory, environment: environment)
        #expect(!lint.stdout.contains("1200"), "\(lint.stdout)")
    }
}
