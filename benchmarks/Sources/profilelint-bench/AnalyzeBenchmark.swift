import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint-bench analyze PATH...`: times what a lint without a cache does with the corpus
/// (read the files, parse and de-duplicate the posts, build the statistics, build the BM25
/// index), phase by phase, on all cores; then loads and builds once on one thread and fails
/// unless the statistics are identical to the parallel ones.
struct AnalyzeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Time corpus loading and analysis; check the parallel result against one thread."
    )

    @OptionGroup var options: BenchmarkOptions

    /// The cache key `--write-stats` stores under (`cache-load` reads it).
    static let statsKey = "benchmark"

    @Flag(help: "Skip the single-threaded build and the determinism check.")
    var skipSingleThread = false

    @Flag(help: "Read, parse and analyse a group of files at a time (as for a corpus too large to hold at once); the time is reported as one 'build' phase.")
    var stream = false

    @Option(help: ArgumentHelp("Also write the statistics in the cache format here (to compare builds byte for byte).", valueName: "directory"))
    var writeStats: String?

    /// Seconds of each phase in each run. The BM25 index is built with the statistics' key
    /// indexes (`CorpusStats.buildIndexed`), so `build` includes it and `index` is 0.
    struct Phases: Encodable {
        var read: [Double] = []
        var parse: [Double] = []
        var build: [Double] = []
        var index: [Double] = []
        var total: [Double] = []
    }

    struct Report: Encodable {
        var measurement = "analyze"
        var posts: Int
        var duplicates: Int
        var terms: Int
        var workers: Int
        var seconds: Phases
        /// Seconds of the one-thread parse and statistics build (empty with --skip-single-thread).
        var singleThreadParse: [Double]
        var singleThreadBuild: [Double]
        /// Whether the one-thread statistics equal the parallel ones (nil when not checked).
        var identical: Bool?
    }

    func run() throws {
        let mapper = try PostFieldMapper()
        let paths = try CorpusLoader.filePaths(options.paths)
        var phases = Phases()
        var parallelStats: CorpusStats?
        var corpusFiles: [CorpusFile] = []
        for _ in 0..<options.runs where stream {
            let ((stats, bm25), build) = try Stopwatch.time { () throws(CorpusError) in
                try CorpusStats.buildIndexed(paths: paths, mapper: mapper)
            }
            withExtendedLifetime(bm25) {}
            phases.read.append(0)
            phases.parse.append(0)
            phases.build.append(build)
            phases.index.append(0)
            phases.total.append(build)
            parallelStats = stats
        }
        for _ in 0..<options.runs where !stream {
            let (files, read) = try Stopwatch.time { () throws(CorpusError) in try CorpusLoader.read(paths) }
            let (loaded, parse) = Stopwatch.time { CorpusLoader.load(files, mapper: mapper) }
            let ((stats, bm25), build) = Stopwatch.time { CorpusStats.buildIndexed(loaded) }
            withExtendedLifetime(bm25) {}
            phases.read.append(read)
            phases.parse.append(parse)
            phases.build.append(build)
            phases.index.append(0)
            phases.total.append(read + parse + build)
            parallelStats = stats
            corpusFiles = files
        }
        guard let stats = parallelStats else { return }
        var singleThreadParse: [Double] = [], singleThreadBuild: [Double] = []
        var identical: Bool?
        if !skipSingleThread, stream {
            let (single, build) = try Stopwatch.time { () throws(CorpusError) in
                try CorpusStats.build(paths: paths, mapper: mapper, workers: 1)
            }
            singleThreadParse.append(0)
            singleThreadBuild.append(build)
            identical = single == stats
        } else if !skipSingleThread {
            let (loaded, parse) = Stopwatch.time { CorpusLoader.load(corpusFiles, mapper: mapper, workers: 1) }
            let (single, build) = Stopwatch.time { CorpusStats.build(loaded, workers: 1) }
            singleThreadParse.append(parse)
            singleThreadBuild.append(build)
            identical = single == stats
        }
        if let directory = writeStats, let problem = CorpusCache(directory: directory).write(stats, key: Self.statsKey) {
            throw ValidationError(problem)
        }
        try JSONLine.print(Report(posts: stats.postCount, duplicates: stats.duplicates, terms: stats.termKeys.count,
                                  workers: ParallelMap.workers, seconds: phases, singleThreadParse: singleThreadParse,
                                  singleThreadBuild: singleThreadBuild, identical: identical))
        if identical == false {
            throw ValidationError("the statistics built on one thread differ from the parallel build")
        }
    }
}
