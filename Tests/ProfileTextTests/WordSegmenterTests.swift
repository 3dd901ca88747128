import PropertyBased
@testable import ProfileText
import Testing

/// The ASCII word scanner and the phrase numbering without sentences against the ICU path
/// they replace (the real corpora are compared in RealDataTests).
@Suite struct WordSegmenterTests {
    /// Both paths' words and phrases of `text`, to compare.
    static func bothPaths(_ text: String) -> (fast: [Range<Int>], icu: [Range<Int>], phrases: [Int], icuPhrases: [Int]) {
        var text = text
        return text.withUTF8 { bytes in
            var phrases: [Int] = [], icuPhrases: [Int] = [], phraseWords: [Range<Int>] = []
            TextAnalyzer.segmentPhrases(bytes) { range, phrase in
                phraseWords.append(range)
                phrases.append(phrase)
            }
            _ = TextAnalyzer.segment(bytes) { _, _, phrase in icuPhrases.append(phrase) }
            #expect(phraseWords == Tokenizer.wordRanges(in: bytes))
            return (Tokenizer.wordRanges(in: bytes), Tokenizer.icuWordRanges(in: bytes), phrases, icuPhrases)
        }
    }

    static func words(_ text: String, _ ranges: [Range<Int>]) -> [String] {
        let utf8 = Array(text.utf8)
        return ranges.map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    @Test(arguments: [
        "C++ and C# on .NET, node.js and ASP.NET (.NET) C#/.NET",
        "e.g. U.S. 3.5 1,000 1;2 1'2 x1.y a.1 1.a a..b don't 'tis rock'n'roll a.'b",
        "foo_bar _ __ _a a_ 1_ _1 ___ a_.b 1._ __init__",
        "Requirements:Python skills.Strong a.B c a.Bc CI/CD R&D TCP/IP e-mail T-SQL Objective-C",
        "I use C# .NET daily. Use .NET. Then go .net now",
        "You’ll need résumé skills — and café\u{301} e\u{301}t\u{E9} 中文字 日本語のテキスト 😀 ok",
        "•Python – SQL—R “quoted” ‘single’ don’t 1’000 a’.b ●x →y… end’ ’start x’’y a’\u{301}b",
        "tab\tseparated\u{85}next\u{2028}line\r\nCRLF\rCR\u{0B}VT\u{0C}FF",
        "end?Next end!next  2024-2025 3D B2B GA4 v2.Net 10.5.3",
        "",
        "   ",
        "ü",
        ".NET",
        "_",
    ])
    func fastPathMatchesICUOn(text: String) {
        let result = Self.bothPaths(text)
        #expect(Self.words(text, result.fast) == Self.words(text, result.icu))
        #expect(result.fast == result.icu)
        #expect(result.phrases == result.icuPhrases)
    }

    /// Pieces random texts are made of: mostly ASCII letters, digits, punctuation and tech
    /// tokens, with some non-ASCII letters, marks, punctuation, emoji and line separators.
    static let pieces: [String] = [
        "a", "B", "z", "Q", "e", "x", "js", "Net", "NET", "ab", "Ab", "AB", "0", "1", "9", "42", "_",
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}",
        ".", ".", "'", ",", ";", ":", "-", "+", "++", "#", "/", "&", "(", ")", "[", "\"", "?", "!", "@",
        "C++", "C#", ".NET", "node.js", "e.g.", "U.S.", "3.5", "1,000", "CI/CD", "e-mail", "TCP/IP",
        "’", "é", "e\u{301}", "É", "ß", "ﬁ", "•", "–", "…", "。", "中", "文", "😀", "\u{85}", "\u{2028}",
        "\u{200D}", "\u{FE0F}", ";", "։", "‼",
        "‘", "—", "“", "”", "●", "→", "✅", "\u{2024}", "’s", "a’b", "1’2", "•\u{301}", "’\u{FE0F}",
    ]

    static let texts = Gen<String?>.element(of: pieces).array(of: 0...40).map { $0.compactMap { $0 }.joined() }

    /// Longer texts where non-ASCII pieces are rare, so ICU windows and ASCII runs alternate.
    static let asciiHeavyTexts = Gen<String?>
        .element(of: Array(repeating: pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }, count: 12).joined() + pieces)
        .array(of: 0...200).map { $0.compactMap { $0 }.joined() }

    @Test func fastPathMatchesICUOnRandomText() async {
        await propertyCheck(count: 3000, input: Self.texts) { text in
            let result = Self.bothPaths(text)
            #expect(result.fast == result.icu, "words of \(text.debugDescription)")
            #expect(result.phrases == result.icuPhrases, "phrases of \(text.debugDescription)")
        }
    }

    @Test func fastPathMatchesICUOnLongASCIIHeavyText() async {
        await propertyCheck(count: 1000, input: Self.asciiHeavyTexts) { text in
            let result = Self.bothPaths(text)
            #expect(result.fast == result.icu, "words of \(text.debugDescription)")
            #expect(result.phrases == result.icuPhrases, "phrases of \(text.debugDescription)")
        }
    }

    static let asciiTexts = Gen<Character>.ascii.string(of: 0...60)

    /// A word `forEachWordRange` calls plain holds only ASCII letters, digits, `_` and `@`:
    /// `segmentPhrases` skips its sentence-end test after such a word.
    @Test func plainWordsHoldOnlyWordBytes() async {
        await propertyCheck(count: 2000, input: Self.asciiHeavyTexts) { original in
            var text = original
            text.withUTF8 { bytes in
                Tokenizer.forEachWordRange(in: bytes) { range, isPlain in
                    guard isPlain else { return }
                    let word = bytes[range]
                    #expect(word.allSatisfy { $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter
                                || Character(Unicode.Scalar($0)).isNumber || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "@")) },
                            "\(String(decoding: word, as: UTF8.self).debugDescription) in \(original.debugDescription)")
                }
            }
        }
    }

    @Test func fastPathMatchesICUOnRandomASCII() async {
        await propertyCheck(count: 3000, input: Self.asciiTexts) { text in
            let result = Self.bothPaths(text)
            #expect(result.fast == result.icu, "words of \(text.debugDescription)")
            #expect(result.phrases == result.icuPhrases, "phrases of \(text.debugDescription)")
        }
    }
}
