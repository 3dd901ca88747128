import ArgumentParser
import Foundation
import ProfileLint
import ProfileText

/// `profilelint-bench casefold PATH...`: the practical ceiling of any text analysis, ICU's
/// NFKC_Casefold of every post title and description (and nothing else), on all cores and on
/// one thread; and ProfileText's `Normalizer.caseFold`, which skips ICU for ASCII text.
struct CaseFoldBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casefold",
        abstract: "Time ICU NFKC case folding of the corpus text (the ceiling for analysis speed)."
    )

    @OptionGroup var options: BenchmarkOptions

    struct Report: Encodable {
        var measurement = "casefold"
        var posts: Int
        var textBytes: Int
        var workers: Int
        /// Every text through ICU, on all cores and on one thread.
        var icuParallel: [Double]
        var icuSingleThread: [Double]
        /// `Normalizer.caseFold` (ASCII texts lowercased without ICU), on all cores.
        var normalizerParallel: [Double]
        /// Share of the texts that are pure ASCII.
        var asciiShare: Double
    }

    func run() throws {
        let files = try CorpusLoader.read(CorpusLoader.filePaths(options.paths))
        let posts = CorpusLoader.load(files, mapper: try PostFieldMapper()).posts
        let texts = posts.flatMap { [$0.title, $0.description] }
        let textBytes = texts.reduce(0) { $0 + $1.utf8.count }
        var report = Report(posts: posts.count, textBytes: textBytes, workers: ParallelMap.workers,
                            icuParallel: [], icuSingleThread: [], normalizerParallel: [],
                            asciiShare: Double(texts.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.count) / Double(max(1, texts.count)))
        for _ in 0..<options.runs {
            report.icuParallel.append(try Self.foldAll(texts, workers: ParallelMap.workers, fold: Normalizer.icuCaseFold))
            report.icuSingleThread.append(try Self.foldAll(texts, workers: 1, fold: Normalizer.icuCaseFold))
            report.normalizerParallel.append(try Self.foldAll(texts, workers: ParallelMap.workers, fold: Normalizer.caseFold))
        }
        try JSONLine.print(report)
    }

    /// Seconds to fold every text in parallel chunks; fails if a text could not be folded.
    static func foldAll(_ texts: [String], workers: Int, fold: @escaping @Sendable (String) -> String?) throws -> Double {
        let (failures, seconds) = Stopwatch.time {
            ParallelMap.chunks(count: texts.count, workers: workers) { range in
                range.count(where: { fold(texts[$0]) == nil })
            }.reduce(0, +)
        }
        guard failures == 0 else { throw ValidationError("ICU failed to case-fold \(failures) texts") }
        return seconds
    }
}
