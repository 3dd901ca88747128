import CICU

/// A word of a text with its place: UTF-8 byte offsets into the text it came from.
package struct Token: Sendable, Hashable {
    /// The token as written.
    package var text: String
    /// UTF-8 offsets into the analysed string.
    package var range: Range<Int>
    package init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}

/// Word and sentence segmentation with ICU's break iterators (UAX #29), tailored for tech text.
///
/// Words are ICU's word-like segments (letters and numbers; punctuation, spaces and emoji are
/// dropped), then adjusted so tech tokens stay whole:
/// - a trailing `++` after a word, or `#` after a one- or two-letter word: `C++`, `Notepad++`, `C#`, `F#`;
/// - a leading `.` before a word that starts with a letter, when the dot follows the start of the
///   text, a space or an opening punctuation mark: `.NET`, `(.NET)`, `C#/.NET`;
/// - short pairs: two words of at most two letters around `/` or `&` (`CI/CD`, `A/B`, `UI/UX`,
///   `I/O`, `R&D`, `Q&A`), a few known longer ones (`TCP/IP`, `PL/SQL`, `AT&T`), and a
///   single letter hyphenated to a word (`Objective-C`, `T-SQL`, `e-commerce`);
/// - dotted names stay whole as ICU keeps them (`Node.js`, `ASP.NET`, `socket.io`), except a
///   missing space after a full stop (`skills.Strong` → `skills`, `Strong`: a lowercase letter, a
///   dot, then a capitalized word) and any colon (`Requirements:Python`) split the segment.
/// Letters and digits stay together as ICU joins them (`GA4`, `B2B`, `3D`).
package enum Tokenizer {
    /// The words of `text` with exact UTF-8 byte ranges.
    package static func words(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { bytes in
            wordRanges(in: bytes).map { range in
                Token(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), range: range)
            }
        }
    }

    /// The sentences of `text` (ICU sentence breaks; a line break also ends a sentence) as UTF-8
    /// byte ranges, without trailing white space; blank segments are left out.
    package static func sentences(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { sentenceRanges(in: $0) }
    }

    // MARK: Ranges over UTF-8 bytes

    /// ICU segments of `bytes`: (end offset, rule status) pairs, in order.
    static func segments(of kind: Int32, in bytes: UnsafeBufferPointer<UInt8>) -> [(end: Int, status: Int32)] {
        let count = bytes.count
        guard count > 0, count < Int(Int32.max), let base = bytes.baseAddress else { return [] }
        var ends = [Int32](repeating: 0, count: count)
        var statuses = [Int32](repeating: 0, count: count)
        let found = Int(plicu_segments(kind, base, Int32(count), &ends, &statuses, Int32(count)))
        // ICU failing here (out of memory) leaves the text as one segment rather than dropping it.
        guard found > 0, found <= count else { return [(count, kind == PLICU_BREAK_WORD ? 200 : 0)] }
        return (0..<found).map { (Int(ends[$0]), statuses[$0]) }
    }

    static func sentenceRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for segment in segments(of: Int32(PLICU_BREAK_SENTENCE), in: bytes) {
            var end = segment.end
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            var first = start
            while first < end, isSpace(bytes[first]) { first += 1 }
            if first < end { ranges.append(first..<end) }
            start = segment.end
        }
        return ranges
    }

    /// Word ranges with the tech-token adjustments described on the type.
    static func wordRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        // About one word per 6 bytes of prose: room for most texts without growing.
        words.reserveCapacity(bytes.count / 4)
        forEachWordRange(in: bytes) { range, _ in words.append(range) }
        return words
    }

    /// Calls `body` with each of `wordRanges`' words in order, without its array (the corpus
    /// analysis segments every text once), and whether the word is plain: ASCII letters,
    /// digits, `_` and `@` only, as the scanner found it (no mark added, no pair joined).
    static func forEachWordRange(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, _ isPlain: Bool) -> Void) {
        var adjuster = Adjuster()
        // A plain segment holds no `:` or `.` to split at.
        WordSegmenter.forEachWord(in: bytes) { segment, isPlain in
            if isPlain {
                adjuster.add(segment, isPlain: true, in: bytes, body)
            } else {
                splitRunOnWords(segment, in: bytes) { adjuster.add($0, isPlain: false, in: bytes, body) }
            }
        }
        adjuster.finish(body)
    }

    /// `wordRanges` with every segment from ICU (no ASCII scanner): the reference for tests.
    static func icuWordRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var adjuster = Adjuster()
        let append = { (range: Range<Int>, _: Bool) in words.append(range) }
        WordSegmenter.forEachICUWord(in: bytes) { segment in
            splitRunOnWords(segment, in: bytes) { adjuster.add($0, isPlain: false, in: bytes, append) }
        }
        adjuster.finish(append)
        return words
    }

    /// Adds marks to word segments and joins short pairs as the segments come: the last word
    /// waits until the next one says whether the two are a pair.
    private struct Adjuster {
        private var pending: Range<Int>?
        private var pendingIsPlain = false

        mutating func add(_ segment: Range<Int>, isPlain: Bool, in bytes: UnsafeBufferPointer<UInt8>,
                          _ body: (Range<Int>, _ isPlain: Bool) -> Void) {
            let extended = extendedWithMarks(segment, in: bytes)
            let extendedIsPlain = isPlain && extended == segment
            if let word = pending {
                if let joined = joinedPair(word, extended, in: bytes) {
                    (pending, pendingIsPlain) = (joined, false)
                    return
                }
                body(word, pendingIsPlain)
            }
            (pending, pendingIsPlain) = (extended, extendedIsPlain)
        }

        func finish(_ body: (Range<Int>, _ isPlain: Bool) -> Void) {
            if let pending { body(pending, pendingIsPlain) }
        }
    }

    /// Splits an ICU word segment at a colon, or at a full stop between a lowercase letter and a
    /// capitalized word (a missing space after a sentence).
    private static func splitRunOnWords(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>,
                                        _ word: (Range<Int>) -> Void) {
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            let isBreak: Bool
            if byte == UInt8(ascii: ":") {
                isBreak = true
            } else if byte == UInt8(ascii: "."), index > start, index + 2 < range.upperBound {
                isBreak = isLower(bytes[index - 1]) && isUpper(bytes[index + 1]) && isLower(bytes[index + 2])
            } else {
                isBreak = false
            }
            if isBreak {
                if start < index { word(start..<index) }
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound { word(start..<range.upperBound) }
    }

    /// Adds a leading `.` and a trailing `++` or `#` that belong to the word.
    private static func extendedWithMarks(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        if lower >= 1, bytes[lower - 1] == UInt8(ascii: "."), isLetter(bytes[lower]),
           lower == 1 || opensWord(bytes[lower - 2]) {
            lower -= 1
        }
        if isLetter(bytes[upper - 1]) {
            if upper + 1 < bytes.count, bytes[upper] == UInt8(ascii: "+"), bytes[upper + 1] == UInt8(ascii: "+") {
                upper += 2
            } else if upper < bytes.count, bytes[upper] == UInt8(ascii: "#"), upper - lower <= 2 {
                upper += 1
            }
        }
        // `C#x` is not C#: a mark glued to a following letter or digit is left out.
        if upper != range.upperBound, upper < bytes.count, isAlphanumeric(bytes[upper]) {
            upper = range.upperBound
        }
        return lower..<upper
    }

    private static let knownPairs: Set<String> = ["tcp/ip", "pl/sql", "at&t"]

    /// The two words joined into one when they are a short pair around `/`, `&` or `-`.
    private static func joinedPair(_ left: Range<Int>, _ right: Range<Int>,
                                   in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard right.lowerBound == left.upperBound + 1 else { return nil }
        let separator = bytes[left.upperBound]
        // Most words are one space apart: decided before counting letters.
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "&") || separator == UInt8(ascii: "-") else {
            return nil
        }
        let leftLetters = letterCount(left, in: bytes)
        let rightLetters = letterCount(right, in: bytes)
        let isPair: Bool
        switch separator {
        case UInt8(ascii: "/"), UInt8(ascii: "&"):
            if (1...2).contains(leftLetters ?? 0), (1...2).contains(rightLetters ?? 0) {
                isPair = true
            } else {
                let pair = String(decoding: UnsafeBufferPointer(rebasing: bytes[left.lowerBound..<right.upperBound]),
                                  as: UTF8.self)
                isPair = knownPairs.contains(pair.lowercased())
            }
        case UInt8(ascii: "-"):
            isPair = leftLetters != nil && rightLetters != nil && (leftLetters == 1 || rightLetters == 1)
        default:
            isPair = false
        }
        return isPair ? left.lowerBound..<right.upperBound : nil
    }

    /// The number of letters when the range is ASCII letters only, else nil.
    private static func letterCount(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in range where !isLetter(bytes[index]) { return nil }
        return range.count
    }

    // MARK: ASCII classes

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Characters after which a `.` starts a word (`.NET`): space and opening punctuation.
    private static func opensWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "/"), UInt8(ascii: ","),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";"):
            return true
        default:
            return isSpace(byte)
        }
    }
}
