import ArgumentParser
import ProfileLint

/// A plain lint invocation, the way editors, hooks and CI usually run one (profile paths and
/// `--corpus PATH`, nothing else), read without argument-parser: its parse reflects over
/// `LintCommand`'s properties and looks up their types' conformances, the largest part of a
/// warm lint's start-up left on the main thread. Anything else, or values that fail
/// `validate()`, is left to argument-parser (`LintDispatch`), which answers it as before.
/// `PlainLintArgumentsTests` compares every value with argument-parser's parse.
extension LintCommand {
    /// The default values of the options a plain invocation does not give (the properties'
    /// own initial values refer to these).
    static let defaultFormat = ReportFormat.text
    static let defaultFailOn = FailLevel.error
    static let defaultColor = ColorMode.auto

    /// `arguments` (after `lint`) as argument-parser reads them, when they are profile paths
    /// and `--corpus PATH` options in any order; nil for anything else: any other option,
    /// `-` (standard input), the terminator, a value beginning with `-`, an empty argument,
    /// or a validation error.
    static func plain(_ arguments: [String]) -> LintCommand? {
        var files: [String] = [], corpus: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--corpus" {
                guard index + 1 < arguments.count, isPlainValue(arguments[index + 1]) else { return nil }
                corpus.append(arguments[index + 1])
                index += 2
            } else {
                guard isPlainValue(argument) else { return nil }
                files.append(argument)
                index += 1
            }
        }
        var command = LintCommand()
        command.files = files
        command.exclude = []
        command.onlyProfiles = false
        command.ruleOptions = RuleOptions.plain()
        command.corpusOptions = CorpusOptions.plain(paths: corpus)
        command.format = defaultFormat
        command.output = nil
        command.failOn = defaultFailOn
        command.fitPosts = FitReport.defaultPostLimit
        command.maxWarnings = nil
        command.exitZero = false
        command.color = defaultColor
        command.noColor = false
        command.stdinFilename = nil
        command.quiet = false
        command.jobs = nil
        command.baselinePath = nil
        command.writeBaseline = nil
        command.printConfig = nil
        command.fix = false
        command.dryRun = false
        do {
            try command.ruleOptions.validate()
            try command.corpusOptions.validate()
            try command.validate()
        } catch {
            return nil
        }
        return command
    }

    /// A value argument-parser takes as it is: not empty, not an option or `-`, and not a
    /// name `LintCommand.parse` might read as a request for help.
    private static func isPlainValue(_ argument: String) -> Bool {
        !argument.isEmpty && !argument.hasPrefix("-") && argument != "help"
    }
}

extension RuleOptions {
    /// The options when none is given.
    static func plain() -> RuleOptions {
        var options = RuleOptions()
        options.ruleDirectories = []
        options.noBuiltinRules = false
        options.config = nil
        return options
    }
}

extension CorpusOptions {
    /// The options when only `--corpus` (`paths`) is given.
    static func plain(paths: [String]) -> CorpusOptions {
        var options = CorpusOptions()
        options.paths = paths
        options.columns = []
        options.maxFileMiB = defaultMaxFileMiB
        options.noCache = false
        return options
    }
}
