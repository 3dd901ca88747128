import ArgumentParser

@main
struct ProfileLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profilelint",
        abstract: "Lint freelance-marketplace profiles against job posts.",
        subcommands: [LintCommand.self, SuggestCommand.self],
        defaultSubcommand: LintCommand.self
    )
}
