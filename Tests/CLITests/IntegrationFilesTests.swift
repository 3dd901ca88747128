import Foundation
import Testing

/// `.pre-commit-hooks.yaml` and `docs/github-workflow.yml` are read as YAML (python3 +
/// PyYAML 6.0.3 converts them to JSON) and checked against what the CLI accepts.
@Suite struct IntegrationFilesTests {
    static func yamlAsJSON(_ relativePath: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
                             CLI.root.appendingPathComponent(relativePath).path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with PyYAML could not read \(relativePath)")
        return try JSONSerialization.jsonObject(with: data)
    }

    @Test func preCommitHooksRunLintOnProfilesOnly() throws {
        let hooks = try #require(try Self.yamlAsJSON(".pre-commit-hooks.yaml") as? [[String: Any]])
        #expect(hooks.map { $0["id"] as? String } == ["profilelint", "profilelint-system"])
        for hook in hooks {
            #expect(hook["entry"] as? String == "profilelint lint --only-profiles")
            #expect(["swift", "system"].contains(hook["language"] as? String ?? ""))
            #expect(hook["types_or"] as? [String] == ["yaml", "json"])
            let exclude = try NSRegularExpression(pattern: try #require(hook["exclude"] as? String))
            func excluded(_ path: String) -> Bool {
                exclude.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            }
            #expect(!excluded("profile.yaml") && !excluded("profiles/video-editor.yml") && !excluded("me.json"))
            #expect(excluded(".profilelint.yml") && excluded(".github/workflows/ci.yml"))
            #expect(excluded("jobs/post-1.yaml") && excluded("data/jobs/post-2.json"))
        }
    }

    @Test func workflowLintsToSarifAndUploadsThatFile() throws {
        let workflow = try #require(try Self.yamlAsJSON("docs/github-workflow.yml") as? [String: Any])
        let permissions = try #require(workflow["permissions"] as? [String: String])
        #expect(permissions["security-events"] == "write")
        let job = try #require((workflow["jobs"] as? [String: Any])?["lint"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        let lint = try #require(steps.first { $0["id"] as? String == "lint" })
        let command = try #require(lint["run"] as? String).split(separator: " ").map(String.init)
        #expect(command.contains("lint"))
        let format = try #require(command.firstIndex(of: "--format"))
        #expect(command[format + 1] == "sarif")
        let output = try #require(command.firstIndex(of: "--output"))
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        #expect((upload["with"] as? [String: String])?["sarif_file"] == command[output + 1])
    }

    @Test func workflowIsPinnedBoundedAndComplete() throws {
        let workflow = try #require(try Self.yamlAsJSON("docs/github-workflow.yml") as? [String: Any])
        let job = try #require((workflow["jobs"] as? [String: Any])?["lint"] as? [String: Any])
        #expect((job["timeout-minutes"] as? Int).map { $0 > 0 && $0 <= 60 } == true)
        let steps = try #require(job["steps"] as? [[String: Any]])
        let actions = steps.compactMap { $0["uses"] as? String }
        #expect(actions.count >= 4)
        for action in actions {
            #expect(action.range(of: #"@[0-9a-f]{40}$"#, options: .regularExpression) != nil, "\(action) is not pinned by commit")
        }
        for checkout in steps where (checkout["uses"] as? String)?.hasPrefix("actions/checkout@") == true {
            #expect((checkout["with"] as? [String: Any])?["persist-credentials"] as? Bool == false)
        }
        let cache = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true })
        #expect((cache["with"] as? [String: Any])?["path"] as? String == ".profilelint/.build")
        let build = try #require(steps.first { ($0["run"] as? String)?.contains("swift build") == true }?["run"] as? String)
        #expect(build.contains("libicu-dev") && build.contains("hyphen-en-us"))
    }
}
