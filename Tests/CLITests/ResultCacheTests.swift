import Foundation
import Testing

/// The lint result cache end to end: a replay prints what a fresh lint prints, every input of
/// the key forces a fresh lint when it changes, and a damaged, concurrent or unwanted use never
/// gives a stale answer.
@Suite struct ResultCacheTests {
    /// A directory with a profile, a configuration, a rule directory, a corpus and a cache.
    struct Project {
        let url: URL
        var cache: String { url.appendingPathComponent("cache").path }
        var rules: String { url.appendingPathComponent("rules").path }
        var environment: [String: String] {
            CLI.environment(["PROFILELINT_CACHE_DIR": cache, "PROFILELINT_RULES": rules])
        }
        static let profile = "title: Data Analyst\noverview: I analyse data in Excel.\nskills: [Microsoft Excel, Data Analysis, SQL, Dashboard, Power BI, Tableau, Looker]\nhourly_rate: 5\n"
        static let corpus = """
            title,description,skills
            Excel dashboard,Build an Excel dashboard for weekly sales,Microsoft Excel;Data Analysis
            SQL report,Write SQL queries for a monthly report,SQL;Data Analysis
            Power BI model,Model sales data in Power BI,Power BI;Data Analysis

            """

        init() throws {
            url = try CLI.temporaryDirectory()
            try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
            try write("profile.yaml", Self.profile)
            try write("jobs.csv", Self.corpus)
            try write(".profilelint.yml", "rules:\n  skills-max:\n    max: 6\n")
            for name in ["skills-min.yml", "skills-max.yml"] {
                try FileManager.default.copyItem(atPath: CLI.testRules + "/" + name, toPath: rules + "/" + name)
            }
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }

        func lint(_ extra: [String] = [], environment: [String: String]? = nil) throws -> CLI.Output {
            try CLI.run(["lint", "profile.yaml", "--corpus", "jobs.csv"] + extra, in: url, environment: environment ?? self.environment)
        }

        /// The result entries and each one's inode (a rewritten entry gets a new one).
        func entries() -> [String: UInt64] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
            var found: [String: UInt64] = [:]
            for name in names where name.hasPrefix("result-") && name.hasSuffix(".plresult") {
                let attributes = try? FileManager.default.attributesOfItem(atPath: cache + "/" + name)
                found[name] = (attributes?[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            }
            return found
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    @Test(arguments: ["text", "json", "sarif", "github", "checkstyle", "junit", "rdjsonl", "html"])
    func aReplayIsByteIdenticalToAFreshLint(format: String) throws {
        let project = try Project()
        defer { project.remove() }
        let fresh = try project.lint(["--format", format, "--no-cache"])
        #expect(project.entries().isEmpty, "--no-cache writes no entry")
        let first = try project.lint(["--format", format])
        let stored = project.entries()
        #expect(stored.count == 1)
        let replayed = try project.lint(["--format", format])
        #expect(project.entries() == stored, "the second run read the entry and wrote none")
        for run in [first, replayed] {
            #expect(run.status == fresh.status)
            #expect(run.stdout == fresh.stdout)
            #expect(run.stderr == fresh.stderr)
        }
        #expect(fresh.stdout.contains("skills-max") || format == "sarif" || format == "junit" || format == "checkstyle",
                "\(fresh.stdout)")
    }

    /// A replay reports the rules' facts (SARIF descriptors: severity in force, rationale, help)
    /// from the cache's rule entry, as a fresh lint reports them from the rules; a damaged rule
    /// entry is a miss that the run writes again.
    @Test(arguments: ["sarif", "text", "html"])
    func aReplayReportsTheRuleFactsInForce(format: String) throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(".profilelint.yml", "rules:\n  skills-max:\n    max: 6\n    severity: info\n")
        let fresh = try project.lint(["--format", format, "--no-cache"])
        _ = try project.lint(["--format", format])
        let ruleEntries = try FileManager.default.contentsOfDirectory(atPath: project.cache)
            .filter { $0.hasPrefix("rules-") && $0.hasSuffix(".plresult") }
        #expect(ruleEntries.count == 1)
        let replayed = try project.lint(["--format", format])
        #expect(replayed.stdout == fresh.stdout && replayed.stderr == fresh.stderr && replayed.status == fresh.status)
        if format == "sarif" {
            let log = try #require(try JSONSerialization.jsonObject(with: Data(replayed.stdout.utf8)) as? [String: Any])
            let runs = try #require(log["runs"] as? [[String: Any]])
            let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
            let rules = try #require(driver["rules"] as? [[String: Any]])
            #expect(Set(rules.compactMap { $0["id"] as? String }) == ["skills-min", "skills-max"])
            let skillsMax = rules.first { $0["id"] as? String == "skills-max" }
            let level = (skillsMax?["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == "note", "the configuration's severity override, not the rule file's")
        }
        let path = project.cache + "/" + (ruleEntries.first ?? "")
        let whole = try #require(FileManager.default.contents(atPath: path))
        var flipped = whole
        flipped[whole.count - 3] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))
        let afterDamage = try project.lint(["--format", format])
        #expect(afterDamage.stdout == fresh.stdout && afterDamage.stderr == fresh.stderr)
        #expect(FileManager.default.contents(atPath: path) == whole, "the miss wrote the rule entry again")
    }

