import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint

/// Fast paths of loading and analysis checked against the general code they skip: each must
/// give exactly what the general path gives wherever it answers.
@Suite struct LoadingFastPathTests {
    /// Texts near plain decimals: digits with dots, commas, signs, spaces, currency and unit text.
    static func amountTexts(seed: UInt64, count: Int) -> [String] {
        var generator = RandomCorpus.Generator(state: seed)
        let pieces = ["0", "1", "2", "5", "7", "9", "00", "123", ".", ".", ",", "-", "+", " ", "$", "€", "k", "/hr",
                      "e", "E", "1e5", "nan", "inf", "0x1", "٣", "Hourly:", "to"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func plainDecimalsReadAsTheGeneralParserReadsThem() {
        var generator = RandomCorpus.Generator(state: 12)
        // Plain decimals of every shape the fast path takes, and mixes that it must refuse.
        let plain = (0..<3_000).map { _ -> String in
            let whole = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            guard Bool.random(using: &generator) else { return whole }
            return whole + "." + String((0..<Int.random(in: 1...6, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
        }
        for text in plain {
            let fast = AmountRange.plainDecimal(text)
            #expect(fast != nil, "'\(text)' is a plain decimal")
            #expect(fast == (try? AmountRange.parse(text)), "'\(text)'")
        }
        var answered = 0
        for text in Self.amountTexts(seed: 7, count: 20_000) {
            guard let fast = AmountRange.plainDecimal(text) else { continue }
            answered += 1
            #expect(fast == (try? AmountRange.parse(text)), "'\(text)'")
        }
        #expect(answered > 500, "the random texts include plain decimals")
        #expect(AmountRange.plainDecimal("1.") == nil && AmountRange.plainDecimal(".5") == nil
                && AmountRange.plainDecimal("1.2.3") == nil && AmountRange.plainDecimal("") == nil)
    }

    @Test func trimmingSpacesEqualsTrimmingByScalarProperty() {
        var generator = RandomCorpus.Generator(state: 3)
        let pieces = ["a", "Z", "é", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}",
                      "\u{3000}", "\u{1C}", "\u{1F}", "x y", "\u{301}", "😀", ""]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let scalars = text.unicodeScalars
            let expected = scalars.firstIndex { !$0.properties.isWhitespace }.map { first in
                String(scalars[first...scalars.lastIndex { !$0.properties.isWhitespace }!])
            } ?? ""
            #expect(text.trimmingSpaces == expected, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func asciiListsDecodeAsByCharacter() {
        var generator = RandomCorpus.Generator(state: 9)
        let pieces = ["[", "]", "'", "\"", "\\", ",", ";", "|", " ", "\t", "\r\n", "SQL", "Power BI", "C#", "a", "", "[]"]
        var literals = 0
        for _ in 0..<20_000 {
            let body = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = Bool.random(using: &generator) ? " [" + body + "] " : body
            let trimmed = text.trimmingSpaces
            literals += trimmed.hasPrefix("[") && trimmed.hasSuffix("]") ? 1 : 0
            #expect(ListEncoding.asciiDecode(trimmed) == ListEncoding.characterDecode(trimmed), "\(text.debugDescription)")
        }
        #expect(literals > 5_000, "bracketed literals were among the texts")
    }

    @Test func statisticsBuiltWithTheirIndexEqualThoseBuiltAlone() throws {
        let loaded = CorpusLoader.load(try CorpusLoader.read([CorpusDeterminismTests.fourTracks]), mapper: try PostFieldMapper())
        let alone = CorpusStats.build(loaded)
        let index = BM25(stats: alone)
        for workers in [1, 2] {
            let (stats, bm25) = CorpusStats.buildIndexed(loaded, workers: workers)
            #expect(CorpusCache.encode(stats, key: "k") == CorpusCache.encode(alone, key: "k"), "\(workers) workers")
            #expect(bm25.idf == index.idf && bm25.norms == index.norms && bm25.postingStart == index.postingStart
                    && bm25.postingPosts == index.postingPosts && bm25.postingCounts == index.postingCounts)
            #expect(!bm25.postingPosts.isEmpty)
        }
    }
}
