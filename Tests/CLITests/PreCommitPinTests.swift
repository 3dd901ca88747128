import Foundation
import Testing

/// docs/ci.md pins the pre-commit `rev` to a commit of this repository that holds the hooks
/// the example uses, so the configuration runs as written.
@Suite struct PreCommitPinTests {
    /// Runs git in the repository: its status and standard output.
    static func git(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", CLI.root.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether the checkout has its full git history (not a source archive or a shallow clone).
    static let hasHistory = git(["rev-parse", "--verify", "HEAD"]).status == 0
        && git(["rev-parse", "--is-shallow-repository"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "false"

    @Test(.enabled(if: hasHistory, "the checkout has no full git history (a source archive or a shallow clone): the pinned rev cannot be looked up"))
    func theDocumentedRevIsACommitOfThisRepositoryThatHasTheHooks() throws {
        let doc = try String(contentsOf: CLI.root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        let revs = doc.matches(of: /rev: ([0-9a-f]{40})\b/).map { String($0.1) }
        try #require(!revs.isEmpty, "docs/ci.md pins no rev to a 40-hex commit id")
        let hookIDs = Set(doc.matches(of: /- id: ([a-z-]+)/).map { String($0.1) })
        #expect(!hookIDs.isEmpty)
        for rev in revs {
            #expect(rev != String(repeating: "0", count: 40), "docs/ci.md still has the all-zeros placeholder")
            #expect(Self.git(["cat-file", "-e", "\(rev)^{commit}"]).status == 0, "\(rev) is not a commit of this repository")
            #expect(Self.git(["merge-base", "--is-ancestor", rev, "HEAD"]).status == 0, "\(rev) is not in the history of HEAD")
            let hooks = Self.git(["show", "\(rev):.pre-commit-hooks.yaml"])
            #expect(hooks.status == 0, "\(rev) has no .pre-commit-hooks.yaml")
            for id in hookIDs {
                #expect(hooks.output.contains("\n- id: \(id)\n"), "the hooks file at \(rev) has no hook '\(id)'")
            }
        }
    }
}