    @Test func aBaselineAndQuietApplyToAReplay() throws {
        let project = try Project()
        defer { project.remove() }
        _ = try project.lint(["--write-baseline", "baseline.json"])
        let fresh = try project.lint(["--baseline", "baseline.json", "--no-cache", "--quiet"])
        _ = try project.lint()
        let stored = project.entries()
        let replayed = try project.lint(["--baseline", "baseline.json", "--quiet"])
        #expect(project.entries() == stored)
        #expect(replayed.stdout == fresh.stdout && replayed.status == fresh.status)
        #expect(!replayed.stdout.contains("skills-max"))
    }

    /// Changes one input of the key, then checks that the next run linted afresh (a new entry)
    /// and printed what a run without the cache prints.
    private func expectFreshLint(_ change: (Project) throws -> [String: String]?, _ comment: Comment) throws {
        let project = try Project()
        defer { project.remove() }
        _ = try project.lint()
        let before = project.entries()
        #expect(before.count == 1)
        let environment = try change(project)
        let after = try project.lint(environment: environment)
        let uncached = try project.lint(["--no-cache"], environment: environment)
        #expect(Set(project.entries().keys).subtracting(before.keys).count == 1, comment)
        #expect(after.stdout == uncached.stdout, comment)
        #expect(after.stderr == uncached.stderr, comment)
    }

    @Test func aConfigurationParameterForcesAFreshLint() throws {
        try expectFreshLint({ project in
            try project.write(".profilelint.yml", "rules:\n  skills-max:\n    max: 9\n")
            return nil
        }, "config parameter")
    }

    @Test func aSeverityOverrideForcesAFreshLint() throws {
        try expectFreshLint({ project in
            try project.write(".profilelint.yml", "rules:\n  skills-max:\n    max: 6\n    severity: info\n")
            return nil
        }, "severity override")
    }

    @Test func aRuleFileEditForcesAFreshLint() throws {
        try expectFreshLint({ project in
            let path = project.rules + "/skills-min.yml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "min: 3", with: "min: 30").utf8).write(to: URL(fileURLWithPath: path))
            #expect(text.contains("min: 3"))
            return nil
        }, "rule file edit")
    }

    @Test func aCorpusFileEditForcesAFreshLint() throws {
        try expectFreshLint({ project in
            try project.write("jobs.csv", Project.corpus + "Tableau story,Tell a sales story in Tableau,Tableau;Data Analysis\n")
            return nil
        }, "corpus file edit")
    }

    @Test func aProfileEditForcesAFreshLint() throws {
        try expectFreshLint({ project in
            try project.write("profile.yaml", Project.profile.replacingOccurrences(of: ", Looker", with: ""))
            return nil
        }, "profile edit")
    }

