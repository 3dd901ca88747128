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
        let phrases = terms.map { Int32(truncatingIfNeeded: $0.phrase) }
        let edges = terms.map { !$0.isStopWord && !$0.isNumber }
        var spans: [(first: Int32, last: Int32)] = []
        phrases.withUnsafeBufferPointer { phrases in
            edges.withUnsafeBufferPointer { appendSpans(phrases: phrases, edges: $0, maxLength: maxLength, to: &spans) }
        }
        return spans.map { span in
            let words = terms[Int(span.first)...Int(span.last)]
            return NGram(terms: words.map(\.normalized), stems: words.map(\.stem),
                         range: terms[Int(span.first)].range.lowerBound..<terms[Int(span.last)].range.upperBound)
        }
    }

    /// The n-gram rule over word indexes, for callers with their own word records: appends the
    /// first and last word (inclusive) of each n-gram to `spans`, in the order of `extract`.
    /// `phrases[i]` is word i's phrase index; `edges[i]` whether it may start or end an n-gram
    /// (not a stop word, not a number). Buffers rather than closures: the corpus analysis calls
    /// it for every text, and closures called per word and per n-gram cost more than the rule.
    package static func appendSpans(phrases: UnsafeBufferPointer<Int32>, edges: UnsafeBufferPointer<Bool>,
                                    maxLength: Int = 3, to spans: inout [(first: Int32, last: Int32)]) {
        let count = min(phrases.count, edges.count)
        guard maxLength >= 1 else { return }
        for start in 0..<count where edges[start] {
            let startPhrase = phrases[start]
            var end = start
            while end < count, end - start < maxLength, phrases[end] == startPhrase {
                if edges[end] { spans.append((Int32(start), Int32(end))) }
                end += 1
            }
        }
    }
}
