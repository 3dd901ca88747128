import Foundation
import Testing

/// What the command line answers to each invocation — help, usage, version, completion scripts,
/// parse and validation errors, and plain lints by the explicit and the default subcommand —
/// compared byte for byte (status, standard output, standard error) with
/// `Tests/Fixtures/cli/expected/arguments.json`. The goldens were recorded from the binary before
/// `lint` invocations got a direct parse (`LintDispatch`), so the shortcut must answer every one
/// of them as the full argument-parser tree does. `UPDATE_GOLDENS=1` rewrites the file (from the
/// binary `GOLDEN_BINARY` names, else this build's) and fails the run.
@Suite struct ArgumentParsingGoldenTests {
    static let invocations: [[String]] = [
        // Help and usage, at the root, per command and through `help`.
        ["--help"], ["-h"], ["help"], ["help", "lint"], ["help", "rules"], ["help", "nope"],
        ["lint", "--help"], ["lint", "-h"], ["lint", "--help-hidden"], ["lint", "few-skills.yaml", "--help"],
        ["few-skills.yaml", "--help"], ["--help", "few-skills.yaml"], ["--format", "json", "-h"],
        ["rules", "--help"], ["explain", "--help"], ["suggest", "-h"], ["compare", "--help"],
        ["init", "--help"], ["cache", "--help"], ["lsp", "--help"], ["cache", "clean", "--help"],
        // Version and completion scripts.
        ["--version"], ["lint", "--version"], ["few-skills.yaml", "--version"],
        ["--generate-completion-script", "bash"], ["--generate-completion-script", "zsh"],
        ["--generate-completion-script", "fish"], ["lint", "--generate-completion-script", "bash"],
        ["--generate-completion-script"], ["lint", "--experimental-dump-help"],
        // Parse errors: unknown options, missing and bad values, extra arguments.
        ["--bogus"], ["lint", "--bogus"], ["lint", "few-skills.yaml", "--bogus"], ["lint", "--format"],
        ["lint", "--format", "xml", "few-skills.yaml"], ["--format", "xml", "few-skills.yaml"],
        ["lint", "--fail-on", "nope", "few-skills.yaml"], ["lint", "--fit-posts", "x", "few-skills.yaml"],
        ["lint", "--jobs", "many"], ["lint", "--color"], ["lint", "--quiet=yes", "few-skills.yaml"],
        ["lint", "-q", "few-skills.yaml"], ["rules", "--bogus"], ["rules", "extra"], ["explain"],
        ["compare"], ["cache", "bogus"],
        // Validation errors (`validate()`).
        ["lint", "--max-warnings", "-1", "few-skills.yaml"], ["lint", "--jobs", "0", "few-skills.yaml"],
        ["lint", "--fit-posts", "-1", "few-skills.yaml"], ["lint", "-", "-"], ["lint", "--stdin-filename", "x.yaml"],
        ["lint", "--fix", "-"], ["lint", "--dry-run", "few-skills.yaml"],
        ["lint", "--fix", "--dry-run", "--write-baseline", "b.json", "few-skills.yaml"],
        ["--max-warnings", "-1", "few-skills.yaml"],
        // Lints: the explicit and the default subcommand, options before and after the files,
        // `=` values, the terminator, a file named like a subcommand, missing paths.
        ["lint", "few-skills.yaml"], ["few-skills.yaml"], ["lint", "--format", "json", "few-skills.yaml"],
        ["--format", "json", "few-skills.yaml"], ["lint", "--format=json", "few-skills.yaml"],
        ["lint", "few-skills.yaml", "--format", "github", "--fail-on", "warning"],
        ["lint", "--", "few-skills.yaml"], ["--", "few-skills.yaml"], ["lint", "--", "--format"],
        ["lint", "rules"], ["lint", "help"], ["--", "rules"], [], ["-", "--stdin-filename", "x.yaml"], ["few-skills.yaml", "lint"], ["few-skills.yaml", "rules"], ["missing.yaml"],
        ["lint", "--quiet", "--no-color", "--exit-zero", "few-skills.yaml", "clean.yaml"],
        ["lint", "--max-warnings", "0", "clean.yaml"], ["lint", "--print-config", "clean.yaml"],
        ["lint", "--rules", "extra-rules", "--jobs", "1", "clean.yaml"],
        // Other commands, so the default-subcommand shortcut never takes them.
        ["rules"], ["rules", "--format", "text"], ["explain", "few-skills"], ["explain", "nope"],
    ]

    static let goldenURL = CLI.fixtures.appendingPathComponent("expected/arguments.json")

    /// One recorded answer.
    struct Answer: Codable, Equatable {
        var arguments: [String]
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The answer of `binary` (default: this build's) to `arguments`, in the CLI fixtures with a
    /// fixed width for help texts and a fixed `SHELL` (a bare `--generate-completion-script`
    /// picks the script from it, and CI may not set it); the fixtures' path reads `<FIXTURES>`.
    static func answer(_ arguments: [String], binary: URL? = nil) throws -> Answer {
        let environment = CLI.environment(["COLUMNS": "80", "LINES": "24", "SHELL": "/bin/bash"])
        let output = try CLI.run(arguments, environment: environment, executable: binary)
        let fixtures = CLI.fixtures.standardizedFileURL.path
        func portable(_ text: String) -> String { text.replacingOccurrences(of: fixtures, with: "<FIXTURES>") }
        return Answer(arguments: arguments, status: output.status, stdout: portable(output.stdout), stderr: portable(output.stderr))
    }

    static func recorded() throws -> [Answer] {
        try JSONDecoder().decode([Answer].self, from: Data(contentsOf: goldenURL))
    }

    @Test func everyInvocationIsRecordedOnce() throws {
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            let binary = ProcessInfo.processInfo.environment["GOLDEN_BINARY"].map(URL.init(fileURLWithPath:))
            let answers = try Self.invocations.map { try Self.answer($0, binary: binary) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(answers).write(to: Self.goldenURL)
            Issue.record("rewrote \(Self.goldenURL.lastPathComponent); unset UPDATE_GOLDENS and review the diff")
            return
        }
        #expect(try Self.recorded().map(\.arguments) == Self.invocations)
    }

    @Test(arguments: invocations)
    func answersAsRecorded(_ arguments: [String]) throws {
        guard ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != "1" else { return }
        let expected = try #require(try Self.recorded().first { $0.arguments == arguments }, "\(arguments) is not recorded")
        let actual = try Self.answer(arguments)
        #expect(actual.status == expected.status, "\(arguments)")
        #expect(actual.stdout == expected.stdout, "\(arguments): standard output differs")
        #expect(actual.stderr == expected.stderr, "\(arguments): standard error differs")
    }
}
