import ArgumentParser
import ProfileLint
import ProfileLintServer

/// `profilelint lsp`: a Language Server on standard input and output.
struct LSPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the Language Server (LSP 3.17) on stdin/stdout.",
        discussion: """
        Editors start it themselves (Neovim, VS Code, Helix, Emacs and others): \
        \(ToolInfo.informationURI)/blob/main/docs/editors.md
        """)

    func run() async throws {
        let status = await StdioServer.serve()
        if status != 0 { throw ExitCode(status) }
    }
}
