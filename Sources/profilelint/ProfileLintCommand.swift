import ArgumentParser
import Foundation
import ProfileLint

@main
struct ProfileLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profilelint",
        abstract: "Lint freelance-marketplace profiles against job posts.",
        version: ToolVersion.text,
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, SuggestCommand.self, CompareCommand.self,
                      LSPCommand.self, InitCommand.self, CacheCommand.self],
        defaultSubcommand: LintCommand.self
    )

    /// Parses (a plain `lint` invocation directly, see `LintDispatch`) and runs like
    /// argument-parser's own `main`, with profilelint's exit codes:
    /// a usage error exits 2 (never argument-parser's 64) with `profilelint: error: ...` and the
    /// usage on stderr; a `CLIError` or any other error a subcommand throws exits 2;
    /// `ExitCode`s (the lint status) and help/version requests pass through.
    static func main() async {
        StandardOutput.prepareStandardDescriptors()
        let command: any ParsableCommand
        if let lint = LintDispatch.parse(Array(CommandLine.arguments.dropFirst())) {
            command = lint
        } else {
            do { command = try parseAsRoot() } catch { exitWithError(error) }
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let error as CLIError {
            StandardError.write(error.text)
            Foundation.exit(2)
        } catch {
            exitWithError(error)
        }
    }

    /// `ExitCode`s exit with their status; help and version go to standard output
    /// (a failed write is an error); anything else prints `profilelint: error: ...` (with
    /// the usage after a parse error) and exits 2.
    static func exitWithError(_ error: any Error) -> Never {
        // A status (lint findings): argument-parser prints nothing for it, so exit at once
        // rather than have it work out a message and the usage.
        if let status = error as? ExitCode { Foundation.exit(status.rawValue) }
        let code = exitCode(for: error)
        if code == .success {
            let text = fullMessage(for: error)
            do { if !text.isEmpty { try StandardOutput.write(text + "\n") } } catch {
                StandardError.write(error.text)
                Foundation.exit(2)
            }
            Foundation.exit(0)
        }
        var text = fullMessage(for: error)
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        StandardError.write("profilelint: error: " + text)
        Foundation.exit(2)
    }
}

/// The version `--version` prints.
enum ToolVersion {
    static let text = "\(ToolInfo.name) \(ToolInfo.version)"
}
