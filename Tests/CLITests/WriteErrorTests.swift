import Foundation
import Testing

/// Every command reports a failed write to standard output (a full disk, a closed
/// descriptor) on standard error and exits 2: no crash, no silent loss.
@Suite struct WriteErrorTests {
    static let corpus = CLI.root.appendingPathComponent("examples/jobs").path

    /// Each command, with arguments that make it print something.
    static let commands: [[String]] = [
        ["lint", "too-many-skills.yaml"],
        ["lint", "--format", "json", "clean.yaml"],
        ["rules"],
        ["explain", "skills-max"],
        ["explain", "parse-error"],
        ["suggest", "too-many-skills.yaml", "--corpus", corpus],
        ["suggest", "--format", "json", "too-many-skills.yaml", "--corpus", corpus],
        ["--help"],
        ["lint", "--help"],
        ["--version"],
    ]

    /// Runs the binary through `sh` with `redirection` applied to its standard output.
    static func run(_ arguments: [String], redirection: String) throws -> CLI.Output {
        try CLI.run(["-c", "exec \"$0\" \"$@\" \(redirection)", CLI.binary.path] + arguments,
                    executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test(arguments: commands) func aFullDiskIsAnError(arguments: [String]) throws {
        let output = try Self.run(arguments, redirection: "> /dev/full")
        #expect(output.status == 2, "\(arguments): \(output.status) \(output.stderr)")
        #expect(output.stderr.hasSuffix("profilelint: error: cannot write to standard output: No space left on device\n"),
                "\(arguments): \(output.stderr)")
    }

    @Test(arguments: commands) func aClosedStandardOutputIsAnError(arguments: [String]) throws {
        let output = try Self.run(arguments, redirection: ">&-")
        #expect(output.status == 2, "\(arguments): \(output.status) \(output.stderr)")
        #expect(output.stderr.hasSuffix("profilelint: error: cannot write to standard output: Bad file descriptor\n"),
                "\(arguments): \(output.stderr)")
    }

    @Test func aFixDiffOnAFullDiskIsAnError() throws {
        let output = try CLI.run(["-c", "exec \"$0\" lint --fix --dry-run dupes.yaml > /dev/full", CLI.binary.path],
                                 in: ConfigCLI.fixtures, environment: CLI.environment(["PROFILELINT_RULES": ConfigCLI.rules]),
                                 executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr == "profilelint: error: cannot write to standard output: No space left on device\n")
    }
}
