import Foundation
import Testing

/// `lint --format html --output FILE` end to end: the page is written whole, and a path that
/// cannot be written gets a clear error, exit 2, and nothing half-written.
@Suite struct HTMLReportCLITests {
    static let example = CLI.root.appendingPathComponent("examples/weak-profile.yaml").path
    static let corpus = CLI.root.appendingPathComponent("examples/jobs").path

    /// The shipped profile whose niche the example corpus holds (the weak one fits no niche).
    static let fitting = CLI.root.appendingPathComponent("examples/strong-profile.yaml").path

    static func lint(output: String, profile: String = example) throws -> CLI.Output {
        try CLI.run(["lint", profile, "--corpus", corpus, "--no-cache", "--format", "html", "--output", output],
                    environment: CLI.environment(defaultRules: true))
    }

    @Test func writesTheWholePageWithChartsForTheShippedExample() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("reports/weak.html").path
        let output = try Self.lint(output: path, profile: Self.fitting)
        #expect(output.status != 2, "\(output.stderr)")
        #expect(output.stdout.isEmpty)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("Skill tags clients use"))
        #expect(html.contains("Your rate among the clients&apos; budgets") || html.contains("Your rate among the clients' budgets"))
        #expect(html.contains("Completeness"))
        #expect(html.contains("Posts compared"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("reports").path) == ["weak.html"])
    }

    @Test func anOutputUnderARegularFileIsAnError() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("not-a-directory")
        try Data("keep\n".utf8).write(to: blocker)
        let output = try Self.lint(output: blocker.path + "/report.html")
        #expect(output.status == 2)
        #expect(output.stderr.contains("profilelint: error: cannot write"), "\(output.stderr)")
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "keep\n")
    }

    @Test func anOutputThatIsADirectoryIsLeftAlone() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.html")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: target.appendingPathComponent("inside.txt"))
        let output = try Self.lint(output: target.path)
        #expect(output.status == 2)
        #expect(output.stderr.contains("cannot write"), "\(output.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["inside.txt"])
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.html"])
    }
}
