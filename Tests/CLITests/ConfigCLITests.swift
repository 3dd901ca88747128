import Foundation
import Testing

/// End-to-end tests of the configuration, suppression, baseline and fix options.
/// They run in `Tests/Fixtures/config/cli` with `Tests/Fixtures/config/rules` as the default pack.
enum ConfigCLI {
    static let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures/config/cli")
    static let rules = CLI.root.appendingPathComponent("Tests/Fixtures/config/rules").path

    static func run(_ arguments: [String], in directory: URL = fixtures) throws -> CLI.Output {
        try CLI.run(arguments, in: directory, environment: CLI.environment(["PROFILELINT_RULES": rules]))
    }

    /// A temporary copy of the CLI fixtures (for tests that write files), removed by the caller.
    static func copy() throws -> URL {
        let directory = try CLI.temporaryDirectory()
        let target = directory.appendingPathComponent("cli")
        try FileManager.default.copyItem(at: fixtures, to: target)
        return target
    }
}

@Suite struct ConfigCLITests {
    @Test func noFilesLintsTheConfiguredProfiles() throws {
        let output = try ConfigCLI.run(["lint"])
        #expect(output.status == 1)
        #expect(output.stdout == """
            profile.yaml:2:31: error: 3 languages listed; keep the 2 you work in [languages-limit]
            profile.yaml:4:3: warning: 1 portfolio items; show at least 2 [portfolio-minimum]
            specialized/payroll.yaml:4:3: warning: 1 portfolio items; show at least 2 [portfolio-minimum]
            1 error, 2 warnings, 0 info in 2 files

            """)
        #expect(output.stderr.isEmpty)
    }

    @Test func aNamedProfileFindsItsConfigurationUpward() throws {
        // Run from a subdirectory: the configuration in the parent raises portfolio-minimum from info to warning.
        let output = try ConfigCLI.run(["lint", "payroll.yaml"], in: ConfigCLI.fixtures.appendingPathComponent("specialized"))
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("payroll.yaml:4:3: warning: 1 portfolio items; show at least 2 [portfolio-minimum]\n"))
        // Without a configuration the rule file's own severity holds.
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: ConfigCLI.fixtures.appendingPathComponent("specialized/payroll.yaml"),
                                         to: directory.appendingPathComponent("payroll.yaml"))
        let unconfigured = try ConfigCLI.run(["lint", "payroll.yaml"], in: directory)
        #expect(unconfigured.stdout.hasPrefix("payroll.yaml:4:3: info: 1 portfolio items; show at least 2 [portfolio-minimum]\n"))
        let named = try ConfigCLI.run(["lint", "../profile.yaml"], in: ConfigCLI.fixtures.appendingPathComponent("specialized"))
        #expect(named.status == 1)
        #expect(named.stdout.hasPrefix("../profile.yaml:2:31: error: 3 languages listed; keep the 2 you work in [languages-limit]\n"))
    }

    @Test func explicitConfigReplacesDiscoveryAndItsPathsAreRelativeToIt() throws {
        let output = try ConfigCLI.run(["lint", "--config", "alternate/strict.yml"])
        #expect(output.status == 1)
        #expect(output.stdout == """
            specialized/payroll.yaml:4:3: error: 1 portfolio items; show at least 3 [portfolio-minimum]
            1 error, 0 warnings, 0 info in 1 file

            """)
        // With files named, --config still governs them (no languages-limit override: max 3 passes).
        let named = try ConfigCLI.run(["lint", "--config", "alternate/strict.yml", "profile.yaml"])
        #expect(named.stdout.hasPrefix("profile.yaml:4:3: error: 1 portfolio items; show at least 3 [portfolio-minimum]\n"))
        #expect(!named.stdout.contains("languages-limit"))
    }

    @Test func invalidConfigurationExitsTwoWithALocatedError() throws {
        let output = try ConfigCLI.run(["lint", "bad-config/profile.yaml"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "bad-config/.profilelint.yml:2:31: error: 'rules.languages-limit.severity' must be off, info, warning or error, not 'warn'; did you mean 'warning'?\n")
    }

    @Test func unknownRuleAndBadParameterInAConfigExitTwo() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "title: x\n".write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        try "rules:\n  languages-limt: off\n".write(to: directory.appendingPathComponent("unknown.yml"), atomically: true, encoding: .utf8)
        try "rules:\n  languages-limit: {max: plenty}\n".write(to: directory.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        let unknown = try ConfigCLI.run(["lint", "--config", "unknown.yml", "p.yaml"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "unknown.yml:2:3: error: unknown rule id 'languages-limt'; did you mean 'languages-limit'?\n")
        let bad = try ConfigCLI.run(["lint", "--config", "bad.yml", "p.yaml"], in: directory)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("bad.yml:2:26: error: 'max' must be a whole number"))
        let missing = try ConfigCLI.run(["lint", "--config", "nope.yml", "p.yaml"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr == "nope.yml:1:1: error: the configuration file does not exist\n")
    }

    @Test func noFilesAndNoConfigurationLintsTheCurrentDirectory() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = try ConfigCLI.run(["lint"], in: directory)
        #expect(empty.status == 2)
        #expect(empty.stderr == "profilelint: error: no profile files (*.yaml, *.yml, *.json) in '.'\n")
        try "title: Data Analyst\n".write(to: directory.appendingPathComponent("me.yaml"), atomically: true, encoding: .utf8)
        let output = try ConfigCLI.run(["lint"], in: directory)
        #expect(output.status == 0 && output.stdout.hasSuffix(" in 1 file\n"), "\(output.stderr)")
    }

    @Test func inlineSuppressionsSilenceFindingsAndReportUnusedOnes() throws {
        let output = try ConfigCLI.run(["lint", "suppressed.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout == """
            suppressed.yaml:4:52: warning: 'languages-limit' reports nothing here; remove it from this profilelint-disable-next-line comment [unused-suppression]
            0 errors, 1 warning, 0 info in 1 file

            """)
    }

    @Test func writeBaselineThenOnlyNewFindingsAreReported() throws {
        let directory = try ConfigCLI.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let written = try ConfigCLI.run(["lint", "--write-baseline", "baseline.json"], in: directory)
        #expect(written.status == 0)
        #expect(written.stdout == "no problems in 2 files\n")
        let json = try String(contentsOf: directory.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(json.contains("\"rule\" : \"languages-limit\""))
        #expect(json.contains("\"file\" : \"specialized/payroll.yaml\""))

        let clean = try ConfigCLI.run(["lint", "--baseline", "baseline.json"], in: directory)
        #expect(clean.status == 0)
        #expect(clean.stdout == "no problems in 2 files (3 accepted by the baseline)\n")

        // Shift every line down: the baseline still matches.
        let profile = directory.appendingPathComponent("profile.yaml")
        let original = try String(contentsOf: profile, encoding: .utf8)
        try ("# moved down\n\n" + original).write(to: profile, atomically: true, encoding: .utf8)
        #expect(try ConfigCLI.run(["lint", "--baseline", "baseline.json"], in: directory).stdout == "no problems in 2 files (3 accepted by the baseline)\n")

        // Change the flagged language: that finding is new.
        try ("# moved down\n\n" + original.replacingOccurrences(of: "Catalan", with: "Basque")).write(to: profile, atomically: true, encoding: .utf8)
        let changed = try ConfigCLI.run(["lint", "--baseline", "baseline.json"], in: directory)
        #expect(changed.status == 1)
        #expect(changed.stdout == """
            profile.yaml:4:31: error: 3 languages listed; keep the 2 you work in [languages-limit]
            1 error, 0 warnings, 0 info in 1 of 2 files (2 accepted by the baseline)

            """)
    }

    @Test func badBaselineFilesExitTwo() throws {
        let missing = try ConfigCLI.run(["lint", "--baseline", "no-such-baseline.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "no-such-baseline.json:1:1: error: cannot read the baseline file\n")
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.json")
        try "{\"version\": 7, \"entries\": []}\n".write(to: path, atomically: true, encoding: .utf8)
        let old = try ConfigCLI.run(["lint", "--baseline", path.path])
        #expect(old.status == 2)
        #expect(old.stderr == "\(path.path):1:13: error: unsupported baseline version 7; this profilelint reads version 1\n")
    }

    @Test func dryRunNeedsFix() throws {
        let output = try ConfigCLI.run(["lint", "--dry-run"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("profilelint: error: --dry-run needs --fix"))
        let baseline = try ConfigCLI.run(["lint", "--fix", "--dry-run", "--write-baseline", "b.json"])
        #expect(baseline.status == 2)
        #expect(baseline.stderr.hasPrefix("profilelint: error: --write-baseline cannot be combined with --dry-run"))
    }

    static let fixedDupes = """
        # Front-end profile with repeated skill tags (kept: this comment, quoting, order).
        title: "Front-end Developer"   # quoted on purpose
        skills: [React, 'TypeScript']
        languages:
          - English
        specialized_profiles:
          - title: Component Library Engineer
            skills:
              - Storybook
              - React.js   # an alias of React, not a repeat here

        """

    @Test func fixRewritesInPlaceKeepingPermissionsAndASecondRunChangesNothing() throws {
        let directory = try ConfigCLI.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let profile = directory.appendingPathComponent("dupes.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: profile.path)

        let first = try ConfigCLI.run(["lint", "--fix", "dupes.yaml"], in: directory)
        #expect(first.status == 0)
        #expect(first.stdout == "no problems in 1 file\n")
        #expect(first.stderr == "profilelint: applied 3 fixes in 1 file\n")
        #expect(try String(contentsOf: profile, encoding: .utf8) == Self.fixedDupes)
        let attributes = try FileManager.default.attributesOfItem(atPath: profile.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let second = try ConfigCLI.run(["lint", "--fix", "dupes.yaml"], in: directory)
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty)
        #expect(try String(contentsOf: profile, encoding: .utf8) == Self.fixedDupes)
    }

    @Test func fixReportsWhatRemains() throws {
        let directory = try ConfigCLI.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let profile = directory.appendingPathComponent("mixed.yaml")
        try "skills: [Vue, vue]\nlanguages: [English, French, German]\n".write(to: profile, atomically: true, encoding: .utf8)
        let output = try ConfigCLI.run(["lint", "--fix", "mixed.yaml"], in: directory)
        #expect(output.status == 1)
        #expect(output.stdout == """
            mixed.yaml:2:30: error: 3 languages listed; keep the 2 you work in [languages-limit]
            1 error, 0 warnings, 0 info in 1 file

            """)
        #expect(try String(contentsOf: profile, encoding: .utf8) == "skills: [Vue]\nlanguages: [English, French, German]\n")
    }

    @Test func dryRunPrintsAPatchableDiffAndWritesNothing() throws {
        let directory = try ConfigCLI.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let profile = directory.appendingPathComponent("dupes.yaml")
        let before = try Data(contentsOf: profile)
        let output = try ConfigCLI.run(["lint", "--fix", "--dry-run", "dupes.yaml"], in: directory)
        #expect(output.status == 0)
        #expect(try Data(contentsOf: profile) == before)
        #expect(output.stdout == """
            --- a/dupes.yaml
            +++ b/dupes.yaml
            @@ -1,6 +1,6 @@
             # Front-end profile with repeated skill tags (kept: this comment, quoting, order).
             title: "Front-end Developer"   # quoted on purpose
            -skills: [React, 'TypeScript', ReactJS, react]
            +skills: [React, 'TypeScript']
             languages:
               - English
             specialized_profiles:
            @@ -8,4 +8,3 @@
                 skills:
                   - Storybook
                   - React.js   # an alias of React, not a repeat here
            -      - storybook
            no problems in 1 file

            """)
        // The diff applies with `patch -p1` and gives what --fix writes.
        let diff = String(output.stdout.prefix(upTo: output.stdout.range(of: "no problems")!.lowerBound))
        try diff.write(to: directory.appendingPathComponent("fix.diff"), atomically: true, encoding: .utf8)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        patch.arguments = ["patch", "--quiet", "-p1", "-i", "fix.diff"]
        patch.currentDirectoryURL = directory
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
        #expect(try String(contentsOf: profile, encoding: .utf8) == Self.fixedDupes)
    }

    /// A CR-only file is one line to `patch`: the diff replaces it whole, ends with a
    /// newline, and the summary that follows starts a line of its own.
    @Test func dryRunOnACROnlyFileGivesADiffPatchApplies() throws {
        let directory = try ConfigCLI.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let profile = directory.appendingPathComponent("dupes.yaml")
        let lf = try String(contentsOf: profile, encoding: .utf8)
        try Data(lf.replacingOccurrences(of: "\n", with: "\r").utf8).write(to: profile)
        let output = try ConfigCLI.run(["lint", "--fix", "--dry-run", "dupes.yaml"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasSuffix("\\ No newline at end of file\nno problems in 1 file\n"), "\(output.stdout.debugDescription)")
        let diff = String(output.stdout.prefix(upTo: output.stdout.range(of: "no problems")!.lowerBound))
        try diff.write(to: directory.appendingPathComponent("fix.diff"), atomically: true, encoding: .utf8)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        patch.arguments = ["patch", "--quiet", "--binary", "-p1", "-i", "fix.diff"]
        patch.currentDirectoryURL = directory
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
        #expect(try Data(contentsOf: profile) == Data(Self.fixedDupes.replacingOccurrences(of: "\n", with: "\r").utf8))
    }

    @Test func theConfiguredCorpusIsLoadedAndAMissingOneExitsTwo() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "title: Analyst\n".write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        try "corpus: [posts.jsonl]\n".write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let missing = try ConfigCLI.run(["lint", "p.yaml"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr == ".profilelint.yml:1:10: error: corpus path 'posts.jsonl' does not exist\n")

        // One good post and one broken line: the broken one is reported on stderr, the run goes on.
        try "{\"title\": \"Quarterly sales report\", \"description\": \"Summarize three regions.\"}\n{not json\n"
            .write(to: directory.appendingPathComponent("posts.jsonl"), atomically: true, encoding: .utf8)
        let loaded = try ConfigCLI.run(["lint", "--no-cache", "p.yaml"], in: directory)
        #expect(loaded.status == 0)
        #expect(loaded.stderr.hasPrefix("posts.jsonl:2:"), "\(loaded.stderr)")
    }
}

@Suite struct ConfigErrorsCLITests {
    @Test func everyErrorOfAConfigurationIsPrintedOnItsOwnLineInFileOrder() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "title: x\n".write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        try "exclude: \"[x\"\nrules:\n  skills-limit: warn\nrule_dir: more\n"
            .write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let output = try ConfigCLI.run(["lint", "p.yaml"], in: directory)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == """
            .profilelint.yml:1:10: error: exclude pattern '[x' is not valid: '[' opens a character set that is not closed with ']'
            .profilelint.yml:3:17: error: 'rules.skills-limit' must be off, info, warning or error, not 'warn'; did you mean 'warning'?
            .profilelint.yml:4:1: error: unknown configuration key 'rule_dir'; did you mean 'rule_dirs'?

            """)
        // Bad overrides and bad parameter values, found at different stages, also come together.
        try "rules:\n  skills-limit: {max: many}\n  languages-limt: off\n"
            .write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let overrides = try ConfigCLI.run(["lint", "p.yaml"], in: directory)
        #expect(overrides.status == 2)
        let lines = overrides.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(overrides.stderr)")
        #expect(lines.first?.hasPrefix(".profilelint.yml:2:23: error: 'max' must be a whole number") == true)
        #expect(lines.last == ".profilelint.yml:3:3: error: unknown rule id 'languages-limt'; did you mean 'languages-limit'?")
    }

    @Test func contentAndRuleErrorsOfOneFileComeInOneRunInFileOrder() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "title: x\n".write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        // Mistakes in the file's content (2, 4, 6) and ones only the rules reveal (3, 5), plus a missing corpus (7).
        try """
            exclude: "[x"
            rules:
              skills-limit: {max: many}
              portfolio-minimum: warn
              languages-limt: off
            colour: auto
            corpus: posts/

            """.write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        for arguments in [["lint", "p.yaml"], ["lint"], ["rules"], ["lint", "--print-config", "p.yaml"]] {
            let output = try ConfigCLI.run(arguments, in: directory)
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stdout.isEmpty, "\(arguments)")
            let lines = output.stderr.split(separator: "\n").map(String.init)
            #expect(lines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
                ".profilelint.yml:1:10", ".profilelint.yml:3:23", ".profilelint.yml:4:22", ".profilelint.yml:5:3",
                ".profilelint.yml:6:1", ".profilelint.yml:7:9",
            ], "\(arguments): \(output.stderr)")
            #expect(lines.last == ".profilelint.yml:7:9: error: corpus path 'posts/' does not exist", "\(arguments)")
        }
    }
}
