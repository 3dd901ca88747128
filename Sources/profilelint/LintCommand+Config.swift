import Foundation
import ProfileLint

/// `lint`'s configuration, baseline and fix options (docs/configuration.md).
extension LintCommand {
    /// The profiles to lint: the files and directories given; with none, empty when the
    /// configuration lists `profiles` (the plan lints those), else the current directory.
    /// `-` stands for the standard input's path (`--stdin-filename`, or `<stdin>`).
    func profilePaths(standardInput: String?, selection: ProfileSelection) throws(CLIError) -> [String] {
        if !files.isEmpty {
            let named = files.filter { $0 != "-" }
            var paths = named.isEmpty ? [] : try ProfileFiles.collect(named, selection: selection, onlyProfiles: onlyProfiles)
            if let standardInput { paths.insert(standardInput, at: files.first == "-" ? 0 : paths.count) }
            return paths
        }
        if let path = ruleOptions.config ?? ConfigDiscovery.find(from: ".") {
            // The session reports the file's mistakes, all at once; only `profiles` is needed here.
            if try !selection.configuration(at: path).profiles.isEmpty { return [] }
        }
        return try ProfileFiles.collect(["."], selection: selection)
    }

    /// Which configuration governs each profile (`LintPlan`; sessions are built when needed, by
    /// `session(_:of:)`), with `--baseline` loaded; `known` are configurations already read.
    func plan(_ paths: [String], defaultRules: DefaultRulePack, known: [String: Configuration]) throws -> LintPlan {
        var baseline: Baseline?
        // `--write-baseline` records every finding, so an old baseline is not applied first.
        if let baselinePath, writeBaseline == nil {
            do { baseline = try Baseline.load(path: baselinePath) } catch { throw CLIError(error) }
        }
        var options = SessionFactory.Options(configPath: ruleOptions.config, ruleDirectories: ruleOptions.ruleDirectories,
                                             defaultRules: defaultRules, baseline: baseline,
                                             corpusPaths: corpusOptions.paths, columnMap: try corpusOptions.columnMap(),
                                             corpusCache: corpusOptions.noCache ? nil : CorpusCache(directory: CorpusCache.defaultDirectory(environment: ProcessEnvironment.variables)))
        options.corpusMaxFileBytes = try corpusOptions.maxFileBytes()
        options.fitPostLimit = fitPosts == 0 ? nil : fitPosts
        do { return try LintPlan(files: paths, options: options, known: known) } catch { throw CLIError(error) }
    }

    /// The session of `plan`'s target `index`, built the first time with a progress line while
    /// its corpus loads; the problems of each corpus (skipped posts) go to standard error once.
    func session(_ index: Int, of plan: inout LintPlan, reported: inout Set<ObjectIdentifier>) throws -> LintSession {
        let wasBuilt = plan.hasSession(index)
        let session = try CorpusProgress.whileLoading { progress throws(LintSetupError) in try plan.session(index, progress: progress) }
        if !wasBuilt, let corpus = session.linter.corpus, reported.insert(ObjectIdentifier(corpus)).inserted {
            try corpusOptions.reportProblems(of: session)
        }
        return session
    }

    /// The lint result cache, unless `--fix` or `--no-cache` turns it off.
    var resultCache: ResultCache? {
        fix || corpusOptions.noCache ? nil : ResultCache(directory: CorpusCache.defaultDirectory(environment: ProcessEnvironment.variables))
    }

