import Foundation
import Testing
@testable import ProfileText

/// The compiled form of the hyphenation patterns (`Hyphenator.compiled`, `init(compiled:)`):
/// it hyphenates exactly as the parsed dictionary, and bytes that do not make a safe trie
/// are rejected rather than trusted.
@Suite struct HyphenatorCompiledTests {
    static let words = ["banana", "banban", "exam", "ééba", "", "a", "hyphenation", "representation", "Readability",
                        "accessibility", "pneumonoultramicroscopicsilicovolcanoconiosis", "naïve", "co-operate", "don't"]

    private func tiny() throws -> Hyphenator {
        try Hyphenator(contentsOf: TestData.local("oracles/tiny-hyphenation.dic").path)
    }

    @Test func compiledPatternsHyphenateAsTheParsedOnes() throws {
        let parsed = try tiny()
        let compiled = try #require(Hyphenator(compiled: parsed.compiled()[...]))
        for word in Self.words { #expect(compiled.points(in: word) == parsed.points(in: word), "\(word)") }
        #expect(compiled.compiled() == parsed.compiled())
    }

    /// The system's US English dictionary (when installed), on every word of a sample text.
    @Test func systemDictionaryRoundTrips() throws {
        guard let parsed = Hyphenator.loadEnglish() else { return }
        let compiled = try #require(Hyphenator(compiled: parsed.compiled()[...]))
        let text = """
            Readability formulas count syllables; textstat counts a word's hyphenation points plus one, with the
            dictionary LibreOffice ships. Internationalization, responsibilities, characteristically, überhaupt.
            """
        let words = text.split { !$0.isLetter && $0 != "'" }.map(String.init) + Self.words
        for word in words { #expect(compiled.points(in: word) == parsed.points(in: word), "\(word)") }
    }

    @Test func everyTruncationIsRejected() throws {
        let bytes = try tiny().compiled()
        for length in 0..<bytes.count { #expect(Hyphenator(compiled: bytes.prefix(length)) == nil, "\(length)") }
        #expect(Hyphenator(compiled: (bytes + [0])[...]) == nil)
    }

    /// A flipped bit either makes bytes that are rejected or a trie that still hyphenates every
    /// word without going out of bounds (telling such a change apart is the cache's checksum's job).
    @Test func everyFlippedBitIsRejectedOrSafe() throws {
        let bytes = try tiny().compiled()
        var rejected = 0
        for index in bytes.indices {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[index] ^= 1 << bit
                guard let hyphenator = Hyphenator(compiled: damaged[...]) else {
                    rejected += 1
                    continue
                }
                for word in Self.words { _ = hyphenator.points(in: word) }
            }
        }
        #expect(rejected > 0)
    }

    @Test func foreignBytesAreRejected() {
        #expect(Hyphenator(compiled: []) == nil)
        #expect(Hyphenator(compiled: Array("UTF-8\n1ba\na1n\n".utf8)[...]) == nil)
        #expect(Hyphenator(compiled: [UInt8](repeating: 0xFF, count: 4096)[...]) == nil)
    }
}
