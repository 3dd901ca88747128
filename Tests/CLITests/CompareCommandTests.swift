import Foundation
import Testing

/// `profilelint compare` end to end: two files, git revisions, every format, and bad input.
@Suite struct CompareCommandTests {
    static let weak = CLI.root.appendingPathComponent("examples/weak-profile.yaml")
    static let corpus = CLI.root.appendingPathComponent("examples/jobs").path

    /// A directory with `profile.yaml` (the weak example) and `edited.yaml` (a title within
    /// the limit and a rate above the minimum).
    static func workspace() throws -> URL {
        let directory = try CLI.temporaryDirectory()
        let text = try String(contentsOf: weak, encoding: .utf8)
        try text.write(to: directory.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("title:") { return "title: \"Power BI and SQL Data Analyst for Store Dashboards\"" }
            if line.hasPrefix("hourly_rate:") { return "hourly_rate: 45" }
            return String(line)
        }.joined(separator: "\n")
        try edited.write(to: directory.appendingPathComponent("edited.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    static func compare(_ arguments: [String], in directory: URL) throws -> CLI.Output {
        try CLI.run(["compare"] + arguments + ["--corpus", corpus, "--no-cache"], in: directory,
                    environment: CLI.environment(["NO_COLOR": "1"], defaultRules: true))
    }

    /// Runs git in `directory` with a throwaway identity; it must succeed.
    static func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func twoFilesInText() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try Self.compare(["profile.yaml", "edited.yaml"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("Before: profile.yaml\nAfter:  edited.yaml\n\nprofile\n"))
        #expect(output.stdout.contains("  Completeness "))
        #expect(output.stdout.contains("  Fitting posts "))
        #expect(output.stdout.contains("resolved:\n"))
        #expect(output.stdout.contains("profile.yaml:29:14: error: the hourly rate is 2 USD; the marketplace's minimum is 3 USD [hourly-rate-minimum]"))
        #expect(output.stdout.contains("[title-length]"))
    }

    @Test func gitRevisionAgainstTheWorkingTreeInJSON() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let git = { (arguments: [String]) throws in try Self.git(arguments, in: directory) }
        try git(["init", "-q"])
        try git(["add", "profile.yaml"])
        try git(["commit", "-q", "-m", "v1"])
        try FileManager.default.removeItem(at: directory.appendingPathComponent("profile.yaml"))
        try FileManager.default.moveItem(at: directory.appendingPathComponent("edited.yaml"), to: directory.appendingPathComponent("profile.yaml"))
        let output = try Self.compare(["HEAD:profile.yaml", "profile.yaml", "--format", "json"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["before"] as? String == "HEAD:profile.yaml")
        let findings = try #require(object["findings"] as? [String: Any])
        let resolved = try #require(findings["resolved"] as? [[String: Any]])
        #expect(resolved.contains { $0["rule"] as? String == "hourly-rate-minimum" })
        let section = try #require((object["sections"] as? [[String: Any]])?.first)
        #expect((section["fitting_posts"] as? [String: Any])?["after"] is Double)

        let missing = try Self.compare(["HEAD~5:profile.yaml", "profile.yaml"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("profilelint: error: cannot read 'HEAD~5:profile.yaml': "), "\(missing.stderr)")
    }

    @Test func aRevisionOverTheSizeLimitStopsGitAndFailsWithTheSizeMessage() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let git = { (arguments: [String]) throws in try Self.git(arguments, in: directory) }
        // 3 MiB: larger than the 1 MiB profile limit and than any pipe buffer.
        let big = "title: x\n" + String(repeating: "# \(String(repeating: "a", count: 60))\n", count: 50_000)
        try big.write(to: directory.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
        try git(["init", "-q"])
        try git(["add", "big.yaml"])
        try git(["commit", "-q", "-m", "big"])
        let output = try Self.compare(["HEAD:big.yaml", "edited.yaml"], in: directory)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "profilelint: error: cannot read 'HEAD:big.yaml': the input is larger than the limit of 1 MiB\n")
    }

    @Test func htmlToAFile() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try Self.compare(["profile.yaml", "edited.yaml", "--format", "html", "--output", "out/changes.html"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        let html = try String(contentsOf: directory.appendingPathComponent("out/changes.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h2>Resolved <span class=\"where\">· "))
    }

    @Test func badInputExitsTwo() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try Self.compare(["nope.yaml", "edited.yaml"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read 'nope.yaml': no such file"), "\(missing.stderr)")
        let folder = try Self.compare([".", "edited.yaml"], in: directory)
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("is a directory"), "\(folder.stderr)")
        let one = try Self.compare(["edited.yaml"], in: directory)
        #expect(one.status == 2)
    }
}
