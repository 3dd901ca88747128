import Foundation
import ProfileLint

/// `lint`'s configuration, baseline and fix options (docs/configuration.md).
extension LintCommand {
    /// The profiles to lint: the files and directories given; with none, empty when the
    /// configuration lists `profiles` (the plan lints those), else the current directory.
    /// `-` stands for the standard input's path (`--stdin-filename`, or `<stdin>`).
    func profilePaths(standardInput: String?) throws(CLIError) -> [String] {
        let selection = try ProfileSelection(configPath: ruleOptions.config, excludePatterns: exclude)
        if !files.isEmpty {
            let named = files.filter { $0 != "-" }
            var paths = named.isEmpty ? [] : try ProfileFiles.collect(named, selection: selection, onlyProfiles: onlyProfiles)
            if let standardInput { paths.insert(standardInput, at: files.first == "-" ? 0 : paths.count) }
            return paths
        }
        if let path = ruleOptions.config ?? ConfigDiscovery.find(from: ".") {
            let configuration: Configuration
            // The session reports the file's mistakes, all at once; only `profiles` is needed here.
            do { configuration = try ConfigLoader.read(path: path) } catch { throw CLIError(error) }
            if !configuration.profiles.isEmpty { return [] }
        }
        return try ProfileFiles.collect(["."], selection: selection)
    }

    /// Which configuration governs each profile, with a session per configuration (and
    /// its corpus: `--corpus`, or the configuration's `corpus`). Skipped posts of a corpus
    /// go to standard error as located warnings.
    func plan(_ paths: [String], defaultRules: DefaultRulePack) throws -> [LintTarget] {
        var baseline: Baseline?
        // `--write-baseline` records every finding, so an old baseline is not applied first.
        if let baselinePath, writeBaseline == nil {
            do { baseline = try Baseline.load(path: baselinePath) } catch { throw CLIError(error) }
        }
        let options = SessionFactory.Options(configPath: ruleOptions.config, ruleDirectories: ruleOptions.ruleDirectories,
                                        defaultRules: defaultRules, baseline: baseline,
                                        corpusPaths: corpusOptions.paths, columnMap: try corpusOptions.columnMap(),
                                        corpusCache: corpusOptions.noCache ? nil : CorpusCache(directory: CorpusCache.defaultDirectory()))
        let maxFileBytes = try corpusOptions.maxFileBytes()
        let targets = try CorpusProgress.whileLoading { progress throws(LintSetupError) in
            var watched = options
            watched.corpusProgress = progress
            watched.corpusMaxFileBytes = maxFileBytes
            return try LintSetup.plan(files: paths, options: watched)
        }
        var reported = Set<ObjectIdentifier>()
        for target in targets {
            guard let corpus = target.session.linter.corpus, reported.insert(ObjectIdentifier(corpus)).inserted else { continue }
            try corpusOptions.reportProblems(of: target.session)
        }
        return targets
    }

    /// Lints every target's files; with `--fix`, fixes them first (writing them, or with
    /// `--dry-run` printing the diff) and returns what remains. Results follow the order of the files.
    func lintOrFix(_ targets: [LintTarget], standardInput: SourceFile?) throws(CLIError) -> [LintResult] {
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var results: [LintResult] = []
        var fixedFiles = 0
        var appliedFixes = 0
        for target in targets {
            let sources = try target.files.map { path throws(CLIError) in
                if let standardInput, path == standardInput.path { return standardInput }
                return try ProfileFiles.read([path])[0]
            }
            let session = target.session
            let insights = format.drawsInsights
            guard fix else {
                results += ParallelLint.run(sources, jobs: jobs) { session.lint($0, insights: insights) }
                continue
            }
            for outcome in ParallelLint.run(sources, jobs: jobs, { session.fix($0, insights: insights) }) {
                results.append(outcome.result)
                guard outcome.changed else { continue }
                fixedFiles += 1
                appliedFixes += outcome.appliedCount
                let path = outcome.original.path
                if dryRun {
                    let relative = !path.hasPrefix("/")
                    let diff = UnifiedDiff.make(old: outcome.original.bytes, new: outcome.fixed.bytes,
                                                oldLabel: relative ? "a/" + path : path, newLabel: relative ? "b/" + path : path)
                    try StandardOutput.write(diff)
                } else {
                    do { try AtomicFileWriter.write(outcome.fixed.bytes, to: path) } catch {
                        throw CLIError("cannot write '\(error.path)': \(error.reason)")
                    }
                }
            }
        }
        if fix, !dryRun, !quiet, appliedFixes > 0 {
            StandardError.write("profilelint: applied \(appliedFixes) \(appliedFixes == 1 ? "fix" : "fixes") in \(fixedFiles) \(fixedFiles == 1 ? "file" : "files")")
        }
        if targets.count > 1 {
            let order = Dictionary(targets.flatMap(\.files).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            results.sort { (order[$0.file.path] ?? 0) < (order[$1.file.path] ?? 0) }
        }
        return results
    }

    /// With `--write-baseline FILE`: records every finding in `FILE`, then applies it.
    func recordBaseline(_ results: [LintResult]) throws(CLIError) -> [LintResult] {
        guard let writeBaseline else { return results }
        let baseline = Baseline.recording(results, directory: PathText.directory(of: writeBaseline))
        do { try baseline.write(to: writeBaseline) } catch {
            throw CLIError("cannot write '\(error.path)': \(error.reason)")
        }
        let recorded = results.reduce(0) { $0 + $1.diagnostics.count }
        StandardError.write("profilelint: recorded \(SeverityCounts.counted(recorded, "finding")) of \(SeverityCounts.counted(results.count, "file")) in \(writeBaseline); with --baseline \(writeBaseline) only new findings are reported")
        return results.map { result in
            var kept = result
            kept.diagnostics = baseline.apply(result.diagnostics, in: result.file).kept
            return kept
        }
    }

    /// The rules the reporters describe: every session's rules, each id once.
    func reportedRules(_ targets: [LintTarget]) throws(CLIError) -> RuleSet {
        if targets.count == 1 { return targets[0].session.ruleSet }
        var seen = Set<String>()
        let rules = targets.flatMap { $0.session.ruleSet.entries.map(\.rule) }.filter { seen.insert($0.id).inserted }
        do { return try RuleSet(rules: rules) } catch { throw CLIError(error) }
    }
}
