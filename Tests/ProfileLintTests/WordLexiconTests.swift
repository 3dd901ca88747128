import PropertyBased
import Testing
@testable import ProfileCorpus
import ProfileText

/// A chunk's analysis takes the forms of its words from a lexicon kept across chunks
/// (`WordLexicon`): what the lexicon saw before must not change a chunk's result, and its forms
/// must be those `TextAnalyzer.forms` gives.
@Suite struct WordLexiconTests {
    static let pieces = [
        "data", "Data", "analysis", "analyses", "analyst", "the", "of", "and", "a", "in", "Python", "python",
        "SQL", "C++", "C#", ".NET", "node.js", "e-mail", "CI/CD", "2024", "3.5", "1,000", "$40", "café", "Café",
        "naïve", "résumé", "ﬁle", "straße", "中文", "😀", "don't", "it's", "machine", "learning", "Learning",
        " ", " ", " ", "  ", ", ", ". ", "; ", " - ", "\n", "(", ")", "!", "?", "'", "’", "…", "•", "½", "¼",
    ]
    static let texts = Gen<String?>.element(of: pieces).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
    /// Texts for two lists of posts (a title and a description each).
    static let postTexts = texts.array(of: 4...24)

    static func posts(_ texts: ArraySlice<String>) -> [JobPost] {
        stride(from: texts.startIndex, to: texts.endIndex - 1, by: 2).map {
            JobPost(title: texts[$0], description: texts[$0 + 1], location: PostLocation(path: "t.jsonl", line: $0 + 1))
        }
    }

    /// The chunk's analysis as comparable values.
    static func fields(_ chunk: CorpusStats.Chunk) -> [String] {
        [chunk.stems.description, chunk.normalizedWords.description, chunk.termKeys.description,
         chunk.termWords.description, chunk.termLengths.description, chunk.postStart.description,
         chunk.postTerms.description, chunk.postCounts.description, chunk.postLengths.description,
         chunk.titleStart.description, chunk.titleTerms.description]
    }

    static func analyse(_ posts: [JobPost]) -> [String] {
        var analyzer = CorpusStats.ChunkAnalyzer(textBytes: CorpusStats.ChunkAnalyzer.textBytes(posts))
        for post in posts { analyzer.add(post) }
        return fields(analyzer.finish())
    }

    @Test func aChunkIsTheSameWhateverTheLexiconSawBefore() async {
        await propertyCheck(count: 400, input: Self.postTexts) { texts in
            let earlier = Self.posts(texts[..<(texts.count / 2)]), posts = Self.posts(texts[(texts.count / 2)...])
            let first = Self.analyse(posts)
            _ = Self.analyse(earlier)
            // The pool hands the analyser a lexicon that has seen `posts`, then `earlier` too.
            #expect(Self.analyse(posts) == first)
        }
    }

    /// Whether the lexicon's forms of every word of `text` are `TextAnalyzer.forms`' (the ASCII
    /// path on bytes against the string path), with one id per spelling and clear marks.
    static func formsMatch(_ text: String) -> Bool {
        var lexicon = CorpusStats.WordLexicon()
        var text = text, matches = true
        text.withUTF8 { bytes in
            TextAnalyzer.segmentPhrases(bytes) { range, _ in
                let written = UnsafeBufferPointer(rebasing: bytes[range])
                let hash = CorpusStats.SpellingTable.hash(written)
                let first = lexicon.word(written, hash: hash)
                let word = lexicon.words[Int(first)]
                let forms = TextAnalyzer.forms(of: String(decoding: written, as: UTF8.self))
                matches = matches && lexicon.word(written, hash: hash) == first
                    && lexicon.stems.strings[Int(word.stem)] == forms.stem
                    && lexicon.normalizedWords.strings[Int(word.normalized)] == forms.normalized
                    && word.isEdge == (!forms.isStopWord && !forms.isNumber)
                    && word.stemIsPart == (!forms.stem.isEmpty && !forms.stem.contains(" "))
                    && word.languages == LanguageIdentifier.mask(ofNormalized: forms.normalized)
            }
        }
        return matches && lexicon.wordMarks.count == lexicon.words.count
            && lexicon.stemMarks.count == lexicon.stems.strings.count && lexicon.wordMarks.allSatisfy { $0 == 0 }
    }

    @Test func lexiconFormsAreTheAnalyzersForms() async {
        await propertyCheck(count: 1000, input: Self.texts) { text in
            #expect(Self.formsMatch(text), "\(text.debugDescription)")
        }
    }

    /// Stop words and function words of every language (lowercase, capitalized, uppercase) and
    /// a few others, each followed by random ASCII.
    static let knownWords = (Array(StopWords.words) + LanguageIdentifier.masks.keys.sorted()
        + ["Data", "ANALYSIS", "Running", "connections", "2,024", "3.5", "e.g.", "x'y", "_a_", "@b", "ZZ-top"])
        .flatMap { [$0, $0.prefix(1).uppercased() + $0.dropFirst(), $0.uppercased()] }
    static let asciiTexts = zip(Gen<String?>.element(of: knownWords), Gen<Character>.ascii.string(of: 0...6))
        .map { ($0 ?? "") + $1 }
        .array(of: 0...12)
        .map { $0.joined(separator: " ") }

    @Test func asciiFormsAreTheAnalyzersFormsOnRandomASCII() async {
        await propertyCheck(count: 3000, input: Self.asciiTexts) { text in
            #expect(Self.formsMatch(text), "\(text.debugDescription)")
        }
    }

    @Test func chunkStringsNumberFirstSeenWithOrWithoutTheIndex() {
        var strings = CorpusStats.ChunkStrings()
        #expect(strings.add("a") == 0)
        #expect(strings.add("b") == 1)
        #expect(strings.id(of: "a") == 0, "the index, built late, knows earlier strings")
        #expect(strings.id(of: "c") == 2)
        #expect(strings.add("c") == 2, "a string added by text is not added twice")
        #expect(strings.strings == ["a", "b", "c"])
    }
}
