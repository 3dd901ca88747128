import Foundation
import Testing

/// `--help` of every command, as a newcomer reads it: examples to copy, each value named,
/// no default said twice, and no repository file a user of an installed binary does not have.
@Suite struct HelpTextTests {
    static let commands = [["lint"], ["rules"], ["explain"], ["suggest"], ["compare"], ["init"], ["cache"], ["lsp"]]

    @Test(arguments: commands)
    func helpShowsExamplesAndNamesNoRepositoryFile(command: [String]) throws {
        let output = try CLI.run(command + ["--help"])
        #expect(output.status == 0)
        let help = output.stdout
        if command != ["lsp"] {
            let examples = try #require(help.range(of: "\nExamples:\n"), "\(command): no examples")
            // Each example line runs this very command.
            let lines = help[examples.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("  ") }
            #expect(!lines.isEmpty && lines.allSatisfy { $0.contains("profilelint \(command[0]) ") || $0.hasSuffix("profilelint \(command[0])") }, "\(command): \(lines)")
        }
        // A path into the repository (docs/x.md, examples/jobs, Sources/...) means nothing to an
        // installed binary's user; a full URL does.
        let words = help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == ")" || $0 == ";" })
        let repositoryPaths = words.filter { word in
            !word.hasPrefix("http") && ["docs/", "examples/", "Sources/", "Tests/", ".swift"].contains { word.contains($0) }
        }
        #expect(repositoryPaths.isEmpty, "\(command): \(repositoryPaths)")
        // argument-parser appends "(default: X)"; a help text saying it again reads as a stutter.
        var blocks: [String] = []
        for line in help.split(separator: "\n") {
            if line.hasPrefix("  -") { blocks.append(String(line)) } else if line.hasPrefix("     "), !blocks.isEmpty { blocks[blocks.count - 1] += " " + line }
        }
        let stutters = blocks.filter { $0.components(separatedBy: "(default").count > 2 }
        #expect(stutters.isEmpty, "\(command): \(stutters)")
        // Every option's value is named for what it is, not after the property (`<limit>`).
        #expect(!help.contains("--limit <limit>"), "\(command)")
    }

    @Test func theLanguageServerHelpLinksTheEditorGuide() throws {
        let output = try CLI.run(["lsp", "--help"])
        #expect(output.stdout.contains("https://github.com/profilelint/profilelint/blob/main/docs/editors.md"))
    }
}
