import Foundation
import Testing

/// Every exit-status path of SPEC §5.
@Suite struct ExitStatusTests {
    @Test func zeroWhenNothingReachesFailOn() throws {
        #expect(try CLI.run(["lint", "clean.yaml"]).status == 0)
        #expect(try CLI.run(["lint", "few-skills.yaml"]).status == 0)
        #expect(try CLI.run(["lint", "no-languages.yaml"]).status == 0)
    }

    @Test func oneForAnErrorFinding() throws {
        #expect(try CLI.run(["lint", "too-many-skills.yaml"]).status == 1)
    }

    @Test func oneForAProfileThatDoesNotParseAndTheOthersAreStillLinted() throws {
        let output = try CLI.run(["lint", "broken.yaml", "few-skills.yaml"])
        #expect(output.status == 1)
        let parseError = output.stdout.split(separator: "\n").first { $0.hasPrefix("broken.yaml:") }
        #expect(parseError?.contains(": error: ") == true)
        #expect(parseError?.hasSuffix("[parse-error]") == true)
        #expect(output.stdout.contains("few-skills.yaml:2:9: warning:"))
    }

    @Test func failOnLowersTheThreshold() throws {
        #expect(try CLI.run(["lint", "--fail-on", "warning", "few-skills.yaml"]).status == 1)
        #expect(try CLI.run(["lint", "--fail-on", "warning", "no-languages.yaml"]).status == 0)
        #expect(try CLI.run(["lint", "--fail-on", "info", "no-languages.yaml"]).status == 1)
        #expect(try CLI.run(["lint", "--fail-on", "info", "clean.yaml"]).status == 0)
        #expect(try CLI.run(["lint", "--fail-on", "error", "too-many-skills.yaml"]).status == 1)
    }

    @Test func maxWarnings() throws {
        let files = ["few-skills.yaml", "few-skills-2.yaml"]
        #expect(try CLI.run(["lint", "--max-warnings", "2"] + files).status == 0)
        let over = try CLI.run(["lint", "--max-warnings", "1"] + files)
        #expect(over.status == 1)
        #expect(over.stderr == "profilelint: error: 2 warnings, more than --max-warnings 1\n")
        #expect(try CLI.run(["lint", "--max-warnings", "0", "clean.yaml"]).status == 0)
        // --quiet hides the warnings but they still count.
        let quiet = try CLI.run(["lint", "--quiet", "--max-warnings", "0"] + files)
        #expect(quiet.status == 1 && quiet.stdout.isEmpty)
    }

    @Test func exitZeroIgnoresFindingsButNotErrorsOfTheTool() throws {
        let findings = try CLI.run(["lint", "--exit-zero", "--max-warnings", "0", "too-many-skills.yaml", "few-skills.yaml"])
        #expect(findings.status == 0)
        #expect(findings.stdout.contains("[skills-max]"))
        #expect(findings.stderr.isEmpty)
        #expect(try CLI.run(["lint", "--exit-zero", "missing.yaml"]).status == 2)
    }

    @Test func twoForAMissingPath() throws {
        let output = try CLI.run(["lint", "clean.yaml", "missing.yaml"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "profilelint: error: 'missing.yaml' does not exist\n")
    }

    @Test func twoForAnUnreadableFile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var path = directory.appendingPathComponent("locked.yaml").path
        try "title: Locked\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        if getuid() == 0 {
            // Permission bits do not stop root; /proc/self/mem exists but cannot be read from offset 0.
            try #require(FileManager.default.fileExists(atPath: "/proc/self/mem"), "needs an unreadable file")
            path = "/proc/self/mem"
        }
        let output = try CLI.run(["lint", path])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("profilelint: error: cannot read '\(path)'"))
    }

    @Test func twoForADirectoryWithoutProfiles() throws {
        let output = try CLI.run(["lint", "empty-dir"])
        #expect(output.status == 2)
        #expect(output.stderr == "profilelint: error: no profile files (*.yaml, *.yml, *.json) in 'empty-dir'\n")
    }

    /// A directory whose YAML and JSON files are all something else says so, rather than
    /// leaving the user to wonder why their file was not found.
    @Test func twoForADirectoryOfOtherYAMLFilesSayingNoneIsAProfile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "services: {web: {image: nginx}}\n".write(to: directory.appendingPathComponent("compose.yaml"), atomically: true, encoding: .utf8)
        try "{\"name\": \"app\"}\n".write(to: directory.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        let output = try CLI.run(["lint", directory.path])
        #expect(output.status == 2)
        #expect(output.stderr == "profilelint: error: no profile files (*.yaml, *.yml, *.json) in '\(directory.path)'; none of the 2 YAML or JSON "
            + "files there is a profile (a map with a profile key such as 'title', 'overview' or 'skills')\n")
    }

    @Test func twoWithoutFilesInADirectoryWithoutProfiles() throws {
        let output = try CLI.run(["lint"], in: CLI.fixtures.appendingPathComponent("empty-dir"))
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("profilelint: error: no profile files (*.yaml, *.yml, *.json) in '.'"))
    }

    @Test func twoForAnInvalidRuleFileWithItsLocation() throws {
        let output = try CLI.run(["lint", "--rules", "bad-rules", "clean.yaml"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("bad-rules/broken-kind.yml:2:7: error: unknown check kind 'cuont'"))
    }

    @Test func twoForAMissingRuleDirectory() throws {
        let output = try CLI.run(["lint", "--rules", "no-such-rules", "clean.yaml"])
        #expect(output.status == 2)
        #expect(output.stderr == "profilelint: error: rule directory 'no-such-rules' does not exist\n")
        let file = try CLI.run(["lint", "--rules", "clean.yaml", "clean.yaml"])
        #expect(file.status == 2)
        #expect(file.stderr == "profilelint: error: 'clean.yaml' given to --rules is not a directory\n")
    }

    @Test func twoForAnUnwritableOutput() throws {
        let output = try CLI.run(["lint", "--output", "clean.yaml/report.txt", "clean.yaml"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("profilelint: error: cannot write 'clean.yaml/report.txt'"))
    }

    /// Usage errors exit 2 (never argument-parser's 64) with the message and usage on stderr.
    @Test(arguments: [
        ["lint", "--format", "xml", "clean.yaml"],
        ["lint", "--fail-on", "fatal", "clean.yaml"],
        ["lint", "--bogus", "clean.yaml"],
        ["lint", "--jobs", "0", "clean.yaml"],
        ["lint", "--max-warnings=-1", "clean.yaml"],
        ["lint", "--max-warnings", "many", "clean.yaml"],
        ["explain"],
        ["rules", "extra"],
    ])
    func twoForUsageErrors(_ arguments: [String]) throws {
        let output = try CLI.run(arguments)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("profilelint: error: "))
        #expect(output.stderr.contains("Usage: profilelint"))
    }

    @Test func badFormatListsTheFormats() throws {
        let output = try CLI.run(["lint", "--format", "xml", "clean.yaml"])
        for format in ["text", "json", "sarif", "github", "checkstyle", "junit", "rdjsonl"] {
            #expect(output.stderr.contains("- \(format)"))
        }
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS"))
        let lintHelp = try CLI.run(["lint", "--help"])
        #expect(lintHelp.status == 0)
        #expect(lintHelp.stdout.contains("--max-warnings"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("profilelint "))
    }
}
