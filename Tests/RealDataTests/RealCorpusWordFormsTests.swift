import Testing
@testable import ProfileCorpus
import ProfileText

/// The corpus analysis's forms of every distinct word of both real corpora (from bytes, for
/// ASCII words) are those `TextAnalyzer.forms` gives from strings, with the same function-word
/// languages.
@Suite struct RealCorpusWordFormsTests {
    @Test(arguments: [RealData.fourTracks, RealData.dataAnalyst])
    func lexiconFormsAreTheAnalyzersForms(path: String) throws {
        let posts = try RealData.loadPosts(path).posts
        var lexicon = CorpusStats.WordLexicon()
        let wordForms = CorpusStats.WordForms()
        var mismatches: [String] = []
        for post in posts {
            for var text in [post.title, post.description] {
                text.withUTF8 { bytes in
                    TextAnalyzer.segmentPhrases(bytes) { range, _ in
                        let written = UnsafeBufferPointer(rebasing: bytes[range])
                        let count = lexicon.words.count
                        let id = lexicon.word(written, hash: CorpusStats.SpellingTable.hash(written), forms: wordForms)
                        let word = lexicon.words[Int(id)]
                        guard lexicon.words.count > count else { return }
                        let spelling = String(decoding: written, as: UTF8.self)
                        let forms = TextAnalyzer.forms(of: spelling)
                        let (stems, normalized) = wordForms.strings
                        let same = stems[Int(word.stem)] == forms.stem && normalized[Int(word.normalized)] == forms.normalized
                            && word.isEdge == (!forms.isStopWord && !forms.isNumber)
                            && word.stemIsPart == (!forms.stem.isEmpty && !forms.stem.contains(" "))
                            && word.languages == LanguageIdentifier.mask(ofNormalized: forms.normalized)
                        if !same { mismatches.append(spelling) }
                    }
                }
            }
        }
        #expect(lexicon.words.count > 5_000)
        #expect(mismatches.isEmpty, "\(mismatches.count) spellings differ: \(mismatches.prefix(20))")
    }
}
