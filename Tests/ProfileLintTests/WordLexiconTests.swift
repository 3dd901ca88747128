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

    /// The chunk's analysis as comparable values, its keys and displays as text (their ids
    /// are those of `forms`, which depend on what it met before).
    static func fields(_ chunk: CorpusStats.Chunk, forms: CorpusStats.WordForms) -> [String] {
        let (stems, normalized) = forms.strings
        return [chunk.termKeys.map { $0.joined(stems) }.description,
                chunk.termWords.map { $0.joined(normalized) }.description, chunk.termLengths.description,
                chunk.postStart.description, chunk.postTerms.description, chunk.postCounts.description,
                chunk.postLengths.description, chunk.titleStart.description, chunk.titleTerms.description]
    }

    static func analyse(_ posts: [JobPost], forms: CorpusStats.WordForms) -> [String] {
        var analyzer = CorpusStats.ChunkAnalyzer(textBytes: CorpusStats.ChunkAnalyzer.textBytes(posts), forms: forms)
        for post in posts { analyzer.add(post) }
        return fields(analyzer.finish(), forms: forms)
    }

    @Test func aChunkIsTheSameWhateverTheLexiconSawBefore() async {
        await propertyCheck(count: 400, input: Self.postTexts) { texts in
            let earlier = Self.posts(texts[..<(texts.count / 2)]), posts = Self.posts(texts[(texts.count / 2)...])
            let first = Self.analyse(posts, forms: CorpusStats.WordForms())
            // The forms hand the analyser a lexicon that has seen `earlier` (and forms made for it).
            let forms = CorpusStats.WordForms()
            _ = Self.analyse(earlier, forms: forms)
            #expect(Self.analyse(posts, forms: forms) == first)
        }
    }

    /// Whether `word`'s forms (ids of `forms`) are `TextAnalyzer.forms` of `spelling`.
    static func isAnalyzers(_ word: CorpusStats.WordLexicon.Word, of spelling: String, forms: CorpusStats.WordForms) -> Bool {
        let expected = TextAnalyzer.forms(of: spelling)
        let (stems, normalized) = forms.strings
        return stems[Int(word.stem)] == expected.stem
            && normalized[Int(word.normalized)] == expected.normalized
            && word.isEdge == (!expected.isStopWord && !expected.isNumber)
            && word.stemIsPart == (!expected.stem.isEmpty && !expected.stem.contains(" "))
            && word.languages == LanguageIdentifier.mask(ofNormalized: expected.normalized)
    }

    /// Whether the lexicon's forms of every word of `text` are `TextAnalyzer.forms`' (the ASCII
    /// path on bytes against the string path), with one id per spelling.
    static func formsMatch(_ text: String) -> Bool {
        let forms = CorpusStats.WordForms()
        var lexicon = CorpusStats.WordLexicon()
        var text = text, matches = true
        text.withUTF8 { bytes in
            TextAnalyzer.segmentPhrases(bytes) { range, _ in
                let written = UnsafeBufferPointer(rebasing: bytes[range])
                let hash = CorpusStats.SpellingTable.hash(written)
                let first = lexicon.word(written, hash: hash, forms: forms)
                matches = matches && lexicon.word(written, hash: hash, forms: forms) == first
                    && isAnalyzers(lexicon.words[Int(first)], of: String(decoding: written, as: UTF8.self), forms: forms)
            }
        }
        return matches && lexicon.count == lexicon.words.count
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

    /// Forms whose table of spellings starts again every few spellings keep the stem and word
    /// ids they gave before (a lexicon still holds them), and give the analyser's forms.
    @Test func formsKeepTheirIdsPastTheSpellingLimit() async {
        await propertyCheck(count: 300, input: Self.texts.array(of: 2...6)) { texts in
            let forms = CorpusStats.WordForms(spellingLimit: 3)
            // One lexicon keeps the ids it was given before the table started again.
            for (spelling, word) in Self.lexiconWords(texts + texts, forms: forms) {
                #expect(Self.isAnalyzers(word, of: spelling, forms: forms), "\(spelling.debugDescription)")
            }
        }
    }

    /// Two workers learning the same spellings at once through one `WordForms` get one stem
    /// id per stem, and the analyser's forms.
    @Test func twoWorkersShareOneNumbering() async {
        await propertyCheck(count: 30, input: Self.postTexts) { texts in
            let texts = (0..<50).flatMap { round in [String(round)] + texts }
            let forms = CorpusStats.WordForms()
            let words = ParallelMap.map([texts, texts.reversed()], workers: 2) { texts in
                Self.lexiconWords(texts, forms: forms)
            }.joined()
            var stemIDs: [String: UInt32] = [:]
            for (spelling, word) in words {
                #expect(Self.isAnalyzers(word, of: spelling, forms: forms), "\(spelling.debugDescription)")
                let stem = forms.strings.stems[Int(word.stem)]
                #expect(stemIDs[stem, default: word.stem] == word.stem, "\(stem.debugDescription) has two ids")
                stemIDs[stem] = word.stem
            }
        }
    }

    /// Each spelling of `texts` and its word, as a fresh lexicon reading `forms` finds them.
    static func lexiconWords(_ texts: [String], forms: CorpusStats.WordForms) -> [(String, CorpusStats.WordLexicon.Word)] {
        var lexicon = CorpusStats.WordLexicon()
        var found: [(String, CorpusStats.WordLexicon.Word)] = []
        for var text in texts {
            text.withUTF8 { bytes in
                TextAnalyzer.segmentPhrases(bytes) { range, _ in
                    let written = UnsafeBufferPointer(rebasing: bytes[range])
                    let id = lexicon.word(written, hash: CorpusStats.SpellingTable.hash(written), forms: forms)
                    found.append((String(decoding: written, as: UTF8.self), lexicon.words[Int(id)]))
                }
            }
        }
        return found
    }
}
