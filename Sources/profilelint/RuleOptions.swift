import ArgumentParser
import Foundation
import ProfileLint

/// `--rules DIR`, shared by every subcommand that needs the rule set.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("An extra rule directory, added to the default pack (repeatable).",
                                                           valueName: "dir"))
    var ruleDirectories: [String] = []

    /// The default pack plus every `--rules` directory; any problem is a `CLIError` (exit 2).
    func loadRuleSet() throws(CLIError) -> RuleSet {
        let defaultDirectory = try checkedDirectories()
        do {
            // `RuleSet.load` also reads each directory's skill-alias table.
            return try RuleSet.load(directories: [defaultDirectory] + ruleDirectories)
        } catch {
            throw CLIError(error)
        }
    }

    /// The default pack's directory, after checking that every `--rules` directory exists.
    func checkedDirectories() throws(CLIError) -> String {
        guard let defaultDirectory = DefaultRules.directory() else {
            throw CLIError("cannot find the default rules next to the executable; set PROFILELINT_RULES to the rules directory")
        }
        for directory in ruleDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
                throw CLIError("rule directory '\(directory)' does not exist")
            }
            guard isDirectory.boolValue else { throw CLIError("'\(directory)' given to --rules is not a directory") }
        }
        return defaultDirectory
    }
}
