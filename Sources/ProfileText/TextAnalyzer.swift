/// One word of an analysed text, in every form the rules and corpus statistics use.
package struct AnalyzedTerm: Sendable, Hashable {
    /// The word as written (`Résumés`, `Node.js`).
    package var text: String
    /// `Normalizer.normalizeTerm` of the word: case and accent folded (`resumes`, `node.js`).
    package var normalized: String
    /// The Porter2 stem of `normalized` for words of letters (and apostrophes) only; tech tokens,
    /// numbers and words with digits keep `normalized` (`resum`, `node.js`, `ga4`).
    package var stem: String
    /// UTF-8 byte offsets of the word in the analysed text.
    package var range: Range<Int>
    /// Whether `normalized` is an English stop word.
    package var isStopWord: Bool
    /// Whether the word is a number (digits with `.`/`,` separators), such as `2024` or `3.5`.
    package var isNumber: Bool
    /// The index of the sentence the word is in (into `AnalyzedText.sentences`).
    package var sentence: Int
    /// The index of the phrase the word is in: phrases are runs of words inside one sentence with
    /// only spaces, tabs or hyphens between them (any other punctuation starts a new phrase).
    package var phrase: Int
}

/// The result of `TextAnalyzer.analyze`.
package struct AnalyzedText: Sendable {
    /// The words, in order.
    package var terms: [AnalyzedTerm]
    /// The sentences as UTF-8 byte ranges (see `Tokenizer.sentences`).
    package var sentences: [Range<Int>]
}

/// The forms of one written word: what `TextAnalyzer` computes once per spelling.
package struct WordForms: Sendable, Hashable {
    /// `Normalizer.normalizeTerm` of the word.
    package var normalized: String
    /// The Porter2 stem of `normalized` for words of letters (and apostrophes) only, else `normalized`.
    package var stem: String
    /// Whether `normalized` is an English stop word.
    package var isStopWord: Bool
    /// Whether the word is a number (digits with `.`/`,` separators).
    package var isNumber: Bool
}

/// The text pipeline shared by rule kinds and corpus statistics: ICU word and sentence
/// segmentation (tech tokens kept whole), term normalization, Porter2 stemming and stop words.
///
/// An analyzer remembers the forms of the words it has seen (up to `cacheLimit` distinct
/// spellings), which makes analysing many texts about twice as fast: keep one per thread or task
/// (it is a value type; `analyze` is `mutating`). `TextAnalyzer.analyze(_:)` analyses one text with
/// a fresh analyzer. Code that keeps its own word table (the corpus statistics) uses the two
/// halves directly: `segment(_:_:)` and `forms(of:)`.
package struct TextAnalyzer: Sendable {
    /// The most spellings remembered; the memory is cleared when it is full.
    var cacheLimit = 200_000
    private var cache: [String: WordForms] = [:]
    /// Whether the forms come from the process's table instead of `cache`.
    private var sharesForms = false

    package init() {}

    /// Analyses one text with the forms of the words the process has seen (`SharedWordForms`):
    /// the callers analyse short texts, many of them again and again.
    package static func analyze(_ text: String) -> AnalyzedText {
        var analyzer = TextAnalyzer()
        analyzer.sharesForms = true
        return analyzer.analyze(text)
    }

    /// Analyses `text` into terms with their sentence and phrase indexes.
    package mutating func analyze(_ text: String) -> AnalyzedText {
        var text = text
        return text.withUTF8 { bytes in
            var terms: [AnalyzedTerm] = []
            let sentences = Self.segment(bytes) { range, sentence, phrase in
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                let forms = self.cachedForms(of: written)
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

    /// Segments UTF-8 text into words: calls `word` with each word's byte range and its sentence
    /// and phrase indexes (as in `AnalyzedTerm`), in order, and returns the sentence ranges.
    package static func segment(_ bytes: UnsafeBufferPointer<UInt8>,
                               _ word: (_ range: Range<Int>, _ sentence: Int, _ phrase: Int) -> Void) -> [Range<Int>] {
        let sentences = Tokenizer.sentenceRanges(in: bytes)
        var sentence = 0
        var phrase = -1
        var previousEnd: Int?
        Tokenizer.forEachWordRange(in: bytes) { range, _ in
            var newSentence = false
            while sentence + 1 < sentences.count, sentences[sentence].upperBound <= range.lowerBound {
                sentence += 1
                newSentence = true
            }
            if newSentence || previousEnd.map({ !isPhraseGap(bytes, $0..<range.lowerBound) }) ?? true {
                phrase += 1
            }
            previousEnd = range.upperBound
            word(range, sentence, phrase)
        }
        return sentences
    }

    /// The forms of a written word (not remembered; see `analyze` for the cached path).
    package static func forms(of written: String) -> WordForms {
        let normalized = Normalizer.normalizeTerm(written)
        let shape = Shape(of: normalized.utf8)
        return WordForms(
            normalized: normalized,
            stem: shape == .letters ? Stemmer.stem(normalized) : normalized,
            isStopWord: StopWords.contains(normalized),
            isNumber: shape == .number
        )
    }

    /// `forms(of:)` of an ASCII written word, on its bytes and without making strings (the
    /// corpus analysis interns the forms by their bytes): calls `body` with the normalized word
    /// and its stem (valid during the call) and whether the word is a number, and returns true;
    /// false, without calling `body`, when `written` is not ASCII (use `forms(of:)`). Stop words
    /// are left to the caller: for ASCII, a normalized word is a stop word exactly when its bytes
    /// are one's. Not generic: an unspecialized generic cost more than the forms.
    package static func withASCIIForms(
        of written: UnsafeBufferPointer<UInt8>,
        _ body: (_ normalized: UnsafeBufferPointer<UInt8>, _ stem: UnsafeBufferPointer<UInt8>, _ isNumber: Bool) -> Void
    ) -> Bool {
        guard !written.contains(where: { $0 >= 0x80 }) else { return false }
        let count = written.count
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, 2 * count)) { buffer in
            guard let normalized = buffer.baseAddress else { return }
            // ASCII lowercasing is `Normalizer.normalizeTerm` of ASCII text.
            for index in 0..<count {
                let byte = written[index]
                normalized[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            let normalizedBytes = UnsafeBufferPointer(start: normalized, count: count)
            let shape = Shape(of: normalizedBytes)
            guard shape == .letters else { return body(normalizedBytes, normalizedBytes, shape == .number) }
            let stem = normalized + count
            stem.update(from: normalized, count: count)
            let stemCount = Stemmer.stem(inPlace: stem, count: count)
            body(normalizedBytes, UnsafeBufferPointer(start: stem, count: stemCount), false)
        }
        return true
    }

    private mutating func cachedForms(of written: String) -> WordForms {
        if sharesForms { return SharedWordForms.table.forms(of: written) }
        if let known = cache[written] { return known }
        let forms = Self.forms(of: written)
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[written] = forms
        return forms
    }

    /// What a normalized term is made of, for deciding whether it is stemmed.
    private enum Shape {
        /// Letters (any script) and apostrophes only.
        case letters
        /// Digits with `.` or `,` separators.
        case number
        /// Anything else: tech tokens (`c#`, `node.js`), letters with digits (`ga4`).
        case mixed

        init(of term: some Sequence<UInt8>) {
            var hasDigit = false
            var hasLetter = false
            var hasOther = false
            for byte in term {
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
