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

    static let dataAnalyst = "title: Data Analyst\noverview: I analyse data in Excel.\nskills: [Microsoft Excel, Data Analysis, SQL, Dashboard]\nhourly_rate: 5\n"

    @Test func lintRunsTheCorpusRulesAndCachesTheStatistics() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst)
        defer { scratch.remove() }
        let first = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs], environment: scratch.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("[corpus-skill-gaps]"))
        #expect(first.stdout.contains("[corpus-rate-range]"))
        #expect(first.stdout.contains("of the 18 fitting posts"))
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

    @Test func aCacheThatCannotBeWrittenIsAPlainWarningNamingTheCacheFile() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst, files: ["blocker": "a file where the cache directory would go\n"])
        defer { scratch.remove() }
        let cache = scratch.url.appendingPathComponent("blocker/cache").path
        let output = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs],
                                 environment: CLI.environment(["PROFILELINT_CACHE_DIR": cache], defaultRules: true))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("[corpus-skill-gaps]"))
        let lines = output.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(output.stderr)")
        let line = try #require(lines.first)
        #expect(line.hasPrefix("profilelint: warning: cannot write the corpus cache '\(cache)/corpus-"), "\(line)")
        #expect(line.hasSuffix(".plstats': Not a directory; the corpus is read in full on every run until it can be"), "\(line)")
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
        #expect(text.stdout.hasPrefix("profile: 18 of 90 posts fit (20% of the corpus)\n"))
        #expect(text.stdout.contains("Microsoft Power BI — in 13 of 18 fitting posts (17 of all 90)"))

        let json = try CLI.run(["suggest", scratch.profile, "--corpus", Self.exampleJobs, "--format", "json", "--limit", "3"],
                               environment: scratch.environment)
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 2)
        let section = try #require((document["sections"] as? [[String: Any]])?.first)
        #expect(section["fit_size"] as? Int == 18)
        #expect(section["corpus_size"] as? Int == 90)
        let add = try #require(section["add_tags"] as? [[String: Any]])
        #expect(add.map { $0["text"] as? String } == ["Microsoft Power BI", "Data Visualization"])
        #expect(add.first?["posts"] as? Int == 13)
        // 'Report' is in the titles of the posts carrying it, beside none of the profile's skills.
        let alternatives = try #require(section["alternative_tags"] as? [[String: Any]])
        #expect(alternatives.map { $0["text"] as? String } == ["Report"])
        // The evidence: every fitting post, located, with its id and why it fits.
        let fit = try #require(section["fit"] as? [String: Any])
        #expect(fit["fitting"] as? Int == 18 && fit["corpus_posts"] as? Int == 90 && fit["enough"] as? Bool == true)
        let posts = try #require(fit["posts"] as? [[String: Any]])
        #expect(posts.count == 18)
        let best = try #require(posts.first)
        #expect((best["path"] as? String)?.hasSuffix(".yaml") == true && (best["line"] as? Int ?? 0) > 0)
        #expect((best["id"] as? String)?.hasPrefix("ex-") == true)
        #expect(best["tag_share"] is Double && best["word_score"] is Double && best["score"] is Double)
        let scores = posts.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        // --show-posts prints the best fitting posts in text.
        let shown = try CLI.run(["suggest", scratch.profile, "--corpus", Self.exampleJobs, "--show-posts", "2"], environment: scratch.environment)
        let lines = shown.stdout.split(separator: "\n")
        #expect(lines[1] == "Best fitting posts (score; tag share, word score):")
        #expect(lines[2].contains("(\(Self.exampleJobs)/") && lines[3].contains("; tags "))
        #expect(!lines[4].hasPrefix("  0.") && !lines[4].hasPrefix("  1."))

        // Without a corpus, suggest asks for one; --example-corpus uses the shipped one and says so.
        let none = try CLI.run(["suggest", scratch.profile], environment: scratch.environment)
        #expect(none.status == 2)
        #expect(none.stderr.contains("suggest needs a job-post corpus: pass --corpus PATH"))
        let embedded = try CLI.run(["suggest", scratch.profile, "--example-corpus"], environment: scratch.environment)
        #expect(embedded.stdout == text.stdout)
        #expect(embedded.stderr.contains("note: using the example corpus") && embedded.stderr.contains("examples/jobs (90 posts"))
    }

    /// `lint --format json` lists each section's best `--fit-posts N` fitting posts (50 by
    /// default, 0: all), always with the count, and says when the list is cut; a second run
    /// replays the same list from the result cache, and another N is not served from it.
    @Test func lintJSONListsTheBestFitPostsAndSaysWhenItCutsTheList() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst)
        defer { scratch.remove() }
        func fit(_ options: [String]) throws -> [String: Any] {
            let run = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs, "--format", "json"] + options,
                                  environment: scratch.environment)
            #expect(run.status == 0, "\(run.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let file = try #require((document["files"] as? [[String: Any]])?.first)
            return try #require((file["fits"] as? [[String: Any]])?.first)
        }
        func titles(_ fit: [String: Any]) -> [String] {
            (fit["posts"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        }
        let all = try fit(["--fit-posts", "0"])
        #expect(all["fitting"] as? Int == 18 && all["truncated"] as? Bool == false && titles(all).count == 18)
        let defaultList = try fit([])
        #expect(defaultList["truncated"] as? Bool == false && titles(defaultList) == titles(all))
        for _ in 0..<2 {  // the second run replays the result cache's entry
            let best = try fit(["--fit-posts", "3"])
            #expect(best["fitting"] as? Int == 18 && best["share"] as? Double == all["share"] as? Double)
            #expect(best["truncated"] as? Bool == true && titles(best) == Array(titles(all).prefix(3)))
        }
        let negative = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs, "--fit-posts", "-1"],
                                   environment: scratch.environment)
        #expect(negative.status == 2 && negative.stderr.contains("--fit-posts must be 0 or more"))
    }

    /// `suggest --format json` lists the best `--fit-posts N` fitting posts (50 by default, 0:
    /// all) with the count; each listing option refuses the other format instead of being ignored.
    @Test func suggestJSONListsTheBestFitPostsAndRefusesTheOtherFormatsOption() throws {
        let scratch = try Scratch(profile: Self.dataAnalyst)
        defer { scratch.remove() }
        func fit(_ options: [String]) throws -> [String: Any] {
            let run = try CLI.run(["suggest", scratch.profile, "--corpus", Self.exampleJobs, "--format", "json"] + options,
                                  environment: scratch.environment)
            #expect(run.status == 0, "\(run.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let section = try #require((document["sections"] as? [[String: Any]])?.first)
            return try #require(section["fit"] as? [String: Any])
        }
        func titles(_ fit: [String: Any]) -> [String] {
            (fit["posts"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        }
        let all = try fit(["--fit-posts", "0"])
        #expect(all["fitting"] as? Int == 18 && all["truncated"] as? Bool == false && titles(all).count == 18)
        #expect(titles(try fit([])) == titles(all))  // 18 fit, under the default 50
        let best = try fit(["--fit-posts", "4"])
        #expect(best["fitting"] as? Int == 18 && best["share"] as? Double == all["share"] as? Double)
        #expect(best["truncated"] as? Bool == true && titles(best) == Array(titles(all).prefix(4)))

        for (options, message) in [(["--fit-posts", "3"], "--fit-posts is for --format json; in text, --show-posts N"),
                                   (["--format", "json", "--show-posts", "3"], "--show-posts is for text output; with --format json, --fit-posts N"),
                                   (["--format", "json", "--fit-posts", "-1"], "--fit-posts must be 0 or more")] {
            let refused = try CLI.run(["suggest", scratch.profile, "--corpus", Self.exampleJobs] + options, environment: scratch.environment)
            #expect(refused.status == 2 && refused.stderr.contains(message), "\(options): \(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
    }

    /// An empty list says why it is empty in words that stand alone ("your title already uses
    /// it" left the reader asking what "it" was).
    @Test func anEmptySuggestionListSaysWhyItIsEmpty() throws {
        let profile = CLI.root.appendingPathComponent("examples/strong-profile.yaml").path
        let run = try CLI.run(["suggest", profile, "--corpus", Self.exampleJobs], environment: CLI.environment(defaultRules: true))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Title wording clients use:\n  (none: no wording marks these posts' titles that your title lacks)\n"),
                "\(run.stdout)")
    }

    @Test func tooFewFittingPostsGiveOneStatementAndNoLists() throws {
        let scratch = try Scratch(profile: "title: Beekeeping Consultant\nskills: [Beekeeping, Honey Production]\n")
        defer { scratch.remove() }
        let text = try CLI.run(["suggest", scratch.profile, "--corpus", Self.exampleJobs], environment: scratch.environment)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("profile: 0 of 90 posts fit (0% of the corpus)\n\nNo suggestions: fewer than 15 posts fit this profile"))
        #expect(!text.stdout.contains("Skill tags to add") && !text.stdout.contains("drop"))
        let lint = try CLI.run(["lint", scratch.profile, "--corpus", Self.exampleJobs], environment: scratch.environment)
        let corpusFindings = lint.stdout.split(separator: "\n").filter { $0.contains("[corpus-") }
        #expect(corpusFindings.count == 1)
        #expect(corpusFindings.first?.contains("none of the 90 job posts fit this profile's niche (fewer than 15)") == true)
    }
}
