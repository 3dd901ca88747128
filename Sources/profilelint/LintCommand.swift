import ArgumentParser
import Foundation
import ProfileLint

extension ReportFormat: ExpressibleByArgument {}

/// The severity threshold `--fail-on` takes.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info

    var severity: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }
}

/// `--color`: when text output is coloured.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `profilelint lint [FILES...]`: the default command.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint profile files.",
        discussion: """
        With no files, lints the 'profiles' of the configuration, or else the current directory. \
        A directory is searched recursively for *.yaml, *.yml and *.json files that are profiles \
        (a map with at least one profile key such as title, overview or skills), skipping hidden \
        files and directories, directories named 'jobs' (the job-post corpus), and what --exclude \
        or the configuration's 'exclude' patterns match. A file named on the command line is \
        always linted (unless --only-profiles).

        Exit status: 0 no finding at or above --fail-on; 1 findings at or above --fail-on (a \
        profile that does not parse counts) or more warnings than --max-warnings; 2 usage \
        error, invalid rule file, or a path that does not exist or cannot be read.

        Examples:
          profilelint lint profile.yaml                     findings, exit 1 on errors
          profilelint lint profiles/ --corpus jobs.csv      with the corpus rules
          profilelint lint . --format sarif --output lint.sarif
          profilelint lint profile.yaml --fix --dry-run     the safe fixes as a diff
          cat profile.yaml | profilelint lint - --stdin-filename profile.yaml
        """)

    @Argument(help: ArgumentHelp("Profile files or directories (default: the 'profiles' of the configuration, else the current directory).",
                                 valueName: "files"),
              completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    @Option(help: ArgumentHelp("Skip files and directories matching this gitignore-style pattern, relative to the current directory (repeatable).",
                               valueName: "pattern"))
    var exclude: [String] = []

    @Flag(help: "Select named files like files found in a directory: lint only profiles that no exclude pattern matches (for pre-commit hooks).")
    var onlyProfiles = false

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "Output format.")
    var format: ReportFormat = Self.defaultFormat

    @Option(help: ArgumentHelp("Write the report to a file instead of standard output (a regular file is replaced atomically, a device or FIFO written through; missing directories are created).",
                               valueName: "file"), completion: .file())
    var output: String?

    @Option(help: "The least severe finding that makes the exit status 1.")
    var failOn: FailLevel = Self.defaultFailOn

    // `.unconditional` so that `--fit-posts -1` reaches `validate()` instead of reading as an option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("JSON output: list the best this many fitting posts per section (0: all; the count and share are always given).",
                               valueName: "n"))
    var fitPosts = FitReport.defaultPostLimit

    // `.unconditional` so that `--max-warnings -1` reaches `validate()` instead of reading as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Exit 1 when there are more than this many warnings.", valueName: "n"))
    var maxWarnings: Int?

    @Flag(help: "Exit 0 even when there are findings (still 2 on usage and input errors).")
    var exitZero = false

    @Option(help: "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = Self.defaultColor

    @Flag(help: "The same as --color never.")
    var noColor = false

    @Option(help: ArgumentHelp("With '-' among the files: the path the standard input stands for (for messages, the configuration search and YAML or JSON).",
                               valueName: "path"), completion: .file(extensions: ["yaml", "yml", "json"]))
    var stdinFilename: String?

    @Flag(help: "Report only findings at or above --fail-on (errors by default) and no summary; the exit status still counts every finding.")
    var quiet = false

    // Optional so the help shows "the number of processors" rather than this machine's count.
    @Option(parsing: .unconditional, help: ArgumentHelp("Lint this many files in parallel (default: the number of processors). With a corpus, its analysis and each profile's sections still use every processor.", valueName: "n"))
    var jobs: Int?

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Report only findings this baseline file does not accept.", valueName: "file"), completion: .file())
    var baselinePath: String?

    @Option(help: ArgumentHelp("Record every finding in this baseline file, then report with it applied.", valueName: "file"), completion: .file())
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Print the configuration in force for this file (rules with severity and parameters, and where each comes from; exclude patterns; corpus; column map) and lint nothing.",
                               valueName: "file"),
            completion: .file(extensions: ["yaml", "yml", "json"]))
    var printConfig: String?

    @Flag(help: "Apply the safe fixes in place (every other byte of the file stays as it was), then report what remains.")
    var fix = false

    @Flag(help: "With --fix: write nothing; print the changes as a unified diff before the report.")
    var dryRun = false

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if fitPosts < 0 { throw ValidationError("--fit-posts must be 0 or more") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given once") }
        if stdinFilename != nil, !files.contains("-") { throw ValidationError("--stdin-filename needs '-' among the files") }
        if fix, !dryRun, files.contains("-") { throw ValidationError("--fix cannot write back to standard input; add --dry-run to see the fixes") }
        if dryRun && !fix { throw ValidationError("--dry-run needs --fix") }
        // A baseline must describe the files as they are on disk, not as a dry run would leave them.
        if dryRun && writeBaseline != nil { throw ValidationError("--write-baseline cannot be combined with --dry-run") }
    }

    func run() throws {
        if let printConfig { return try StandardOutput.write(effectiveConfiguration(for: printConfig)) }
        let defaultRules = try ruleOptions.checkedDirectories()
        let standardInput = try files.contains("-") ? ProfileFiles.readStandardInput(as: stdinFilename) : nil
        let selection = try ProfileSelection(configPath: ruleOptions.config, excludePatterns: exclude)
        let paths = try profilePaths(standardInput: standardInput?.path, selection: selection)
        var plan = try plan(paths, defaultRules: defaultRules, known: selection.configurations)
        // Each session runs the pipeline: rules, config severities, inline suppressions, baseline.
        var writes: ResultCacheWrites?
        let results = try recordBaseline(lintOrFix(&plan, standardInput: standardInput, writes: &writes))
        let catalog = try reportedRules(&plan)

        let policy = ExitPolicy(failOn: failOn.severity, maxWarnings: maxWarnings, exitZero: exitZero)
        let reported = quiet ? results.map { $0.keeping(atLeast: failOn.severity) } : results
        var options = ReportOptions.forOutput(
            isTerminal: output == nil && isatty(STDOUT_FILENO) == 1, noColorFlag: noColor || color == .never,
            environment: ProcessEnvironment.variables, quiet: quiet,
            workingDirectory: FileManager.default.currentDirectoryPath, columns: TerminalSize.columns())
        if color == .always, !noColor { options.color = true }  // An explicit choice beats NO_COLOR.
        options.failOn = failOn.severity
        // The result cache entries are written on another thread while the report is made.
        let reporter = format.catalogReporter(options: options)
        let writeReport = { try ReportOutput.write(reporter.report(reported, catalog: catalog), to: output) }
        if let writes { try writes.write(beside: writeReport) } else { try writeReport() }

        if !exitZero, let maxWarnings, policy.tooManyWarnings(results) {
            StandardError.write("profilelint: error: \(SeverityCounts.counted(SeverityCounts(results).warnings, "warning")), more than --max-warnings \(maxWarnings)")
        }
        // Exit here, with the sessions and their corpus still alive: freeing a corpus built in
        // memory object by object takes about 10 M instructions the kernel's unmapping makes moot.
        let status = policy.status(results)
        withExtendedLifetime((plan, results)) { Foundation.exit(status) }
    }
}
