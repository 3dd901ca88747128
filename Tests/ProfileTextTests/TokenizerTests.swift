import Testing
@testable import ProfileText

@Suite struct TokenizerTests {
    private func words(_ text: String) -> [String] { Tokenizer.words(text).map(\.text) }

    @Test func splitsPlainWordsAndDropsPunctuation() {
        #expect(words("Hello, world! It's 2024 — ready?") == ["Hello", "world", "It's", "2024", "ready"])
    }

    @Test(arguments: [
        ("I write C# daily", "C#"), ("and F# too", "F#"), ("modern C++ code", "C++"),
        ("plugins for Notepad++ users", "Notepad++"), ("a .NET backend", ".NET"), ("ASP.NET Core", "ASP.NET"),
        ("APIs in Node.js", "Node.js"), ("Vue.js front end", "Vue.js"), ("Next.js, React", "Next.js"),
        ("CI/CD pipelines", "CI/CD"), ("A/B testing", "A/B"), ("GA4 setup", "GA4"), ("UI/UX design", "UI/UX"),
        ("Objective-C apps", "Objective-C"), ("R&D lab", "R&D"), ("TCP/IP stack", "TCP/IP"), ("T-SQL queries", "T-SQL"),
        ("(.NET)", ".NET"), ("C#/.NET dev", ".NET"), ("B2B sales", "B2B"), ("3D models", "3D"),
    ])
    func keepsTechTokensWhole(text: String, token: String) {
        #expect(words(text).contains(token), "\(words(text))")
    }

    @Test func separatesOrdinaryCompounds() {
        #expect(words("C/C++ and Python/Django") == ["C", "C++", "and", "Python", "Django"])
        #expect(words("real-time data, and/or reports") == ["real", "time", "data", "and", "or", "reports"])
        #expect(words("C#x") == ["C", "x"])
        #expect(words("end. Next") == ["end", "Next"])
    }

    @Test func splitsMissingSpaceAfterFullStopAndColons() {
        #expect(words("strong skills.Must know SQL") == ["strong", "skills", "Must", "know", "SQL"])
        #expect(words("Requirements:Python") == ["Requirements", "Python"])
        #expect(words("socket.io and e.g. this") == ["socket.io", "and", "e.g", "this"])
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let text = "🚀 Résumé: C# — naïve café ✨ Node.js"
        let tokens = Tokenizer.words(text)
        #expect(tokens.map(\.text) == ["Résumé", "C#", "naïve", "café", "Node.js"])
        let bytes = Array(text.utf8)
        for token in tokens {
            #expect(String(decoding: bytes[token.range], as: UTF8.self) == token.text)
        }
        #expect(tokens.first?.range == 5..<13)
    }

    @Test func emptyAndPunctuationOnlyTexts() {
        #expect(Tokenizer.words("").isEmpty)
        #expect(Tokenizer.words(" -- !! 🎉 ").isEmpty)
        #expect(Tokenizer.sentences("").isEmpty)
        #expect(Tokenizer.sentences("   \n ").isEmpty)
    }

    @Test func sentencesEndAtStopsAndLineBreaks() {
        let text = "I build apps. They use Node.js and Vue.js! Do you need one?\n- fast delivery\n- clean code"
        let sentences = Tokenizer.sentences(text).map { range in
            String(decoding: Array(text.utf8)[range], as: UTF8.self)
        }
        #expect(sentences == [
            "I build apps.", "They use Node.js and Vue.js!", "Do you need one?", "- fast delivery", "- clean code",
        ])
    }

    @Test func sentenceRangesAreByteOffsetsAfterMultibyteText() {
        let text = "Café ☕ is open. Bienvenue à tous."
        let ranges = Tokenizer.sentences(text)
        #expect(ranges.count == 2)
        #expect(ranges.last.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) } == "Bienvenue à tous.")
    }

    @Test func segmentsFromManyThreadsAtOnce() async {
        let texts = [
            "I write C# and C++. Node.js too!\nCI/CD on GitHub.",
            "Résumé writing, A/B testing and GA4 reports. Objective-C apps.",
            "🚀 Fast .NET APIs; R&D for UI/UX.",
        ]
        let expected = texts.map { (Tokenizer.words($0), Tokenizer.sentences($0)) }
        await withTaskGroup(of: Bool.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { round in
                        let index = (worker + round) % texts.count
                        return Tokenizer.words(texts[index]) == expected[index].0
                            && Tokenizer.sentences(texts[index]) == expected[index].1
                    }
                }
            }
            for await allMatched in group { #expect(allMatched) }
        }
        #expect(expected[0].0.map(\.text) == ["I", "write", "C#", "and", "C++", "Node.js", "too", "CI/CD", "on", "GitHub"])
        #expect(expected[0].1.count == 3)
    }
}
