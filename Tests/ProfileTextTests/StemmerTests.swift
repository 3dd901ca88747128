import Foundation
import Testing
@testable import ProfileText

@Suite struct StemmerTests {
    @Test func stemsCommonWords() {
        #expect(Stemmer.stem("connections") == "connect")
        #expect(Stemmer.stem("running") == "run")
        #expect(Stemmer.stem("generously") == "generous")
        #expect(Stemmer.stem("dying") == "die")
        #expect(Stemmer.stem("as") == "as")
    }

    @Test func keepsNonASCIILettersInPlace() {
        #expect(Stemmer.stem("naïveties") == "naïveti")
        #expect(Stemmer.stem("café") == "café")
    }

    /// The official Snowball vocabulary: every word must give its published stem.
    @Test func matchesTheSnowballVocabulary() throws {
        let words = try String(contentsOf: TestData.shared("snowball/voc.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let stems = try String(contentsOf: TestData.shared("snowball/output.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(words.count == stems.count)
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) where !word.isEmpty {
            let actual = Stemmer.stem(String(word))
            if actual != expected { mismatches.append("\(word): \(actual) != \(expected)") }
        }
        #expect(words.count > 42_000)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(30))")
    }
}
