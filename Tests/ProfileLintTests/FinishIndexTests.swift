import Foundation
import Testing
@testable import ProfileCorpus

/// The finish's indexes read the statistics' columns in place; these tests check them against
/// the element-by-element definitions they replaced, on the real corpus and on random input.
@Suite struct FinishIndexTests {
    /// The postings as they were built through `terms(ofPost:)` (the oracle).
    static func referencePostings(_ stats: CorpusStats, scored: [Double], terms: Range<Int>) -> ([UInt32], [UInt32], [UInt16]) {
        var start = [UInt32](repeating: 0, count: terms.count + 1)
        for term in stats.postTermIDs where terms.contains(Int(term)) && scored[Int(term)] != 0 {
            start[Int(term) - terms.lowerBound + 1] += 1
        }
        for index in 0..<terms.count { start[index + 1] += start[index] }
        var next = start
        var posts = [UInt32](repeating: 0, count: Int(start[terms.count]))
        var counts = [UInt16](repeating: 0, count: posts.count)
        for post in 0..<stats.postCount {
            let (ids, frequencies) = stats.terms(ofPost: post)
            for (term, frequency) in zip(ids, frequencies) where terms.contains(Int(term)) && scored[Int(term)] != 0 {
                let slot = Int(next[Int(term) - terms.lowerBound])
                posts[slot] = UInt32(post)
                counts[slot] = frequency
                next[Int(term) - terms.lowerBound] += 1
            }
        }
        return (start, posts, counts)
    }

    /// The slots as they were placed through the column's elements (the oracle).
    static func referenceSlots(_ keys: Column<String>) -> [UInt32]? {
        guard !keys.isEmpty else { return [] }
        var capacity = 2
        while capacity < 2 * keys.count { capacity *= 2 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (id, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: referenceHash(key)) & mask
            while slots[slot] != 0 {
                if keys[Int(slots[slot]) - 1] == key { return nil }
                slot = (slot + 1) & mask
            }
            slots[slot] = UInt32(id + 1)
        }
        return slots
    }

    /// FNV-1a over the string's UTF-8 view, mixed (the definition of `KeyIndex.hash`).
    static func referenceHash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }

    static func realStats() throws -> CorpusStats {
        let loaded = CorpusLoader.load(try CorpusLoader.read([CorpusDeterminismTests.fourTracks]), mapper: try PostFieldMapper())
        return CorpusStats.build(loaded)
    }

    /// A small random generator (the tests must not depend on the system's).
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func postingsEqualTheRowByRowDefinitionOnTheRealCorpus() throws {
        let stats = try Self.realStats()
        let idf = BM25.idf(stats)
        #expect(stats.postCount > 2_000)
        let count = idf.count
        for terms in [0..<count, 0..<(count / 3), (count / 3)..<count, 100..<101, 5..<5] {
            let ours = BM25.postings(stats, scored: idf, terms: terms)
            let theirs = Self.referencePostings(stats, scored: idf, terms: terms)
            #expect(ours.0 == theirs.0 && ours.1 == theirs.1 && ours.2 == theirs.2, "terms \(terms)")
        }
    }

    @Test func postingsEqualTheRowByRowDefinitionOnRandomRows() {
        var random = Random(state: 0x9E37_79B9_7F4A_7C15)
        for round in 0..<300 {
            var stats = CorpusStats()
            let termCount = 1 + random.next(40), postCount = random.next(30)
            stats.termKeys = Column((0..<termCount).map { "t\($0)" })
            var starts: [UInt32] = [0], ids: [UInt32] = [], counts: [UInt16] = []
            for _ in 0..<postCount {
                var row = Set<UInt32>()
                for _ in 0..<random.next(12) { row.insert(UInt32(random.next(termCount))) }
                ids += row.sorted()
                counts += row.map { _ in UInt16(1 + random.next(5)) }
                starts.append(UInt32(ids.count))
            }
            // Every third round, fewer counts than ids (rows paired while both last).
            if round % 3 == 0, !counts.isEmpty { counts.removeLast(random.next(counts.count)) }
            stats.postTermStart = Column(starts)
            stats.postTermIDs = Column(ids)
            stats.postTermCounts = Column(counts)
            stats.titles = Column(Array(repeating: "post", count: postCount))
            let scored = (0..<termCount).map { _ in random.next(4) == 0 ? 0.0 : 1.0 }
            let low = random.next(termCount), high = low + random.next(termCount - low + 1)
            for terms in [0..<termCount, low..<high] {
                let ours = BM25.postings(stats, scored: scored, terms: terms)
                let theirs = Self.referencePostings(stats, scored: scored, terms: terms)
                #expect(ours.0 == theirs.0 && ours.1 == theirs.1 && ours.2 == theirs.2, "round \(round), terms \(terms)")
            }
        }
    }

    @Test func keyHashEqualsTheUTF8ViewDefinition() {
        var random = Random(state: 0x2545_F491_4F6C_DD1D)
        let pieces = ["a", "Z", "résumé", " ", "C#", "数据", "🙂", "\u{0301}", "node.js", "", "\u{202F}"]
        for _ in 0..<3_000 {
            let key = (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(KeyIndex.hash(key) == Self.referenceHash(key), "\(key.debugDescription)")
        }
    }

    @Test func slotsEqualTheElementByElementDefinition() throws {
        let stats = try Self.realStats()
        #expect(KeyIndex.slots(of: stats.termKeys) == Self.referenceSlots(stats.termKeys))
        #expect(KeyIndex.slots(of: stats.tagKeys) == Self.referenceSlots(stats.tagKeys))
        var random = Random(state: 0xD1B5_4A32_D192_ED03)
        for _ in 0..<500 {
            // Few distinct keys for many: repeats (nil) and collisions both happen.
            let keys = Column((0..<random.next(30)).map { _ in "k\(random.next(40))" })
            #expect(KeyIndex.slots(of: keys) == Self.referenceSlots(keys))
        }
    }
}
