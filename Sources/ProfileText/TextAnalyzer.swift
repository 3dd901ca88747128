/// One word of an analysed text, in every form the rules and corpus statistics use.
public struct AnalyzedTerm: Sendable, Hashable {
    /// The word as written (`Résumés`, `Node.js`).
    public var text: String
    /// `Normalizer.normalizeTerm` of the word: case and accent folded (`resumes`, `node.js`).
    public var normalized: String
    /// The Porter2 stem of `normalized` for words of letters (and apostrophes) only; tech tokens,
    /// numbers and words with digits keep `normalized` (`resum`, `node.js`, `ga4`).
    public var stem: String
    /// UTF-8 byte offsets of the word in the analysed text.
    public var range: Range<Int>
    /// Whether `normalized` is an English stop word.
    public var isStopWord: Bool
    /// Whether the word is a number (digits with `.`/`,` separators), such as `2024` or `3.5`.
    public var isNumber: Bool
    /// The index of the sentence the word is in (into `AnalyzedText.sentences`).
    public var sentence: Int
    /// The index of the phrase the word is in: phrases are runs of words inside one sentence with
    /// only spaces, tabs or hyphens between them (any other punctuation starts a new phrase).
    public var phrase: Int
}

/// The result of `TextAnalyzer.analyze`.
public struct AnalyzedText: Sendable {
    /// The words, in order.
    public var terms: [AnalyzedTerm]
    /// The sentences as UTF-8 byte ranges (see `Tokenizer.sentences`).
    public var sentences: [Range<Int>]
}

/// The text pipeline shared by rule kinds and corpus statistics: ICU word and sentence
/// segmentation (tech tokens kept whole), term normalization, Porter2 stemming and stop words.
///
/// An analyzer remembers the forms of the words it has seen (up to `cacheLimit` distinct
/// spellings), which makes analysing many texts about twice as fast: keep one per thread or task
/// (it is a value type; `analyze` is `mutating`). `TextAnalyzer.analyze(_:)` analyses one text with
/// a fresh analyzer.
public struct TextAnalyzer: Sendable {
    /// The forms of one spelling.
    private struct Forms: Sendable {
        var normalized: String
        var stem: String
        var isStopWord: Bool
        var isNumber: Bool
    }

    /// The most spellings remembered; the memory is cleared when it is full.
    public var cacheLimit = 200_000
    private var cache: [String: Forms] = [:]

    public init() {}

    /// Analyses one text with a fresh analyzer.
    public static func analyze(_ text: String) -> AnalyzedText {
        var analyzer = TextAnalyzer()
        return analyzer.analyze(text)
    }

    /// Analyses `text` into terms with their sentence and phrase indexes.
    public mutating func analyze(_ text: String) -> AnalyzedText {
        var text = text
        return text.withUTF8 { bytes in
            let sentences = Tokenizer.sentenceRanges(in: bytes)
            let words = Tokenizer.wordRanges(in: bytes)
            var terms: [AnalyzedTerm] = []
            terms.reserveCapacity(words.count)
            var sentence = 0
            var phrase = -1
            var previousEnd: Int?
            for range in words {
                var newSentence = false
                while sentence + 1 < sentences.count, sentences[sentence].upperBound <= range.lowerBound {
                    sentence += 1
                    newSentence = true
                }
                if newSentence || previousEnd.map({ !Self.isPhraseGap(bytes, $0..<range.lowerBound) }) ?? true {
                    phrase += 1
                }
                previousEnd = range.upperBound
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                let forms = self.forms(of: written)
                terms.append(AnalyzedTerm(
                    text: written,
                    normalized: forms.normalized,
                    stem: forms.stem,
                    range: range,
                    isStopWord: forms.isStopWord,
                    isNumber: forms.isNumber,
                    sentence: sentence,
                    phrase: phrase
                ))
            }
            return AnalyzedText(terms: terms, sentences: sentences)
        }
    }

    private mutating func forms(of written: String) -> Forms {
        if let known = cache[written] { return known }
        let normalized = Normalizer.normalizeTerm(written)
        let shape = Shape(of: normalized)
        let forms = Forms(
            normalized: normalized,
            stem: shape == .letters ? Stemmer.stem(normalized) : normalized,
            isStopWord: StopWords.contains(normalized),
            isNumber: shape == .number
        )
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[written] = forms
        return forms
    }

    /// Whether the bytes between two words keep them in one phrase.
    private static func isPhraseGap(_ bytes: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        for index in gap {
            let byte = bytes[index]
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "-") { return false }
        }
        return true
    }

    /// What a normalized term is made of, for deciding whether it is stemmed.
    private enum Shape {
        /// Letters (any script) and apostrophes only.
        case letters
        /// Digits with `.` or `,` separators.
        case number
        /// Anything else: tech tokens (`c#`, `node.js`), letters with digits (`ga4`).
        case mixed

        init(of term: String) {
            var hasDigit = false
            var hasLetter = false
            var hasOther = false
            for byte in term.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): hasDigit = true
                case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...: hasLetter = true
                case UInt8(ascii: "'"): break
                case UInt8(ascii: "."), UInt8(ascii: ","): if !hasDigit { hasOther = true }
                default: hasOther = true
                }
            }
            if hasDigit { self = hasLetter || hasOther ? .mixed : .number }
            else { self = hasOther ? .mixed : .letters }
        }
    }
}
