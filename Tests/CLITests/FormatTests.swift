import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every `--format` end to end, compared with goldens under `Tests/Fixtures/cli/expected/`
/// (the working directory, which SARIF records, is replaced by `<CWD>`). `UPDATE_GOLDENS=1`
/// rewrites them and fails the run.
@Suite struct FormatTests {
    static let files = ["few-skills.yaml", "too-many-skills.yaml", "no-languages.yaml", "clean.yaml"]
    static let goldens: [(format: String, file: String)] = [
        ("text", "text.txt"), ("json", "report.json"), ("sarif", "report.sarif"), ("github", "github.txt"),
        ("checkstyle", "checkstyle.xml"), ("junit", "junit.xml"), ("rdjsonl", "report.rdjsonl"), ("html", "report.html"),
    ]

    static func run(_ format: String) throws -> CLI.Output {
        try CLI.run(["lint", "--format", format] + files)
    }

    @Test(arguments: goldens.map(\.format))
    func matchesGolden(_ format: String) throws {
        let output = try Self.run(format)
        #expect(output.status == 1)
        #expect(output.stderr.isEmpty)
        let cwd = CLI.fixtures.standardizedFileURL.path
        let actual = output.stdout.replacingOccurrences(of: "file://" + cwd, with: "file://<CWD>")
        let name = try #require(Self.goldens.first { $0.format == format }?.file)
        let url = CLI.fixtures.appendingPathComponent("expected/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("rewrote \(name); unset UPDATE_GOLDENS and review the diff")
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs; UPDATE_GOLDENS=1 regenerates it")
    }

    @Test func jsonAndSarifParseAndRdjsonlIsOneObjectPerLine() throws {
        for format in ["json", "sarif"] {
            let object = try JSONSerialization.jsonObject(with: Data(try Self.run(format).stdout.utf8))
            #expect(object is [String: Any], "\(format)")
        }
        let lines = try Self.run("rdjsonl").stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["severity"] is String && object["location"] is [String: Any])
        }
    }

    @Test func sarifURIsAreRelativeToTheWorkingDirectory() throws {
        let sarif = try Self.run("sarif").stdout
        #expect(sarif.contains("\"uri\": \"few-skills.yaml\""))
        #expect(sarif.contains("\"uriBaseId\": \"%SRCROOT%\""))
        #expect(sarif.contains("\"uri\": \"file://\(CLI.fixtures.standardizedFileURL.path)/\""))
    }

    @Test func xmlFormatsAreWellFormed() throws {
        for format in ["checkstyle", "junit"] {
            let document = try XMLDocument(data: Data(try Self.run(format).stdout.utf8))
            #expect(document.rootElement() != nil, "\(format)")
        }
    }

    @Test func githubAnnotationsUseNoticeForInfo() throws {
        let lines = try Self.run("github").stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("::notice file=no-languages.yaml,line=3,col=12,") && $0.hasSuffix(",title=languages-min::no languages listed; add at least 1") })
        #expect(lines.contains { $0.hasPrefix("::error file=too-many-skills.yaml,line=2,col=84,") })
        #expect(lines.contains { $0.hasPrefix("::warning file=few-skills.yaml,line=2,col=9,") })
    }

    /// JUnit fails a test case exactly when the finding reaches `--fail-on`.
    @Test func junitFailuresFollowFailOn() throws {
        let byDefault = try CLI.run(["lint", "--format", "junit", "few-skills.yaml"])
        #expect(byDefault.status == 0)
        #expect(byDefault.stdout.contains("<testsuites name=\"profilelint\" tests=\"1\" failures=\"0\" errors=\"0\">"))
        #expect(byDefault.stdout.contains("<system-out>few-skills.yaml:2:9: warning: only 2 skill tags"))
        let strict = try CLI.run(["lint", "--format", "junit", "--fail-on", "warning", "few-skills.yaml"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("failures=\"1\""))
        #expect(strict.stdout.contains("<failure type=\"warning\" message=\"only 2 skill tags; list at least 3\">"))
    }
}
