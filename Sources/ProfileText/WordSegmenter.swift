import CICU

/// The word-like segments of UTF-8 text (ICU word breaks with a letter or number status), found
/// without ICU where the text is ASCII.
///
/// ICU's word break iterator costs about as much as the rest of the text analysis. For ASCII its
/// rules (UAX #29 as ICU 72 tailors them) reduce to: letters (with `@`), digits and `_` join each other;
/// `.` or `'` joins two letters; `.`, `,`, `;` or `'` joins two digits; a lone `_` is not a word.
/// Text around a non-ASCII byte goes to ICU, in a window cut where ICU always breaks and starts
/// afresh (between an ASCII space and an ASCII non-space, in either order; windows closer than
/// `windowGap` bytes are joined), so combining marks, typographic apostrophes (`you’ll`) and
/// scripts without spaces segment as before. A few common punctuation marks of three UTF-8
/// bytes followed by ASCII (bullets, dashes, curly quotes, see `inlineMark`) stay in the ASCII
/// scanner: ICU's rules treat them as ASCII punctuation, and a window per bullet or apostrophe
/// cost more than the rest of the text's segmentation. The tests run both paths over every post
/// of the real corpora and over random text.
enum WordSegmenter {
    /// Calls `body` with the range of each word-like segment of `bytes`, in order, and whether
    /// it is plain: ASCII letters, digits, `_` and `@` only (no `.`, `'`, `,` or `;` joined in).
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, _ isPlain: Bool) -> Void) {
        let count = bytes.count
        var start = 0
        while start < count {
            var nonASCII = start
            while nonASCII < count {
                nonASCII = ASCIIRun.end(in: UnsafeRawBufferPointer(bytes), from: nonASCII)
                while nonASCII < count, bytes[nonASCII] < 0x80 { nonASCII += 1 }
                guard nonASCII < count, inlineMark(bytes, at: nonASCII) != nil else { break }
                nonASCII += 3
            }
            guard nonASCII < count else {
                forEachASCIIWord(in: bytes, start..<count, body)
                return
            }
            var left = nonASCII
            while left > start, !isCertainBreak(bytes[left - 1], bytes[left]) { left -= 1 }
            var right = nonASCII + 1
            while right < count, !isCertainBreak(bytes[right - 1], bytes[right]) || isNonASCIIAhead(bytes, right) {
                right += 1
            }
            forEachASCIIWord(in: bytes, start..<left, body)
            forEachICUWord(in: bytes, left..<right) { body($0, false) }
            start = right
        }
    }

    /// The same segments from ICU alone: the reference the ASCII scanner is tested against.
    static func forEachICUWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        forEachICUWord(in: bytes, 0..<bytes.count, body)
    }

    /// ICU's word-like segments of `window`, which must start and end at certain breaks.
    private static func forEachICUWord(in bytes: UnsafeBufferPointer<UInt8>, _ window: Range<Int>,
                                       _ body: (Range<Int>) -> Void) {
        var start = window.lowerBound
        let text = UnsafeBufferPointer(rebasing: bytes[window])
        for segment in Tokenizer.segments(of: Int32(PLICU_BREAK_WORD), in: text) {
            let end = window.lowerBound + segment.end
            // UBRK_WORD_NONE_LIMIT: statuses below 100 are spaces, punctuation and symbols.
            if segment.status >= 100 { body(start..<end) }
            start = end
        }
    }

    /// The word-like segments of an ASCII region that starts and ends at certain breaks.
    private static func forEachASCIIWord(in bytes: UnsafeBufferPointer<UInt8>, _ region: Range<Int>,
                                         _ body: (Range<Int>, _ isPlain: Bool) -> Void) {
        var index = region.lowerBound
        let end = region.upperBound
        while index < end {
            guard isWordByte(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            var isPlain = true
            index += 1
            while index < end {
                let byte = bytes[index]
                if isWordByte(byte) {
                    index += 1
                } else if index + 1 < end, joinsNeighbours(bytes[index - 1], byte, bytes[index + 1]) {
                    isPlain = false
                    index += 2
                } else if byte >= 0x80, index + 3 < end, let mark = inlineMark(bytes, at: index),
                          joinsNeighbours(bytes[index - 1], mark, bytes[index + 3]) {
                    isPlain = false
                    index += 4
                } else {
                    break
                }
            }
            if index - start > 1 || bytes[start] != UInt8(ascii: "_") { body(start..<index, isPlain) }
        }
    }

    /// The ASCII punctuation ICU's word rules treat the mark at `index` like, when it is one of
    /// the three-byte marks the ASCII scanner reads and ASCII (or the end) follows it: `’` and `‘`
    /// (MidNumLet, joining as `.` does), `•`, `–`, `—`, `“`, `”`, `…`, `●` and `→` (no word
    /// break property: `-`). Nil for anything else, which goes to ICU.
    private static func inlineMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
        guard index + 2 < bytes.count, bytes[index] == 0xE2, index + 3 == bytes.count || bytes[index + 3] < 0x80 else {
            return nil
        }
        switch (bytes[index + 1], bytes[index + 2]) {
        case (0x80, 0x98), (0x80, 0x99): return UInt8(ascii: ".")
        case (0x80, 0xA2), (0x80, 0x93), (0x80, 0x94), (0x80, 0x9C), (0x80, 0x9D), (0x80, 0xA6), (0x97, 0x8F),
             (0x86, 0x92):
            return UInt8(ascii: "-")
        default: return nil
        }
    }

    /// Whether a non-ASCII byte follows within `windowGap` bytes of `index`: the ICU window
    /// then goes on, so text in another script is one ICU call rather than one per word.
    private static func isNonASCIIAhead(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let end = min(bytes.count, index + windowGap)
        for ahead in index..<end where bytes[ahead] >= 0x80 { return true }
        return false
    }

    /// ASCII bytes between two non-ASCII ones for which their ICU windows are joined.
    private static let windowGap = 32

    /// Whether ICU always breaks between these two bytes, whatever surrounds them: an ASCII
    /// space next to an ASCII character other than a space (no UAX #29 rule joins them, and a
    /// combining mark can only attach to the character before it).
    private static func isCertainBreak(_ before: UInt8, _ after: UInt8) -> Bool {
        guard before < 0x80, after < 0x80, before != after else { return false }
        return before == UInt8(ascii: " ") || after == UInt8(ascii: " ")
    }

    /// Letters, `@`, digits and `_` (ALetter, Numeric and ExtendNumLet: any two of them join),
    /// as bits of two masks: one test per byte of text.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        let mask = byte < 64 ? wordBytesBelow64 : wordBytesFrom64
        return byte < 128 && mask >> UInt64(byte & 63) & 1 == 1
    }

    /// `isWordByte`'s masks: bit b of the first is byte b, of the second byte 64 + b.
    private static let wordBytesBelow64: UInt64 = 0x03FF_0000_0000_0000
    private static let wordBytesFrom64: UInt64 = 0x07FF_FFFE_87FF_FFFF

    /// Whether `middle` joins the bytes either side into one word (`e.g`, `don't`, `3.5`, `1,000`).
    private static func joinsNeighbours(_ before: UInt8, _ middle: UInt8, _ after: UInt8) -> Bool {
        switch middle {
        case UInt8(ascii: "."), UInt8(ascii: "'"):
            return (isLetter(before) && isLetter(after)) || (isDigit(before) && isDigit(after))
        case UInt8(ascii: ","), UInt8(ascii: ";"):
            return isDigit(before) && isDigit(after)
        default:
            return false
        }
    }

    /// ASCII letters and `@`, which ICU counts as a letter (so `name@example.com` stays whole).
    private static func isLetter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "@") || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
    }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
