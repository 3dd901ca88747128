import Foundation
import Testing
@testable import ProfileCorpus

/// Titles told apart by their bytes (`DistinctTitles`) are what a plain walk keyed by the
/// titles' UTF-8 bytes finds, in a column built in memory and in the same column mapped from a
/// cache file: repeats counted, the order of first posts kept, and two spellings equal as
/// strings but not in bytes (composed and decomposed accents) kept apart.
@Suite struct DistinctTitlesTests {
    static let pool = ["Power BI dashboard", "Caf\u{E9} sales report", "Cafe\u{301} sales report", "SQL analyst", "",
                       "Data Analyst Needed", "data analyst needed", "Na\u{EF}ve model \u{1F4CA}"]

    static func stats(seed: UInt64) -> CorpusStats {
        var random = RandomCorpus(seed: seed)
        let posts = (0..<80).map { index in
            JobPost(title: pool.randomElement(using: &random.generator)!, description: "report \(index)", skills: [],
                    category: nil, location: PostLocation(path: "titles.jsonl", line: index + 1))
        }
        return CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0))
    }

    /// The distinct titles of `posts` by bytes, with their counts, in the order of first post.
    static func plain(_ posts: [Int], _ titles: Column<String>) -> [(bytes: [UInt8], weight: Int)] {
        var found: [(bytes: [UInt8], weight: Int)] = []
        for post in posts {
            let bytes = Array(titles[post].utf8)
            if let known = found.firstIndex(where: { $0.bytes == bytes }) { found[known].weight += 1 } else { found.append((bytes, 1)) }
        }
        return found
    }

    @Test func titlesAreToldApartByTheirBytesInMemoryAndMapped() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pltitles-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = CorpusCache(directory: directory)
        var decomposedApart = 0
        for seed in UInt64(1)...20 {
            let stats = Self.stats(seed: seed)
            #expect(cache.write(stats, key: "k\(seed)") == nil)
            let mapped = try #require(cache.open(key: "k\(seed)")?.stats)
            #expect(mapped.titles.mappedSection != nil)
            var random = RandomCorpus(seed: seed + 100)
            let posts = random.subset(of: stats.postCount).sorted()
            for titles in [stats.titles, mapped.titles] {
                var distinct = DistinctTitles(titles)
                for post in posts { distinct.add(post) }
                let found = distinct.list
                let expected = Self.plain(posts, titles)
                #expect(found.map { Array($0.text.utf8) } == expected.map(\.bytes), "seed \(seed)")
                #expect(found.map(\.weight) == expected.map(\.weight), "seed \(seed)")
                let spellings = found.map { Array($0.text.utf8) }
                if spellings.contains(Array(Self.pool[1].utf8)) && spellings.contains(Array(Self.pool[2].utf8)) {
                    decomposedApart += 1
                }
            }
        }
        #expect(decomposedApart > 0, "the composed and decomposed spellings both occur and stay apart")
    }
}
