import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint-bench analyze PATH...`: times what a lint without a cache does with the corpus
/// (read the files, parse and de-duplicate the posts, build the statistics, build the BM25
/// index), phase by phase, on all cores; then builds the statistics once on one thread and
/// fails unless they are identical to the parallel build.
struct AnalyzeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Time corpus loading and analysis; check the parallel result against one thread."
    )

    @OptionGroup var options: BenchmarkOptions

    @Flag(help: "Skip the single-threaded build and the determinism check.")
    var skipSingleThread = false

    @Option(help: ArgumentHelp("Also write the statistics in the cache format here (to compare builds byte for byte).", valueName: "directory"))
    var writeStats: String?

    /// Seconds of each phase in each run.
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
        /// UTF-8 bytes of the kept posts' titles and descriptions.
        var textBytes: Int
        var workers: Int
        var seconds: Phases
        /// Seconds of the one-thread statistics builds (empty with --skip-single-thread).
        var singleThreadBuild: [Double]
        /// Whether the one-thread build equals the parallel one (nil when not checked).
        var identical: Bool?
    }

    func run() throws {
        let mapper = try PostFieldMapper()
        let paths = try CorpusLoader.filePaths(options.paths)
        var phases = Phases()
        var parallelStats: CorpusStats?
        var loadedPosts: LoadedPosts?
        for _ in 0..<options.runs {
            let (files, read) = try Stopwatch.time { () throws(CorpusError) in try CorpusLoader.read(paths) }
            let (loaded, parse) = Stopwatch.time { CorpusLoader.load(files, mapper: mapper) }
            let (stats, build) = Stopwatch.time { CorpusStats.build(loaded) }
            let (bm25, index) = Stopwatch.time { BM25(stats: stats) }
            withExtendedLifetime(bm25) {}
            phases.read.append(read)
            phases.parse.append(parse)
            phases.build.append(build)
            phases.index.append(index)
            phases.total.append(read + parse + build + index)
            parallelStats = stats
            loadedPosts = loaded
        }
        guard let stats = parallelStats, let loaded = loadedPosts else { return }
        var singleThreadBuild: [Double] = []
        var identical: Bool?
        if !skipSingleThread {
            let (single, seconds) = Stopwatch.time { CorpusStats.build(loaded, workers: 1) }
            singleThreadBuild.append(seconds)
            identical = single == stats
        }
        if let directory = writeStats, let problem = CorpusCache(directory: directory).write(stats, key: "benchmark") {
            throw ValidationError(problem)
        }
        let textBytes = loaded.posts.reduce(0) { $0 + $1.title.utf8.count + $1.description.utf8.count }
        try JSONLine.print(Report(posts: stats.postCount, duplicates: stats.duplicates, terms: stats.termKeys.count,
                                  textBytes: textBytes, workers: ParallelMap.workers, seconds: phases,
                                  singleThreadBuild: singleThreadBuild, identical: identical))
        if identical == false {
            throw ValidationError("the statistics built on one thread differ from the parallel build")
        }
    }
}
