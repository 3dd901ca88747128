import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel

/// The statistics builder takes a corpus in parts and may evict n-grams seen once to a spill
/// file; neither may change the result, byte for byte in the cache format.
@Suite struct CorpusStatsBuilderTests {
    static let realCorpus = CorpusDeterminismTests.fourTracks

    @Test func evictingRareTermsInPartsGivesTheSameStatisticsOnTheRealCorpus() throws {
        let loaded = CorpusLoader.load(try CorpusLoader.read([Self.realCorpus]), mapper: try PostFieldMapper())
        let whole = CorpusStats.build(loaded)
        for workers in [1, 3] {
            var builder = CorpusStats.Builder(workers: workers, evictionLimit: 5_000)
            for start in stride(from: 0, to: loaded.posts.count, by: 300) {
                let part = Array(loaded.posts[start..<min(loaded.posts.count, start + 300)])
                builder.add(LoadedPosts(posts: part, issues: start == 0 ? loaded.issues : [],
                                        duplicates: start == 0 ? loaded.duplicates : 0))
            }
            #expect(builder.evictedTerms > 10_000, "the eviction path ran")
            #expect(builder.promotedTerms > 100, "evicted terms came back")
            let parts = builder.finish()
            #expect(parts.isConsistent)
            #expect(CorpusCache.encode(parts, key: "k") == CorpusCache.encode(whole, key: "k"), "\(workers) workers")
        }
    }

    @Test func readingFilesAGroupAtATimeGivesTheSameStatistics() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/jobs").path
        let paths = try CorpusLoader.filePaths([examples, Self.realCorpus])
        let mapper = try PostFieldMapper()
        let whole = CorpusStats.build(CorpusLoader.load(try CorpusLoader.read(paths), mapper: mapper))
        // One file per group: duplicates across files and issues in file order must survive.
        let grouped = try CorpusStats.build(paths: paths, mapper: mapper, groupBytes: 1)
        #expect(paths.count > 3)
        #expect(grouped.duplicates == whole.duplicates && grouped.duplicates > 0)
        #expect(CorpusCache.encode(grouped, key: "k") == CorpusCache.encode(whole, key: "k"))
    }

    @Test func spellingsGetOneIDEachAcrossGrowth() {
        var table = CorpusStats.SpellingTable()
        let words = (0..<20_000).map { "w\($0)" } + ["", "é", "a much longer spelling than eight bytes"]
        func id(_ word: String) -> (id: UInt32, isNew: Bool) {
            var word = word
            return word.withUTF8 { table.id(of: $0) }
        }
        for (expected, word) in words.enumerated() {
            #expect(id(word) == (UInt32(expected), true))
        }
        for (expected, word) in words.enumerated() {
            #expect(id(word) == (UInt32(expected), false))
        }
        #expect(table.count == words.count)
    }

    /// The eight-at-a-time comparison against `==` of the byte arrays: random lengths 0-40,
    /// equal pairs and pairs differing in one byte anywhere (first, last, inside a word, tail).
    @Test func spellingBytesCompareAsArraysDo() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let a = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var b = a
            if !b.isEmpty, Bool.random(using: &generator) {
                b[Int.random(in: b.indices, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            }
            let equal = a.withUnsafeBytes { x in
                b.withUnsafeBytes { y in
                    CorpusStats.SpellingTable.equalBytes(x.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
                                                         y.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: a.count)
                }
            }
            #expect(equal == (a == b), "\(a) vs \(b)")
        }
    }

    /// The tag pair table counts as a `[UInt64: UInt32]` did, past several growths, and lists
    /// the pairs in increasing order.
    @Test func tagPairCountsAreThoseOfADictionary() {
        var generator = SystemRandomNumberGenerator()
        var table = CorpusStats.PairCounts()
        var oracle: [UInt64: UInt32] = [:]
        for _ in 0..<20_000 {
            let a = UInt64.random(in: 0..<3_000, using: &generator), b = a + UInt64.random(in: 1...40, using: &generator)
            table.add(a << 32 | b)
            oracle[a << 32 | b, default: 0] += 1
        }
        let (pairs, counts) = table.sorted()
        #expect(pairs == oracle.keys.sorted())
        #expect(counts == pairs.map { oracle[$0] ?? 0 })
        #expect(pairs.count > 10_000)
    }

    /// Interning numbers strings as a `[String: UInt32]` by first occurrence did: ASCII and
    /// non-ASCII, canonically equivalent spellings (`é` precomposed and decomposed) one id,
    /// past the table's growth.
    @Test func internedStringsGetTheIDsADictionaryGave() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "b", "z", "0", "'", "é", "e\u{301}", "ß", "ж", "😀", "ﬁ", " "]
        var interned = CorpusStats.Interned()
        var oracle: [String: UInt32] = [:]
        for _ in 0..<20_000 {
            let string = (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let expected = oracle[string] ?? UInt32(oracle.count)
            oracle[string] = expected
            #expect(interned.id(string) == expected, "\(string.unicodeScalars.map(\.value))")
        }
        #expect(interned.strings.count == oracle.count)
        #expect(interned.id("caf\u{E9}") == interned.id("cafe\u{301}"))
    }

    @Test func spilledRecordsComeBackInOrderPastTheMemoryBuffer() {
        let spill = CorpusStats.TermSpill()
        let count = 80_000
        for index in 0..<count {
            let id = UInt32(index)
            spill.append(.init(key: .init(first: id, second: id + 1, third: .max), words: .init(first: id, second: 0, third: .max),
                               occurrence: .init(post: id, ordinal: 2, count: 3, inTitle: index % 2 == 0), length: 2))
        }
        var seen = 0
        var inOrder = true
        let complete = spill.forEach { record in
            inOrder = inOrder && record.key.first == UInt32(seen) && record.occurrence.post == UInt32(seen)
                && record.occurrence.inTitle == (seen % 2 == 0)
            seen += 1
        }
        #expect(complete)
        #expect(seen == count)
        #expect(inOrder)
    }

    @Test func theSeenFilterNeverForgetsAKey() {
        var filter = CorpusStats.SeenFilter(bits: 1 << 16)
        let keys = (0..<5_000).map { CorpusStats.IDTriple(first: UInt32($0), second: UInt32($0 * 7), third: .max) }
        for key in keys { filter.insert(key) }
        #expect(keys.allSatisfy(filter.contains))
        let others = (5_000..<10_000).map { CorpusStats.IDTriple(first: UInt32($0), second: 1, third: 2) }
        #expect(others.filter(filter.contains).count < 2_500, "most keys never inserted are not reported")
    }
}
