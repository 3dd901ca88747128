import Foundation
import Testing
@testable import ProfileCorpus

/// Rows read in place (`Column.withRows`) are the rows `IDRow` reads, id for id: on random
/// and real corpora, in memory and mapped from a cache file, and on corrupt rows (starts past
/// the column or going back, ids past the bound, no valid id at all).
@Suite struct UnsafeIDRowTests {
    static func expectSameRows(_ ids: Column<UInt32>, _ starts: Column<UInt32>, bound: Int, rows: Range<Int>,
                               _ comment: Comment) {
        ids.withRows(start: starts, bound: bound) { inPlace in
            for row in rows {
                let expected = Array(IDRow(ids, start: starts, row: row, bound: bound))
                #expect(Array(inPlace[row]) == expected, "\(comment) row \(row)")
                var visited: [UInt32] = []
                inPlace[row].forEachID { visited.append($0) }
                #expect(visited == expected, "\(comment) row \(row)")
            }
        }
    }

    @Test func tagAndTermRowsAreIDRowsInMemoryAndMapped() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plrows-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = CorpusCache(directory: directory)
        var corpora = [CorpusStats.build(try ExampleCorpus.loaded())]
        for seed in UInt64(1)...10 {
            var random = RandomCorpus(seed: seed)
            corpora.append(random.stats(posts: 60))
        }
        for (number, stats) in corpora.enumerated() {
            #expect(cache.write(stats, key: "k\(number)") == nil)
            let mapped = try #require(cache.open(key: "k\(number)")?.stats)
            #expect(mapped.postTagIDs.mappedSection != nil)
            for corpus in [stats, mapped] {
                Self.expectSameRows(corpus.postTagIDs, corpus.postTagStart, bound: corpus.tagKeys.count,
                                    rows: 0..<corpus.postCount, "corpus \(number) tags")
                Self.expectSameRows(corpus.postTermIDs, corpus.postTermStart, bound: corpus.termKeys.count,
                                    rows: 0..<corpus.postCount, "corpus \(number) terms")
            }
        }
    }

    @Test func corruptRowsAreClampedAsIDRowClampsThem() {
        var generator = RandomCorpus.Generator(state: 11)
        for round in 0..<300 {
            let ids = Column((0..<Int.random(in: 0...30, using: &generator)).map { _ in UInt32.random(in: 0...12, using: &generator) })
            let starts = Column((0..<Int.random(in: 1...12, using: &generator)).map { _ in UInt32.random(in: 0...40, using: &generator) })
            // An array column traps past its end, so the last start closes the last row.
            Self.expectSameRows(ids, starts, bound: Int.random(in: 0...10, using: &generator), rows: 0..<(starts.count - 1),
                                "round \(round)")
        }
    }
}
