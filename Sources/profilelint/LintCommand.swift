import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint lint FILES...`
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Lint profile files.")

    @Argument(help: "Profile files (YAML or JSON).")
    var files: [String] = []

    @Option(name: .customLong("rules"), help: "An extra rule directory (repeatable).")
    var ruleDirectories: [String] = []

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        guard let defaultDirectory = DefaultRules.directory() else {
            FileHandle.standardError.write(Data("profilelint: error: cannot find the default rules; set PROFILELINT_RULES\n".utf8))
            throw ExitCode(2)
        }
        let ruleSet: RuleSet
        do {
            var rules = try RuleLoader.loadDirectory(defaultDirectory)
            for directory in ruleDirectories { rules += try RuleLoader.loadDirectory(directory) }
            ruleSet = try RuleSet(rules: rules)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        let linter = Linter(ruleSet: ruleSet, corpus: try corpusOptions.load())
        var results: [LintResult] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("profilelint: error: cannot read '\(path)'\n".utf8))
                throw ExitCode(2)
            }
            results.append(linter.lint(SourceFile(path: path, bytes: Array(data))))
        }
        print(TextReporter().report(results, rules: ruleSet), terminator: "")
        if results.contains(where: { $0.diagnostics.contains { $0.severity == .error } }) { throw ExitCode(1) }
    }
}
