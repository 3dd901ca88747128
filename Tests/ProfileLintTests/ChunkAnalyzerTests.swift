import PropertyBased
import Testing
@testable import ProfileCorpus
import ProfileText

/// The chunk analysis finds a text's n-grams in its pass over the words (`NGrams.Window`):
/// they must be those the text pipeline extracts (`NGrams.extract` of `TextAnalyzer.analyze`).
@Suite struct ChunkAnalyzerTests {
    /// A post's terms as the text pipeline finds them: keys in first-seen order, their counts,
    /// the display words of each key's first occurrence, and the number of unigrams.
    struct Terms: Equatable {
        var keys: [String] = [], counts: [Int] = [], displays: [String] = [], titleKeys: [String] = []
        var unigrams = 0
    }

    static func extracted(_ post: JobPost) -> Terms {
        var terms = Terms()
        for (text, isTitle) in [(post.title, true), (post.description, false)] {
            for gram in NGrams.extract(from: TextAnalyzer.analyze(text).terms) {
                if let index = terms.keys.firstIndex(of: gram.key) {
                    terms.counts[index] += 1
                } else {
                    terms.keys.append(gram.key)
                    terms.counts.append(1)
                    terms.displays.append(gram.text)
                }
                if isTitle, !terms.titleKeys.contains(gram.key) { terms.titleKeys.append(gram.key) }
                if gram.stems.count == 1 { terms.unigrams += 1 }
            }
        }
        return terms
    }

    /// Post `index`'s terms as the chunk holds them. A display is the chunk's (the first
    /// occurrence in the chunk), so it is compared for the chunk's first post only.
    static func chunkTerms(_ chunk: CorpusStats.Chunk, post index: Int, forms: CorpusStats.WordForms) -> Terms {
        let (stems, normalized) = forms.strings
        func key(_ term: UInt32) -> String { chunk.termKeys[Int(term)].joined(stems) }
        let range = chunk.postStart[index]..<chunk.postStart[index + 1]
        let titleRange = chunk.titleStart[index]..<chunk.titleStart[index + 1]
        return Terms(keys: chunk.postTerms[range].map(key), counts: chunk.postCounts[range].map(Int.init),
                     displays: chunk.postTerms[range].map { chunk.termWords[Int($0)].joined(normalized) },
                     titleKeys: chunk.titleTerms[titleRange].map(key), unigrams: Int(chunk.postLengths[index]))
    }

    @Test func aChunksTermsAreTheExtractedNGrams() async {
        await propertyCheck(count: 500, input: WordLexiconTests.postTexts) { texts in
            let posts = WordLexiconTests.posts(texts[...])
            let forms = CorpusStats.WordForms()
            var analyzer = CorpusStats.ChunkAnalyzer(textBytes: CorpusStats.ChunkAnalyzer.textBytes(posts), forms: forms)
            for post in posts { analyzer.add(post) }
            let chunk = analyzer.finish()
            for (index, post) in posts.enumerated() {
                var expected = Self.extracted(post), found = Self.chunkTerms(chunk, post: index, forms: forms)
                if index > 0 { (expected.displays, found.displays) = ([], []) }
                #expect(found == expected, "post \(index): \(post.title.debugDescription) \(post.description.debugDescription)")
            }
        }
    }
}