    @Test func theUserRulesVariableForcesAFreshLint() throws {
        try expectFreshLint({ project in
            let other = project.url.appendingPathComponent("more-rules").path
            try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLI.testRules + "/languages-min.yml", toPath: other + "/languages-min.yml")
            var environment = project.environment
            environment["PROFILELINT_RULES"] = project.rules + ":" + other
            return environment
        }, "PROFILELINT_RULES")
    }

    @Test func damagedEntriesAreMissesAndAreRewritten() throws {
        let project = try Project()
        defer { project.remove() }
        let fresh = try project.lint(["--no-cache"])
        _ = try project.lint()
        let name = try #require(project.entries().keys.first)
        let path = project.cache + "/" + name
        let whole = try #require(FileManager.default.contents(atPath: path))
        var flipped = whole
        flipped[whole.count / 2] ^= 0x20
        for damaged in [whole.prefix(whole.count - 1), whole.prefix(20), flipped, Data("not an entry".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: path))
            let run = try project.lint()
            #expect(run.stdout == fresh.stdout && run.stderr == fresh.stderr)
            #expect(FileManager.default.contents(atPath: path) == whole, "the miss wrote the entry again")
        }
    }

    @Test func fixNeverReadsAnEntryAndStandardInputIsNeverCached() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("profile.yaml", "title: Data Analyst   \nskills: [Excel, SQL, Excel]\n")
        _ = try project.lint()
        let stored = project.entries()
        let fixed = try project.lint(["--fix", "--dry-run"])
        let reference = try project.lint(["--fix", "--dry-run", "--no-cache"])
        #expect(fixed.stdout == reference.stdout && fixed.status == reference.status)
        #expect(project.entries() == stored, "--fix writes no entry")
        let input = Data("title: Data Analyst\nskills: [Excel]\n".utf8)
        for _ in 0..<2 {
            let run = try CLI.run(["lint", "-", "--stdin-filename", "profile.yaml", "--corpus", "jobs.csv"], in: project.url,
                                  environment: project.environment, input: input)
            #expect(run.stdout.contains("profile.yaml:"), "\(run.stdout)\(run.stderr)")
        }
        #expect(project.entries() == stored, "standard input is never stored")
    }

    @Test func concurrentRunsShareTheCacheWithoutDamage() throws {
        let project = try Project()
        defer { project.remove() }
        let fresh = try project.lint(["--no-cache"])
        let outputs = Outputs()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            outputs.add(try? project.lint())
        }
        #expect(outputs.all.count == 6)
        for run in outputs.all { #expect(run.stdout == fresh.stdout && run.stderr == fresh.stderr) }
        let stored = project.entries()
        #expect(stored.count == 1)
        let replayed = try project.lint()
        #expect(replayed.stdout == fresh.stdout)
        #expect(project.entries() == stored, "the entry the concurrent runs left is whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.cache).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func cacheCleanRemovesResultEntries() throws {
        let project = try Project()
        defer { project.remove() }
        _ = try project.lint()
        #expect(project.entries().count == 1)
        func files() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: project.cache)) ?? [] }
        // The compiled hyphenation patterns are a cache entry too; a file that is not ours stays.
        for name in ["hyphenation-0123abcd.plhyph", "notes.txt"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: project.cache).appendingPathComponent(name))
        }
        let cleaned = try CLI.run(["cache", "clean"], environment: project.environment)
        #expect(cleaned.status == 0)
        #expect(project.entries().isEmpty)
        #expect(files().allSatisfy { !$0.hasPrefix("hyphenation-") && !$0.hasPrefix("corpus-") }, "\(files())")
        #expect(files().contains("notes.txt"))
    }

    /// Outputs collected from several threads.
    final class Outputs: @unchecked Sendable {
        private let lock = NSLock()
        private var outputs: [CLI.Output] = []
        func add(_ output: CLI.Output?) { lock.withLock { if let output { outputs.append(output) } } }
        var all: [CLI.Output] { lock.withLock { outputs } }
    }
}
