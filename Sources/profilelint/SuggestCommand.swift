import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint suggest PROFILE`: the skill tags, title wording and keywords the corpus suggests.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest skill tags, title wording and keywords from the job-post corpus.",
        discussion: """
        The corpus is --corpus, else the 'corpus' of the configuration (--config, or the \
        .profilelint.yml found upward from the profile's directory). Without either, suggest \
        asks for one; --example-corpus uses the small example corpus shipped with profilelint \
        (job posts of a few niches) and says so.

        Examples:
          profilelint suggest profile.yaml --corpus jobs.csv
          profilelint suggest profile.yaml --corpus jobs/ --show-posts 5 --limit 5
          profilelint suggest profile.yaml --corpus jobs.csv --format json --fit-posts 0
          profilelint suggest profile.yaml --example-corpus
        """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The profile file (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var profile: String

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many suggestions per list.", valueName: "n"))
    var limit: Int = 10

    @Option(name: .customLong("show-posts"), parsing: .unconditional,
            help: ArgumentHelp("Text output: print the best N fitting posts of each section (default: none, only their count).", valueName: "n"))
    var showPosts: Int?

    // Optional so that a text run can tell "--fit-posts given" from the JSON default.
    @Option(name: .customLong("fit-posts"), parsing: .unconditional,
            help: ArgumentHelp("JSON output: list the best N fitting posts of each section (default: \(FitReport.defaultPostLimit); 0: all; 'fitting', 'share' and 'truncated' always say how many fit).",
                               valueName: "n"))
    var fitPosts: Int?

    @Flag(name: .customLong("example-corpus"), help: "Without a corpus, use the example corpus shipped with profilelint.")
    var exampleCorpus = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let showPosts, showPosts < 0 { throw ValidationError("--show-posts must be 0 or more") }
        if let fitPosts, fitPosts < 0 { throw ValidationError("--fit-posts must be 0 or more") }
        // Each option sizes the listing of one format; the other's would be silently ignored.
        if format == .json, showPosts != nil {
            throw ValidationError("--show-posts is for text output; with --format json, --fit-posts N lists the best N fitting posts")
        }
        if format == .text, fitPosts != nil {
            throw ValidationError("--fit-posts is for --format json; in text, --show-posts N prints the best N fitting posts")
        }
    }

    /// How many fitting posts each section lists (nil: all).
    var postLimit: Int? {
        switch format {
        case .text: showPosts ?? 0
        case .json: fitPosts.map { $0 == 0 ? nil : $0 } ?? FitReport.defaultPostLimit
        }
    }

    func run() throws {
        if PathGlob.isDirectory(profile) {
            throw CLIError("'\(profile)' is a directory; suggest takes one profile file (run it once per profile)")
        }
        let file = try ProfileFiles.read(ProfileFiles.collect([profile], selection: ProfileSelection(configPath: nil, excludePatterns: [])))[0]
        let outcome = ProfileLoader.load(file)
        guard let loaded = outcome.profile else {
            for diagnostic in outcome.diagnostics {
                let position = file.position(ofByte: diagnostic.range.lowerBound)
                StandardError.write("\(profile):\(position.line):\(position.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]")
            }
            throw ExitCode(1)
        }
        let session = try plannedSession()
        guard let corpus = session.linter.corpus else {
            throw CLIError("suggest needs a job-post corpus: pass --corpus PATH or name one in the configuration's 'corpus'")
        }
        let keywords = session.ruleSet.entries.lazy.compactMap { $0.check as? KeywordCoverageCheck }.first ?? KeywordCoverageCheck()
        let criterion = session.ruleSet.fitCriterion
        let suggestions = loaded.sections.map {
            Suggestions.make(for: $0, corpus: corpus, keywords: keywords, criterion: criterion, limit: limit, postLimit: postLimit)
        }
        switch format {
        case .text:
            try StandardOutput.write(suggestions.map { $0.text(showPosts: showPosts ?? 0) }.joined(separator: "\n"))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = SuggestionsDocument(version: 2, profile: profile, sections: suggestions)
            try StandardOutput.write(String(decoding: try encoder.encode(document), as: UTF8.self) + "\n")
        }
    }
}

extension SuggestCommand {
    /// The session `lint` would use for the profile (configuration, rules, corpus); without
    /// a corpus from `--corpus` or the configuration, an error asking for one, or with
    /// `--example-corpus` the shipped example corpus (named on standard error).
    func plannedSession() throws -> LintSession {
        var options = try ruleOptions.setupOptions()
        options.columnMap = try corpusOptions.columnMap()
        options.corpusMaxFileBytes = try corpusOptions.maxFileBytes()
        options.corpusCache = corpusOptions.noCache ? nil : CorpusCache(directory: CorpusCache.defaultDirectory(environment: ProcessEnvironment.variables))
        options.corpusPaths = corpusOptions.paths
        var session = try CorpusProgress.whileLoading { progress throws(LintSetupError) in
            var watched = options
            watched.corpusProgress = progress
            return try LintSetup.plan(files: [profile], options: watched)[0].session
        }
        if session.linter.corpus == nil {
            guard exampleCorpus else {
                throw CLIError("suggest needs a job-post corpus: pass --corpus PATH (posts of your niche, such as a marketplace search for your title), name one in the configuration's 'corpus', or pass --example-corpus to try the small example corpus")
            }
            guard let shipped = ShippedCorpus.directory() else {
                throw CLIError("the example corpus (examples/jobs) is not installed next to profilelint; pass --corpus PATH")
            }
            options.corpusPaths = [shipped]
            session = try CorpusProgress.whileLoading { progress throws(LintSetupError) in
                var watched = options
                watched.corpusProgress = progress
                return try LintSetup.plan(files: [profile], options: watched)[0].session
            }
            let posts = session.linter.corpus?.stats.postCount ?? 0
            StandardError.write("profilelint: note: using the example corpus \(shipped) (\(posts) posts in a few niches); pass --corpus PATH for advice about your own niche")
        }
        if try corpusOptions.reportProblems(of: session, warnWhenEmpty: false) == false {
            throw CLIError("the job-post corpus \(corpusOptions.describedPaths(of: session)) holds no posts; nothing to suggest from")
        }
        return session
    }
}

/// The JSON output of `suggest` (version 2: snake_case keys; `schemas/suggest-output.schema.json`).
struct SuggestionsDocument: Encodable {
    var version: Int
    var profile: String
    var sections: [Suggestions]
}
