import Foundation
import Testing

@Suite struct LintCommandTests {
    @Test func defaultRulePackFindsTooManySkills() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cli.yaml")
        try "skills: [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]\n".write(to: file, atomically: true, encoding: .utf8)
        let output = try CLI.run(["lint", file.path], environment: CLI.environment(defaultRules: true))
        #expect(output.status == 1)
        #expect(output.stdout.contains(":1:55: error: 16 skill tags"))
        #expect(output.stdout.contains("[skills-limit]"))
    }

    @Test func lintIsTheDefaultCommand() throws {
        let explicit = try CLI.run(["lint", "too-many-skills.yaml"])
        let implicit = try CLI.run(["too-many-skills.yaml"])
        #expect(implicit.status == 1)
        #expect(implicit.stdout == explicit.stdout)
        #expect(implicit.stdout.hasPrefix("too-many-skills.yaml:2:84: error: 7 skill tags; this test pack allows at most 6 [skills-max]\n"))
    }

    @Test func textOutputOnAPipeHasFindingsNotesFreeLinesAndASummary() throws {
        let output = try CLI.run(["lint", "few-skills.yaml", "no-languages.yaml", "clean.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout == """
        few-skills.yaml:2:9: warning: only 2 skill tags; list at least 3 [skills-min]
        no-languages.yaml:3:12: info: no languages listed; add at least 1 [languages-min]
        0 errors, 1 warning, 1 info in 2 of 3 files

        """)
        #expect(output.stderr.isEmpty)
    }

    @Test func cleanRunSaysSo() throws {
        let output = try CLI.run(["lint", "clean.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout == "no problems in 1 file\n")
    }

    @Test func directoriesAreSearchedSkippingHiddenAndJobsDirectories() throws {
        let output = try CLI.run(["lint", "--format", "json", "tree"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let paths = (document["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths == ["tree/a.yaml", "tree/sub/b.yml", "tree/sub/c.json"])
    }

    @Test func symbolicLinksToDirectoriesAreNotFollowed() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "skills: [One]\n".write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("loop"), withDestinationURL: directory)
        let output = try CLI.run(["lint", "--format", "json", "."], in: directory)
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((document["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["p.yaml"])
    }

    @Test func aFileNamedTwiceIsLintedOnce() throws {
        let output = try CLI.run(["lint", "few-skills.yaml", "./few-skills.yaml", "few-skills.yaml"])
        #expect(output.stdout.components(separatedBy: "[skills-min]").count == 2)
        #expect(output.stdout.hasSuffix("in 1 file\n"))
    }

    @Test func parallelJobsGiveTheSameOutput() throws {
        let files = ["tree", "clean.yaml", "few-skills.yaml", "few-skills-2.yaml", "no-languages.yaml", "too-many-skills.yaml", "broken.yaml"]
        let serial = try CLI.run(["lint", "--jobs", "1"] + files)
        let parallel = try CLI.run(["lint", "--jobs", "4"] + files)
        #expect(serial.status == 1 && parallel.status == 1)
        #expect(serial.stdout == parallel.stdout)
        #expect(serial.stdout.hasSuffix("3 errors, 3 warnings, 2 info in 8 of 9 files\n"))
    }

    @Test func extraRuleDirectoriesAddRules() throws {
        let without = try CLI.run(["lint", "clean.yaml"])
        #expect(!without.stdout.contains("portfolio-min"))
        let with = try CLI.run(["lint", "--rules", "extra-rules", "clean.yaml"])
        #expect(with.status == 0)
        #expect(with.stdout.contains("clean.yaml:9:3: warning: 1 portfolio items; show at least 2 [portfolio-min]"))
    }

    @Test func quietShowsOnlyFindingsAtTheFailLevelWithoutSummary() throws {
        let output = try CLI.run(["lint", "--quiet", "few-skills.yaml", "too-many-skills.yaml", "no-languages.yaml"])
        #expect(output.status == 1)
        #expect(output.stdout == "too-many-skills.yaml:2:84: error: 7 skill tags; this test pack allows at most 6 [skills-max]\n")
        let warnings = try CLI.run(["lint", "--quiet", "--fail-on", "warning", "few-skills.yaml", "no-languages.yaml"])
        #expect(warnings.status == 1)
        #expect(warnings.stdout == "few-skills.yaml:2:9: warning: only 2 skill tags; list at least 3 [skills-min]\n")
        let clean = try CLI.run(["lint", "--quiet", "clean.yaml"])
        #expect(clean.status == 0 && clean.stdout.isEmpty)
    }

    @Test func outputFileIsWrittenInNewDirectoriesAndNothingGoesToStdout() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("reports/nested/lint.sarif")
        let written = try CLI.run(["lint", "--format", "sarif", "--output", target.path, "few-skills.yaml"])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        let printed = try CLI.run(["lint", "--format", "sarif", "few-skills.yaml"])
        #expect(try String(contentsOf: target, encoding: .utf8) == printed.stdout)
        // A second run replaces the file whole.
        let again = try CLI.run(["lint", "--output", target.path, "clean.yaml"])
        #expect(again.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8) == "no problems in 1 file\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        #expect(leftovers == ["lint.sarif"])
    }

    @Test func textOutputToAFileHasNoColour() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.txt")
        _ = try CLI.run(["lint", "--output", target.path, "too-many-skills.yaml"])
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.hasPrefix("too-many-skills.yaml:2:84: error:"))
        #expect(!text.contains("\u{1B}["))
    }
}
