import Testing
@testable import ProfileLint

@Suite struct VisibleTextTests {
    /// The escaping as it was before text without hidden scalars was returned as it is: every
    /// scalar appended to a new string.
    private func rebuilt(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if VisibleText.isHidden(scalar) { output += VisibleText.escape(scalar) } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    @Test func escapesHiddenScalarsOnly() {
        #expect(VisibleText.escaped("a\tb") == "a\tb")
        #expect(VisibleText.escaped("a\nb\r") == "a\\nb\\r")
        #expect(VisibleText.escaped("x\u{202E}y\u{0085}") == "x\\u{202E}y\\u{85}")
        #expect(VisibleText.escaped("") == "")
        #expect(VisibleText.escaped("café – 🚀") == "café – 🚀")
    }

    @Test func givesTheBytesOfTheScalarByScalarEscaping() {
        let pieces: [String] = ["a", "Z", " ", "\t", "\n", "\r", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "é", "e\u{301}",
                                "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2066}", "\u{2069}",
                                "\u{061C}", "\u{FEFF}", "🚀", "👩‍💻", "日本", "\u{0}", "\u{1B}[31m"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Array(VisibleText.escaped(text).utf8) == Array(rebuilt(text).utf8))
        }
        for piece in pieces {
            #expect(Array(VisibleText.escaped(piece).utf8) == Array(rebuilt(piece).utf8))
        }
    }
}
