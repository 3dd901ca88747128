/// A run of 1 to 3 consecutive words of a text.
package struct NGram: Sendable, Hashable {
    /// The normalized words (`Normalizer.normalizeTerm`).
    package var terms: [String]
    /// The stems of the words (`AnalyzedTerm.stem`).
    package var stems: [String]
    /// UTF-8 byte offsets in the analysed text, from the first word's start to the last word's end.
    package var range: Range<Int>

    /// The normalized words joined by spaces, for display (`machine learning`).
    package var text: String { terms.joined(separator: " ") }
    /// The stems joined by spaces: the key to count and compare n-grams by (`machin learn`).
    package var key: String { stems.joined(separator: " ") }
}

/// N-gram extraction in the manner of common keyphrase extractors:
/// - n-grams are consecutive words of one phrase (`AnalyzedTerm.phrase`), so they never cross a
///   sentence boundary or punctuation other than a hyphen (`Python, SQL` gives no `python sql`);
/// - an n-gram never starts or ends with a stop word or a number, but may contain them inside
///   (`return on investment`, `cost of living`);
/// - unigrams are therefore content words only.
package enum NGrams {
    /// The n-grams of lengths `1...maxLength` in text order (all n-grams starting at a word,
    /// shortest first, then the next word).
    package static func extract(from terms: [AnalyzedTerm], maxLength: Int = 3) -> [NGram] {
        var grams: [NGram] = []
        forEachSpan(count: terms.count, maxLength: maxLength, phrase: { terms[$0].phrase },
                    isEdge: { !terms[$0].isStopWord && !terms[$0].isNumber }) { first, last in
            let words = terms[first...last]
            grams.append(NGram(
                terms: words.map(\.normalized),
                stems: words.map(\.stem),
                range: terms[first].range.lowerBound..<terms[last].range.upperBound
            ))
        }
        return grams
    }

    /// The n-gram rule over word indexes `0..<count`, for callers with their own word records:
    /// calls `body(first, last)` (inclusive) for each n-gram, in the order of `extract`.
    /// `phrase(i)` is word i's phrase index; `isEdge(i)` whether it may start or end an n-gram
    /// (not a stop word, not a number). Always inlined: the corpus analysis calls it for every
    /// text, and its closures, called per word and per n-gram, cost more than their work when
    /// they are not inlined.
    @inlinable @inline(__always)
    package static func forEachSpan(count: Int, maxLength: Int = 3, phrase: (Int) -> Int, isEdge: (Int) -> Bool,
                                   _ body: (_ first: Int, _ last: Int) -> Void) {
        guard maxLength >= 1 else { return }
        for start in 0..<count where isEdge(start) {
            let startPhrase = phrase(start)
            var end = start
            while end < count, end - start < maxLength, phrase(end) == startPhrase {
                if isEdge(end) { body(start, end) }
                end += 1
            }
        }
    }
}
