import Foundation
import PropertyBased
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

    /// Every word of both real corpora (whole files, every column) stems as the array-based
    /// stemmer did.
    @Test(arguments: ["jobs/four-tracks-2400.csv", "jobs/data-analyst-340.json"])
    func equalsTheArrayStemmerOnTheCorpora(path: String) throws {
        let text = try String(contentsOf: TestData.shared(path), encoding: .utf8)
        let words = Set(TextAnalyzer.analyze(text).terms.map(\.normalized))
        #expect(words.count > 5_000)
        let mismatches = words.filter { Stemmer.stem($0) != ReferenceStemmer.stem($0) }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ: \(mismatches.prefix(20))")
    }

    /// Letters weighted toward the suffixes the steps test, with apostrophes and a few
    /// non-ASCII letters: random words reach the rarer branches.
    static let words = Gen<String?>.element(of: [
        "a", "e", "i", "o", "u", "y", "b", "c", "d", "g", "l", "n", "r", "s", "t", "z", "'", "é", "ß",
        "ing", "ed", "ly", "ies", "sses", "ation", "tional", "iz", "bl", "at", "ful", "ness", "ous", "ive",
        "ement", "ion", "li", "ogi", "eed", "past", "gener", "sky", "y",
    ]).array(of: 0...7).map { $0.compactMap { $0 }.joined() }

    @Test func equalsTheArrayStemmerOnRandomWords() async {
        await propertyCheck(count: 20_000, input: Self.words) { word in
            #expect(Stemmer.stem(word) == ReferenceStemmer.stem(word), "\(word.debugDescription)")
        }
    }
}
