import ProfileText

/// A word of a text in matching form (`Normalizer.normalizeTerm`: case and accents
/// folded), with its UTF-8 range in the text.
package struct FoldedWord: Sendable, Hashable {
    package var key: String
    package var range: Range<Int>

    /// The words of `text` in matching form.
    package static func words(of text: String) -> [FoldedWord] {
        Tokenizer.words(text).map { FoldedWord(key: Normalizer.normalizeTerm($0.text), range: $0.range) }
    }
}

/// Finds whole-word, case- and accent-insensitive occurrences of phrases in a text: a phrase
/// matches a run of words equal to its words after folding, whatever punctuation or
/// spacing stands between them ("Hi, my name is" matches "hi my name is").
package struct PhraseMatcher: Sendable {
    /// One occurrence: which phrase and where (UTF-8 offsets into the text).
    package struct Match: Sendable, Equatable {
        var phraseIndex: Int
        package var range: Range<Int>
    }

    /// Each phrase's folded words; a phrase with no words never matches.
    let phraseWords: [[String]]
    /// Phrase indexes by their first word, longest phrase first.
    private let byFirstWord: [String: [Int]]

    package init(phrases: [String]) {
        let words = phrases.map { FoldedWord.words(of: $0).map(\.key) }
        var index: [String: [Int]] = [:]
        for (position, phrase) in words.enumerated() {
            if let first = phrase.first { index[first, default: []].append(position) }
        }
        phraseWords = words
        byFirstWord = index.mapValues { indexes in indexes.sorted { words[$0].count > words[$1].count } }
    }

    /// Left-to-right, non-overlapping matches; at one place the longest phrase wins.
    package func matches(in words: [FoldedWord]) -> [Match] {
        var found: [Match] = []
        var position = 0
        while position < words.count {
            var matched = false
            for phraseIndex in byFirstWord[words[position].key] ?? [] {
                let phrase = phraseWords[phraseIndex]
                guard position + phrase.count <= words.count else { continue }
                if zip(phrase, words[position..<(position + phrase.count)]).allSatisfy({ $0 == $1.key }) {
                    let last = words[position + phrase.count - 1]
                    found.append(Match(phraseIndex: phraseIndex, range: words[position].range.lowerBound..<last.range.upperBound))
                    position += phrase.count
                    matched = true
                    break
                }
            }
            if !matched { position += 1 }
        }
        return found
    }

    package func matches(in text: String) -> [Match] {
        matches(in: FoldedWord.words(of: text))
    }
}
