import ArgumentParser
import ProfileLint

/// A `lint` invocation parsed straight into `LintCommand` (a plain one without argument-parser
/// at all, see `LintCommand.plain`), without argument-parser's walk from the root: that walk reflects over `LintCommand`'s arguments four more times (to ask whether
/// the default subcommand and the matched one capture passthrough input), a visible share of
/// a warm lint's start-up. Only a parse that succeeds is used; anything else — help, version,
/// completion scripts, a usage or validation error — returns nil, and the root parse answers
/// it with its own text (`ArgumentParsingGoldenTests` holds the answers).
enum LintDispatch {
    /// The command `arguments` (without the program name) run, when the root would run
    /// `lint` with exactly these: `lint` followed by its arguments, or arguments that do not
    /// start with a subcommand's name (the default subcommand). Nil: parse from the root.
    /// A lint that will load the built-in rule pack starts loading it now, beside the parse.
    static func parse(_ arguments: [String]) -> LintCommand? {
        guard let lintArguments = lintArguments(arguments) else { return nil }
        if DefaultRulePack.current(environment: ProcessEnvironment.variables).includesBuiltIn { RulePack.prefetchBuiltIn() }
        return LintCommand.plain(lintArguments) ?? (try? LintCommand.parse(lintArguments))
    }

    /// The arguments the root would hand to `LintCommand`, or nil when it might do anything else.
    static func lintArguments(_ arguments: [String]) -> [String]? {
        guard let first = arguments.first else { return arguments }
        // Help and version are the root's answers: no rule pack for them (and `--version` stays
        // the bare start-up the benchmarks compare a lint with).
        if arguments.contains(where: rootAnswers.contains) { return nil }
        if first == LintCommand._commandName { return Array(arguments.dropFirst()) }
        // `---completion` asks for custom completions before any parsing.
        if first.hasPrefix("---") { return nil }
        // An option or the terminator first: the root names no subcommand and runs the default.
        if first.hasPrefix("-") { return arguments }
        return subcommandNames.contains(first) ? nil : arguments
    }

    /// Flags the root answers itself, wherever they stand.
    static let rootAnswers: Set<String> = ["--version", "--help", "-h", "--help-hidden", "--experimental-dump-help"]

    /// The names the root reads as a subcommand: each one's name and aliases, and the `help`
    /// subcommand argument-parser adds.
    static let subcommandNames: Set<String> = {
        var names: Set<String> = ["help"]
        for command in ProfileLintCommand.configuration.subcommands {
            names.insert(command._commandName)
            names.formUnion(command.configuration.aliases)
        }
        return names
    }()
}
