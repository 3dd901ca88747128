import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint-bench cache-load DIRECTORY`: times reading the statistics that
/// `analyze --write-stats DIRECTORY` stored (what a warm lint does with its corpus cache): the
/// file opened and the corpus made ready for fits (statistics and BM25 index).
struct CacheLoadBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache-load",
        abstract: "Time loading corpus statistics from the cache format."
    )

    @Argument(help: ArgumentHelp("A directory written by 'analyze --write-stats'.", valueName: "directory"))
    var directory: String

    @Option(help: "How many times to repeat the measurement.")
    var runs = 5

    struct Report: Encodable {
        var measurement = "cache-load"
        var posts: Int
        var bytes: Int
        var seconds: [Double]
    }

    func run() throws {
        let cache = CorpusCache(directory: directory)
        let key = AnalyzeBenchmark.statsKey
        let size = (try? FileManager.default.attributesOfItem(atPath: cache.path(forKey: key))[.size] as? Int) ?? 0
        var seconds: [Double] = []
        var posts = 0
        for _ in 0..<max(1, runs) {
            let (corpus, elapsed) = Stopwatch.time {
                cache.open(key: key).map { Corpus(stats: $0.stats, bm25: $0.bm25, fromCache: true) }
            }
            guard let corpus else { throw ValidationError("no readable statistics in '\(directory)'") }
            posts = corpus.stats.postCount
            seconds.append(elapsed)
        }
        try JSONLine.print(Report(posts: posts, bytes: size, seconds: seconds))
    }
}
