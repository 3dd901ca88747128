import ArgumentParser

@main
struct ProfileLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profilelint",
        abstract: "Lint freelance-marketplace profiles against job posts.",
        subcommands: [LintCommand.self, LSPCommand.self],
        defaultSubcommand: LintCommand.self
    )
}
