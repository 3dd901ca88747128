import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint compare BEFORE AFTER`: what an edit changed — scores, findings resolved and
/// new, fitting posts — between two files or `git` revisions of one profile.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two versions of a profile: scores, findings resolved and new, fitting posts.",
        discussion: """
        BEFORE and AFTER are files, or git revisions written as git show takes them \
        (HEAD~1:profile.yaml, main:./profile.yaml). Both are linted with the configuration, \
        rules and corpus that lint would use for AFTER (or, when AFTER is a revision, for its \
        path in the working tree).

        Exit status: 0 compared (whatever changed; a version that does not parse shows its \
        parse error as a finding); 2 usage error, or a version that cannot be read.

        Examples:
          profilelint compare HEAD~1:profile.yaml profile.yaml
          profilelint compare old.yaml new.yaml --corpus jobs.csv --format html --output diff.html
        """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: ArgumentHelp("The earlier version: a file or REVISION:PATH.", valueName: "before"))
    var before: String

    @Argument(help: ArgumentHelp("The later version: a file or REVISION:PATH.", valueName: "after"))
    var after: String

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "Output format: text, json or html.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Write the report to a file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "No colour in text output (also: the NO_COLOR environment variable).")
    var noColor = false

    func run() throws {
        let old = try ProfileVersion.read(before)
        let new = try ProfileVersion.read(after)
        var options = try ruleOptions.setupOptions()
        options.columnMap = try corpusOptions.columnMap()
        options.corpusMaxFileBytes = try corpusOptions.maxFileBytes()
        options.corpusCache = corpusOptions.noCache ? nil : CorpusCache(directory: CorpusCache.defaultDirectory(environment: ProcessEnvironment.variables))
        options.corpusPaths = corpusOptions.paths
        let anchor = ProfileVersion.workingPath(after) ?? ProfileVersion.workingPath(before) ?? "profile.yaml"
        let session = try CorpusProgress.whileLoading { progress throws(LintSetupError) in
            var watched = options
            watched.corpusProgress = progress
            return try LintSetup.plan(files: [anchor], options: watched)[0].session
        }
        try corpusOptions.reportProblems(of: session)
        let comparison = ProfileComparison(before: session.lint(old, insights: true), after: session.lint(new, insights: true))
        let reportOptions = ReportOptions.forOutput(
            isTerminal: output == nil && isatty(STDOUT_FILENO) == 1, noColorFlag: noColor,
            environment: ProcessEnvironment.variables, quiet: false,
            workingDirectory: FileManager.default.currentDirectoryPath)
        let report = switch format {
        case .text: ComparisonReport.text(comparison, options: reportOptions)
        case .json: ComparisonReport.json(comparison, options: reportOptions)
        case .html: ComparisonHTML.report(comparison, options: reportOptions)
        }
        try ReportOutput.write(report, to: output)
    }
}

/// One version of a profile: a file, or `REVISION:PATH` read with `git show`.
enum ProfileVersion {
    static func read(_ argument: String) throws(CLIError) -> SourceFile {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw CLIError("cannot compare '\(argument)': it is a directory; name one profile file") }
            return try ProfileFiles.read([argument])[0]
        }
        guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else {
            throw CLIError("cannot read '\(argument)': no such file (a git revision is written REVISION:PATH)")
        }
        return try GitShow.read(argument)
    }

    /// The working-tree path a version stands for: the file itself, or a revision's path
    /// when that file exists (configuration is discovered from there).
    static func workingPath(_ argument: String) -> String? {
        if FileManager.default.fileExists(atPath: argument) { return argument }
        guard let colon = argument.firstIndex(of: ":") else { return nil }
        let path = String(argument[argument.index(after: colon)...])
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
