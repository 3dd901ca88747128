import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint-bench cache-load DIRECTORY`: times reading the statistics that
/// `analyze --write-stats DIRECTORY` stored (what a warm lint does with its corpus cache).
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
            let (stats, elapsed) = Stopwatch.time { cache.read(key: key) }
            guard let stats else { throw ValidationError("no readable statistics in '\(directory)'") }
            posts = stats.postCount
            seconds.append(elapsed)
        }
        try JSONLine.print(Report(posts: posts, bytes: size, seconds: seconds))
    }
}
