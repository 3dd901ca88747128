import ArgumentParser
import Foundation
import ProfileLint

/// `--rules DIR` and `--config FILE`, shared by every subcommand that needs the rule set.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("An extra rule directory, added to the default pack (repeatable).",
                                                           valueName: "dir"), completion: .directory)
    var ruleDirectories: [String] = []

    @Flag(help: "Leave the built-in rule pack out: only the rules of PROFILELINT_RULES, the configuration's rule_dirs and --rules (also: PROFILELINT_NO_BUILTIN_RULES=1).")
    var noBuiltinRules = false

    @Option(help: ArgumentHelp("Use this configuration file instead of the .profilelint.yml found upward from each profile's directory (for 'rules' and 'explain', from the current directory).",
                               valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    /// The rules in force in `directory`: the configuration (`--config`, or the
    /// `.profilelint.yml` found from `directory` upward) applied to the default pack, its
    /// `rule_dirs` and every `--rules` directory; the corpus source (`corpusPaths`, else the
    /// configuration's, with `columnMap`) is checked, not loaded. Any problem is a `CLIError` (exit 2).
    func loadConfiguredRules(from directory: String = ".", corpusPaths: [String] = [],
                             columnMap: [String: String] = [:]) throws(CLIError) -> ConfiguredRules {
        var options = try setupOptions()
        options.corpusPaths = corpusPaths
        options.columnMap = columnMap
        options.loadsCorpus = false
        var factory = SessionFactory(options: options)
        do {
            let built = try factory.build(configurationPath: config ?? ConfigDiscovery.find(from: directory))
            return ConfiguredRules(allRules: built.rules, session: built.session, corpusSource: built.corpusSource)
        } catch {
            throw CLIError(error)
        }
    }

    /// The rule ids shell completion offers: those in force in the current directory (the
    /// built-in pack when the configuration cannot be loaded) and the built-in checks.
    static func completableRuleIDs() -> [String] {
        let loaded = (try? RuleOptions.parse([]).loadConfiguredRules().allRules) ?? (try? RulePack.load([RulePack.builtIn]).rules) ?? []
        return loaded.map(\.id).sorted() + LintSession.builtInRuleIDs
    }

    /// The options sessions are built with (no baseline, no corpus).
    func setupOptions() throws(CLIError) -> SessionFactory.Options {
        SessionFactory.Options(configPath: config, ruleDirectories: ruleDirectories, defaultRules: try checkedDirectories())
    }

    /// The default rules (the built-in pack unless left out, and the directories
    /// `PROFILELINT_RULES` adds), after checking that those and every `--rules` directory exist.
    func checkedDirectories() throws(CLIError) -> DefaultRulePack {
        var defaultPack = DefaultRulePack.current(environment: ProcessEnvironment.variables)
        if noBuiltinRules { defaultPack.includesBuiltIn = false }
        for directory in defaultPack.directories where !PathGlob.isDirectory(directory) {
            throw CLIError("\(DefaultRulePack.directoriesVariable) names the rule directory '\(directory)', which \(PathKind.notADirectory(directory))")
        }
        for directory in ruleDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
                throw CLIError("rule directory '\(directory)' does not exist")
            }
            guard isDirectory.boolValue else { throw CLIError("'\(directory)' given to --rules is not a directory") }
        }
        return defaultPack
    }
}

/// Every loaded rule and the session the configuration makes of them.
struct ConfiguredRules {
    /// Every rule loaded, as its file defines it (also those the configuration turns off).
    var allRules: [Rule]
    /// The configuration applied: severities and parameters set, `off` rules left out.
    var session: LintSession
    /// The corpus the configuration (or `--corpus`) names, not loaded.
    var corpusSource: SessionFactory.CorpusSource?

    /// The rule as configured; a rule turned off comes as its file defines it.
    func rule(_ id: String) -> Rule? {
        session.ruleSet.rule(id) ?? allRules.first { $0.id == id }
    }

    /// `off`, or the configured (else the file's) severity.
    func severityText(_ rule: Rule) -> String {
        session.ruleSet.rule(rule.id)?.severity.rawValue ?? ConfiguredSeverity.off.description
    }

    /// The configuration file's path when it sets something for `id`.
    func configuredIn(_ id: String) -> String? {
        guard let configuration = session.configuration,
              configuration.ruleOverrides.contains(where: { $0.ruleID == id }) else { return nil }
        return configuration.file.path
    }
}
