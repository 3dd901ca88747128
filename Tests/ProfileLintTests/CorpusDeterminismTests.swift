import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The corpus statistics are built in parallel chunks; these tests check that the result is
/// the same, byte for byte in the cache format, whatever the number of threads, on the real
/// 2,400-post corpus (many chunks, non-ASCII words, HTML entities, duplicates).
@Suite struct CorpusDeterminismTests {
    static let fourTracks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/data/jobs/four-tracks-2400.csv").standardized.path

    @Test func realCorpusStatisticsAreByteIdenticalOnOneThreadAndMany() throws {
        let loaded = CorpusLoader.load(try CorpusLoader.read([Self.fourTracks]), mapper: try PostFieldMapper())
        let single = CorpusStats.build(loaded, workers: 1)
        let singleBytes = CorpusCache.encode(single, key: "determinism")
        #expect(single.postCount > 2_000)
        #expect(single.isConsistent)
        for workers in [2, 5] {
            let parallel = CorpusStats.build(loaded, workers: workers)
            #expect(parallel == single, "\(workers) workers")
            #expect(CorpusCache.encode(parallel, key: "determinism") == singleBytes, "\(workers) workers")
        }
    }

    @Test func loadingIsIdenticalOnOneThreadAndMany() throws {
        let files = try CorpusLoader.read([Self.fourTracks])
        let mapper = try PostFieldMapper()
        let single = CorpusLoader.load(files, mapper: mapper, workers: 1)
        let parallel = CorpusLoader.load(files, mapper: mapper, workers: 3)
        #expect(single.posts == parallel.posts)
        #expect(single.issues == parallel.issues)
        #expect(single.duplicates == parallel.duplicates)
        #expect(single.duplicates > 0, "the real corpus repeats some posts")
    }

    /// Terms are counted by their key (stems joined by spaces). A narrow no-break space (U+202F)
    /// joins words into one ICU word and NFKC makes it a space, so the single word
    /// `to\u{202F}provid` has the stem `to provid`, and the bigram `data to\u{202F}provid` has the
    /// same key as the trigram `data to provide`: one term, in two posts.
    @Test func aStemWithASpaceCountsUnderTheSameKeyAsTheWordsItSpells() {
        let stats = CorpusStats.build(CorpusStatsTests.posts([
            ("Reports", "Weekly data to provide.", [], nil),
            ("Reports", "Weekly data to\u{202F}provid.", [], nil),
        ]))
        #expect(stats.isConsistent)
        #expect(stats.termIndex["data to provid"].map { stats.documentFrequency[Int($0)] } == 2)
        #expect(stats.termIndex["data to provid"].map { stats.termLengths[Int($0)] } == 3, "length of the first occurrence")
    }
}
