/// A run of 1 to 3 consecutive words of a text.
public struct NGram: Sendable, Hashable {
    /// The normalized words (`Normalizer.normalizeTerm`).
    public var terms: [String]
    /// The stems of the words (`AnalyzedTerm.stem`).
    public var stems: [String]
    /// UTF-8 byte offsets in the analysed text, from the first word's start to the last word's end.
    public var range: Range<Int>

    /// The normalized words joined by spaces, for display (`machine learning`).
    public var text: String { terms.joined(separator: " ") }
    /// The stems joined by spaces: the key to count and compare n-grams by (`machin learn`).
    public var key: String { stems.joined(separator: " ") }
}

/// N-gram extraction in the manner of common keyphrase extractors:
/// - n-grams are consecutive words of one phrase (`AnalyzedTerm.phrase`), so they never cross a
///   sentence boundary or punctuation other than a hyphen (`Python, SQL` gives no `python sql`);
/// - an n-gram never starts or ends with a stop word or a number, but may contain them inside
///   (`return on investment`, `cost of living`);
/// - unigrams are therefore content words only.
public enum NGrams {
    /// The n-grams of lengths `1...maxLength` in text order (all n-grams starting at a word,
    /// shortest first, then the next word).
    public static func extract(from terms: [AnalyzedTerm], maxLength: Int = 3) -> [NGram] {
        guard maxLength >= 1 else { return [] }
        var grams: [NGram] = []
        for start in terms.indices where isEdge(terms[start]) {
            var end = start
            while end < terms.count, end - start < maxLength, terms[end].phrase == terms[start].phrase {
                if isEdge(terms[end]) {
                    let words = terms[start...end]
                    grams.append(NGram(
                        terms: words.map(\.normalized),
                        stems: words.map(\.stem),
                        range: terms[start].range.lowerBound..<terms[end].range.upperBound
                    ))
                }
                end += 1
            }
        }
        return grams
    }

    /// Whether a word may start or end an n-gram.
    private static func isEdge(_ term: AnalyzedTerm) -> Bool {
        !term.isStopWord && !term.isNumber
    }
}
