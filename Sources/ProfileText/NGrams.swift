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
    /// `phrases[i]` is word i's phrase index (never negative); `edges[i]` whether it may start
    /// or end an n-gram (not a stop word, not a number). `maxLength` is at most `Window.span`.
    package static func appendSpans(phrases: UnsafeBufferPointer<Int32>, edges: UnsafeBufferPointer<Bool>,
                                    maxLength: Int = 3, to spans: inout [(first: Int32, last: Int32)]) {
        precondition(maxLength <= Window.span, "n-grams of at most \(Window.span) words")
        let count = min(phrases.count, edges.count)
        let lengthMask = UInt8((1 << max(0, maxLength)) - 1)
        var window = Window()
        func append(_ lengths: UInt8, startingAt start: Int) {
            for length in 0..<Window.span where (lengths & lengthMask) >> length & 1 == 1 {
                spans.append((Int32(start), Int32(start + length)))
            }
        }
        for index in 0..<count {
            append(window.push(phrase: phrases[index], isEdge: edges[index]), startingAt: index - (Window.span - 1))
        }
        for start in count - (Window.span - 1)..<count { append(window.pushEnd(), startingAt: start) }
    }

    /// The n-gram rule word by word, for a caller that meets a text's words one at a time and
    /// wants its n-grams in the same pass (the corpus analysis): the last `span` words' phrases
    /// and edges. `push` each word in text order, then `pushEnd` `span - 1` times; each call
    /// returns the lengths of the n-grams that start `span - 1` places before the one pushed
    /// (none before the text's start), as bits (bit k: the n-gram of k + 1 words), once every
    /// word that could end one is known.
    package struct Window {
        /// The longest n-gram.
        package static let span = 3
        private var phrases: (Int32, Int32, Int32) = (-1, -1, -1)
        private var edges: (Bool, Bool, Bool) = (false, false, false)

        package init() {}

        /// Adds the next word (its phrase index, never negative, and whether it is an edge word).
        package mutating func push(phrase: Int32, isEdge: Bool) -> UInt8 {
            phrases = (phrases.1, phrases.2, phrase)
            edges = (edges.1, edges.2, isEdge)
            guard edges.0 else { return 0 }
            var lengths: UInt8 = 1
            if phrases.1 == phrases.0 {
                if edges.1 { lengths |= 2 }
                if phrases.2 == phrases.0, edges.2 { lengths |= 4 }
            }
            return lengths
        }

        /// Adds a place past the text's end, which no n-gram reaches.
        package mutating func pushEnd() -> UInt8 {
            push(phrase: -1, isEdge: false)
        }
    }
}
