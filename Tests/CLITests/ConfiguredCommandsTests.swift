import Foundation
import Testing

/// `rules`, `explain` and `suggest` read the configuration like `lint` does.
@Suite struct ConfiguredCommandsTests {
    static let configuration = """
        rule_dirs: [\(CLI.fixtures.appendingPathComponent("extra-rules").path)]
        rules:
          languages-min: off
          skills-min: {severity: error, min: 5}

        """

    /// A directory with `.profilelint.yml` (and `extra` files), removed by the caller.
    static func configured(_ text: String = configuration, extra: [String: String] = [:]) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        try text.write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        for (name, content) in extra {
            try content.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// The first three columns of each table row (id, kind, severity), single-spaced.
    static func rows(_ table: String) -> [String] {
        table.split(separator: "\n").map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
    }

    @Test func rulesShowsConfiguredSeveritiesOffRulesAndRuleDirectories() throws {
        let directory = try Self.configured()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["rules"], in: directory)
        #expect(output.status == 0)
        let rows = Self.rows(output.stdout)
        #expect(rows.contains("languages-min count off"))
        #expect(rows.contains("skills-min count error"))
        #expect(rows.contains("skills-max count error"))
        #expect(rows.contains("portfolio-min count warning"))
        #expect(output.stdout.hasSuffix("\nConfiguration: ./.profilelint.yml\n") || output.stdout.hasSuffix("\nConfiguration: .profilelint.yml\n"))
    }

    @Test func configFlagGovernsRulesFromAnyDirectory() throws {
        let directory = try Self.configured()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(".profilelint.yml").path
        let output = try CLI.run(["rules", "--config", path])
        #expect(output.status == 0)
        #expect(Self.rows(output.stdout).contains("languages-min count off"))
        let unconfigured = try CLI.run(["rules"])
        #expect(Self.rows(unconfigured.stdout).contains("languages-min count info"))
        #expect(!unconfigured.stdout.contains("Configuration:"))
    }

    @Test func explainShowsTheConfiguredSeverityAndParameters() throws {
        let directory = try Self.configured()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["explain", "skills-min"], in: directory)
        #expect(output.status == 0)
        #expect(output.stdout.contains("  severity:   error\n  configured: "))
        #expect(output.stdout.contains("\nParameters:\n  min: 5\n"))
        let off = try CLI.run(["explain", "languages-min"], in: directory)
        #expect(off.stdout.contains("  severity:   off\n"))
        let extra = try CLI.run(["explain", "portfolio-min"], in: directory)
        #expect(extra.status == 0)
        #expect(extra.stdout.hasPrefix("portfolio-min\n"))
    }

    @Test func aBadConfigurationStopsRulesWithALocatedError() throws {
        let directory = try Self.configured("rules:\n  skills-min: loud\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["rules"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("./.profilelint.yml:2:15: error: ") || output.stderr.hasPrefix(".profilelint.yml:2:15: error: "))
    }

    @Test func suggestUsesTheConfiguredCorpus() throws {
        // Fewer than half the posts about bookkeeping: BM25 gives a term in half the posts no weight.
        let posts = (1...3).map { "{\"title\": \"Bookkeeping in Xero for a cafe \($0)\", \"description\": \"Monthly Xero bookkeeping and payroll for cafe \($0).\", \"skills\": [\"Xero\", \"Payroll\"]}" }
            + (1...5).map { "{\"title\": \"Logo animation \($0)\", \"description\": \"Animate our logo for video \($0).\", \"skills\": [\"Animation\"]}" }
        // The corpus-fit rule's parameters, set in the configuration, change what fits.
        let directory = try Self.configured("corpus: [jobs.jsonl]\nrules:\n  corpus-fit: {min_fitting_posts: 3}\n", extra: [
            "jobs.jsonl": posts.joined(separator: "\n") + "\n",
            "profile.yaml": "title: Bookkeeper for cafes\nskills: [Bookkeeping, Xero]\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["suggest", "profile.yaml", "--no-cache"], in: directory, environment: CLI.environment(defaultRules: true))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("3 of 8 posts fit"))
        #expect(output.stdout.contains("Payroll"))
    }
}

/// SPEC §5: progress while loading, on a terminal only, never in CI logs or pipes.
@Suite struct ProgressTests {
    static let label = "profilelint: loading rules and job-post corpus"
    static let immediately = ["PROFILELINT_PROGRESS_DELAY": "0", "PROFILELINT_CACHE_DIR": "/nonexistent-profilelint-cache"]

    @Test func neverOnAPipe() throws {
        let output = try CLI.run(["lint", "clean.yaml", "--corpus", CorpusCLITests.exampleJobs, "--no-cache"],
                                 environment: CLI.environment(Self.immediately))
        #expect(output.status == 0)
        #expect(!output.stderr.contains(Self.label))
        #expect(!output.stderr.contains("\u{1B}["))
    }

    @Test(.enabled(if: TerminalTests.hasScript, "needs util-linux script"))
    func onATerminalThenErased() throws {
        let output = try TerminalTests.runOnTerminal(["lint", "clean.yaml", "--corpus", CorpusCLITests.exampleJobs, "--no-cache"],
                                                     environment: Self.immediately, unsetting: ["CI"])
        let drawn = try #require(output.range(of: "\r\u{1B}[2K" + Self.label))
        #expect(output[drawn.upperBound...].contains("\r\u{1B}[2K"))
    }

    @Test(.enabled(if: TerminalTests.hasScript, "needs util-linux script"))
    func neverInCI() throws {
        var environment = Self.immediately
        environment["CI"] = "true"
        let output = try TerminalTests.runOnTerminal(["lint", "clean.yaml", "--corpus", CorpusCLITests.exampleJobs, "--no-cache"],
                                                     environment: environment)
        #expect(!output.contains(Self.label))
    }
}
