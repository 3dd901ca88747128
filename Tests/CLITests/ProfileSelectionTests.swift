import Foundation
import Testing

/// Walking directories lints profiles only, `exclude:` and `--exclude` leave files out, named
/// files are always linted (unless `--only-profiles`), and `lint` alone lints the current directory.
@Suite struct ProfileSelectionTests {
    /// A project with profiles and files that are not.
    static func project() throws -> URL {
        let directory = try CLI.temporaryDirectory()
        let files = [
            "me.yaml": "title: Shopify Developer\n",
            "drafts/d.yaml": "title: Draft\n",
            "web/node_modules/x/p.yaml": "title: Vendored\n",
            "package.json": #"{"name": "site", "version": "1.0.0"}"#,
            "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
            ".github/workflows/ci.yml": "name: ci\non: push\n",
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func linted(_ output: CLI.Output) -> [String] {
        guard let data = output.stdout.data(using: .utf8),
              let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = report["files"] as? [[String: Any]] else { return [] }
        return files.compactMap { $0["path"] as? String }
    }

    @Test func lintWithNoArgumentsWalksTheCurrentDirectoryForProfilesOnly() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["lint", "--format", "json"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(Self.linted(output) == ["drafts/d.yaml", "me.yaml", "web/node_modules/x/p.yaml"])
    }

    @Test func configurationAndCommandLineExcludes() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "exclude: [node_modules/]\n".write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let configured = try CLI.run(["lint", ".", "--format", "json"], in: directory)
        #expect(Self.linted(configured) == ["drafts/d.yaml", "me.yaml"], "\(configured.stderr)")
        let both = try CLI.run(["lint", "--format", "json", "--exclude", "drafts/**"], in: directory)
        #expect(Self.linted(both) == ["me.yaml"], "\(both.stderr)")
        // A named file is linted even when excluded or not a profile...
        let named = try CLI.run(["lint", "drafts/d.yaml", "package.json", "--format", "json", "--exclude", "drafts/"], in: directory)
        #expect(Self.linted(named) == ["drafts/d.yaml", "package.json"])
        // ...unless the hooks' --only-profiles selects them as a walk would.
        let hook = try CLI.run(["lint", "--only-profiles", "--format", "json", "--exclude", "drafts/", "drafts/d.yaml", "package.json",
                                "me.yaml", "docker-compose.yml", ".github/workflows/ci.yml", "web/node_modules/x/p.yaml"], in: directory)
        #expect(Self.linted(hook) == ["me.yaml"], "\(hook.stderr)")
    }

    @Test func badExcludePatternsExitTwo() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let flag = try CLI.run(["lint", "--exclude", "[abc"], in: directory)
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("--exclude '[abc' is not a valid pattern: '[' opens a character set that is not closed"))
        try "exclude:\n  - a**b\n".write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let configured = try CLI.run(["lint"], in: directory)
        #expect(configured.status == 2)
        #expect(configured.stderr.contains(".profilelint.yml:2:5: error: exclude pattern 'a**b' is not valid"), "\(configured.stderr)")
    }

    @Test func aDirectoryWithoutProfilesIsAnError() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"name": "x"}"#.write(to: directory.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        let output = try CLI.run(["lint"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains("no profile files (*.yaml, *.yml, *.json) in '.'"))
    }

    @Test func suggestOnADirectoryIsAnError() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["suggest", "drafts"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains("'drafts' is a directory; suggest takes one profile file"))
        #expect(output.stdout.isEmpty)
    }
}