    /// Lints every target's files; with `--fix`, fixes them first (writing them, or with
    /// `--dry-run` printing the diff) and returns what remains. Results follow the order of the
    /// files. Without `--fix`, `--no-cache` or standard input, a file's findings come from the
    /// lint result cache when it holds them (`cachedLint`); otherwise every session is built (and
    /// every configuration checked) before any file is linted. The entries to store in the
    /// cache are added to `writes`, for the caller to write beside the report.
    func lintOrFix(_ plan: inout LintPlan, standardInput: SourceFile?, writes: inout ResultCacheWrites?) throws -> [LintResult] {
        let jobs = self.jobs ?? ParallelMap.workers
        let cache = resultCache
        var reported = Set<ObjectIdentifier>()
        if cache == nil {
            for index in plan.targets.indices { _ = try session(index, of: &plan, reported: &reported) }
        }
        var results: [LintResult] = []
        var fixedFiles = 0
        var appliedFixes = 0
        for (index, target) in plan.targets.enumerated() {
            let sources = try target.files.map { path throws(CLIError) in
                if let standardInput, path == standardInput.path { return standardInput }
                return try ProfileFiles.read([path])[0]
            }
            let insights = format.drawsInsights
            guard fix else {
                results += try cachedLint(sources, target: index, plan: &plan, cache: cache, standardInput: standardInput,
                                          reported: &reported, writes: &writes)
                continue
            }
            let session = try session(index, of: &plan, reported: &reported)
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
        if plan.targets.count > 1 {
            let order = Dictionary(plan.targets.flatMap(\.files).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            results.sort { (order[$0.file.path] ?? 0) < (order[$1.file.path] ?? 0) }
        }
        return results
    }

    /// Lints `sources` under target `index`: a file the result cache holds (same session key,
    /// path and bytes) is replayed without building the session; the others are linted (the
    /// session built then) and stored, unless the corpus had problems to report (a replay would
    /// not print them again). Standard input is never cached. The baseline applies to both.
    func cachedLint(_ sources: [SourceFile], target index: Int, plan: inout LintPlan, cache: ResultCache?,
                    standardInput: SourceFile?, reported: inout Set<ObjectIdentifier>,
                    writes: inout ResultCacheWrites?) throws -> [LintResult] {
        let insights = format.drawsInsights
        let sessionKey = cache == nil ? nil : plan.resultKey(index, insights: insights)
        let keys = sources.map { file in
            file.path == standardInput?.path ? nil : sessionKey.flatMap { SessionFactory.resultKey(file, sessionKey: $0) }
        }
        var found: [LintResult?] = zip(sources, keys).map { file, key in
            key.flatMap { cache?.read(key: $0) }?.result(for: file)
        }
        let missing = found.indices.filter { found[$0] == nil }
        if !missing.isEmpty {
            let session = try session(index, of: &plan, reported: &reported)
            let linted = ParallelLint.run(missing.map { sources[$0] }, jobs: jobs ?? ParallelMap.workers) {
                session.findings($0, insights: insights)
            }
            let storable = session.linter.corpus.map { $0.issues.isEmpty && $0.cacheWarnings.isEmpty && $0.stats.postCount > 0 } ?? true
            var stored = false
            for (slot, result) in zip(missing, linted) {
                found[slot] = result
                guard storable, let cache, let key = keys[slot] else { continue }
                if writes == nil { writes = ResultCacheWrites(cache: cache) }
                writes?.add(result, key: key)
                stored = true
            }
            // The rule facts go beside the findings, for a later run that replays every file.
            if stored, let sessionKey { writes?.addRules(RuleCatalog(session.ruleSet), sessionKey: sessionKey) }
        }
        return found.compactMap { $0.map { LintSession.applying(plan.baseline, to: $0) } }
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

    /// What the reporters say about every target's rules, each id once (from the sessions, or
    /// on a full replay from the result cache: see `LintPlan.reportedRules`).
    func reportedRules(_ plan: inout LintPlan) throws(CLIError) -> RuleCatalog {
        let cache = resultCache
        var catalogs: [RuleCatalog] = []
        for index in plan.targets.indices {
            do { catalogs.append(try plan.reportedRules(index, cache: cache, insights: format.drawsInsights)) } catch {
                throw CLIError(error)
            }
        }
        return RuleCatalog.merging(catalogs)
    }
}
