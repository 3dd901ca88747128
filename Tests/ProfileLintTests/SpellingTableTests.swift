import Testing
@testable import ProfileCorpus

/// The spelling table decides spellings of up to eight bytes by hash and length alone: these
/// tests check that the hash is one-to-one there, and that lookups agree with a dictionary.
@Suite struct SpellingTableTests {
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { CorpusStats.SpellingTable.hash($0) }
    }

    /// Every spelling of up to two bytes, exhaustively, has its own hash.
    @Test func hashesOfOneAndTwoBytesAreDistinct() {
        var seen = Set<UInt64>()
        seen.insert(Self.hash([]))
        for first in UInt8.min...UInt8.max {
            #expect(seen.insert(Self.hash([first])).inserted)
            for second in UInt8.min...UInt8.max {
                #expect(seen.insert(Self.hash([first, second])).inserted)
            }
        }
        #expect(seen.count == 1 + 256 + 65_536)
    }

    /// Spellings of three to eight bytes that differ in one byte (each position, all 255 other
    /// values), from random ones: no two share a hash at one length.
    @Test func hashesOfSpellingsDifferingInOneByteAreDistinct() {
        var generator = SystemRandomNumberGenerator()
        for count in 3...8 {
            for _ in 0..<20 {
                let base = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
                var seen: Set<UInt64> = [Self.hash(base)]
                for position in 0..<count {
                    for change in UInt8(1)...UInt8.max {
                        var other = base
                        other[position] ^= change
                        #expect(seen.insert(Self.hash(other)).inserted, "\(other)")
                    }
                }
            }
        }
    }

    /// Ids of random spellings from a small alphabet (so many share lengths and first bytes)
    /// against a dictionary's, across growth, with `find` of present and absent spellings.
    @Test func lookupsAgreeWithADictionary() {
        var generator = SystemRandomNumberGenerator()
        var table = CorpusStats.SpellingTable(capacity: 16)
        var expected: [[UInt8]: UInt32] = [:]
        let alphabet: [UInt8] = Array("abcé".utf8) + [0, 0xFF]
        func spelling() -> [UInt8] {
            (0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        }
        for _ in 0..<30_000 {
            let bytes = spelling()
            let (id, isNew) = bytes.withUnsafeBufferPointer { table.id(of: $0) }
            if let known = expected[bytes] {
                #expect(id == known && !isNew, "\(bytes)")
            } else {
                #expect(id == UInt32(expected.count) && isNew, "\(bytes)")
                expected[bytes] = id
            }
            let probe = spelling()
            #expect(probe.withUnsafeBufferPointer { table.find($0) } == expected[probe], "\(probe)")
        }
        #expect(table.count == expected.count)
    }
}
