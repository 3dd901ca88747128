import CICU

extension TextAnalyzer {
    /// Segments UTF-8 text into words with their phrase indexes, exactly as `segment(_:_:)`
    /// numbers them, without ICU's sentence iterator where the text cannot end a sentence
    /// between two words: the corpus statistics need phrases, not sentences.
    ///
    /// A new sentence only starts a new phrase between words that a phrase gap (spaces, tabs,
    /// hyphens) separates, and UAX #29 only ends a sentence after a terminator or paragraph
    /// separator, which such a gap never holds: so the break must be inside the earlier word.
    /// In an ASCII word that only happens after the leading dot of `.NET` (a dot then a capital
    /// letter); other words are asked about, and ICU's sentences are found (once per text)
    /// only when one holds a possible terminator.
    package static func segmentPhrases(_ bytes: UnsafeBufferPointer<UInt8>,
                                       _ word: (_ range: Range<Int>, _ phrase: Int) -> Void) {
        var phrase = -1
        var previous: Range<Int>?, previousIsPlain = false
        var sentences: [Range<Int>]?
        Tokenizer.forEachWordRange(in: bytes) { range, isPlain in
            // A plain word holds neither a full stop nor a non-ASCII byte: no sentence ends in it.
            let continuesPhrase = previous.map { previous in
                isPhraseGap(bytes, previous.upperBound..<range.lowerBound)
                    && (previousIsPlain || !endsSentence(previous, before: range.lowerBound, in: bytes, sentences: &sentences))
            } ?? false
            if !continuesPhrase { phrase += 1 }
            (previous, previousIsPlain) = (range, isPlain)
            word(range, phrase)
        }
    }

    /// Whether the bytes between two words keep them in one phrase.
    static func isPhraseGap(_ bytes: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        for index in gap {
            let byte = bytes[index]
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "-") { return false }
        }
        return true
    }

    /// Whether `segment` would start a new sentence at the word after `word` (at `next`), given
    /// that only a phrase gap lies between them.
    private static func endsSentence(_ word: Range<Int>, before next: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                     sentences: inout [Range<Int>]?) -> Bool {
        // Most words hold neither a full stop nor a non-ASCII byte, so no sentence end: one tight pass.
        if !bytes[word].contains(where: { $0 == UInt8(ascii: ".") || $0 >= 0x80 }) { return false }
        if let known = sentenceEnd(inASCII: word, bytes) { return known }
        let text = UnsafeBufferPointer(rebasing: bytes[word])
        if plicu_may_end_sentence(text.baseAddress, Int32(text.count)) == 0 { return false }
        let found = sentences ?? Tokenizer.sentenceRanges(in: bytes)
        sentences = found
        // The sentence `segment` has reached at `word`, and whether the next word is past its end.
        guard let last = found.indices.last else { return false }
        let current = found.firstIndex { $0.upperBound > word.lowerBound } ?? last
        return current < last && found[current].upperBound <= next
    }

    /// Whether an ASCII word holds a sentence break, when its bytes decide it: a full stop
    /// between two letters or two digits never ends a sentence, nor does one before a
    /// lowercase letter, and one before a capital letter that no letter precedes (`.NET`) always
    /// does. Nil for other words (non-ASCII, or a dot next to `@`).
    private static func sentenceEnd(inASCII word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for index in word {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            guard byte == UInt8(ascii: "."), index + 1 < word.upperBound else { continue }
            let after = bytes[index + 1]
            if index == word.lowerBound {
                if isUpper(after) { return true }
                if isLower(after) { continue }
                return nil
            }
            let before = bytes[index - 1]
            let isBetweenLetters = (isUpper(before) || isLower(before)) && (isUpper(after) || isLower(after))
            let isBetweenDigits = isDigit(before) && isDigit(after)
            if !isBetweenLetters && !isBetweenDigits { return nil }
        }
        return bytes[word.upperBound - 1] == UInt8(ascii: ".") ? nil : false
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
