import ArgumentParser
import Foundation
import ProfileLint

@main
struct ProfileLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profilelint",
        abstract: "Lint freelance-marketplace profiles against job posts.",
        version: ToolVersion.text,
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: LintCommand.self
    )

    /// Parses and runs like argument-parser's own `main`, with profilelint's exit codes:
    /// a usage error exits 2 (never argument-parser's 64) with `profilelint: error: ...` and the
    /// usage on stderr; a `CLIError` exits 2; `ExitCode`s pass through.
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitOnParseError(error)
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
            exit(withError: error)
        }
    }

    /// Help and version requests print and exit 0; anything else is a usage error (exit 2).
    static func exitOnParseError(_ error: any Error) -> Never {
        if exitCode(for: error) == .success { exit(withError: error) }
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
