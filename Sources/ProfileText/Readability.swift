/// An English syllable heuristic: vowel groups, adjusted for silent endings, common two-vowel
/// hiatuses and the word shapes that hyphenation (which textstat uses to count syllables) never
/// splits.
package enum Syllables {
    /// The estimated number of syllables of one word (at least 1). Only ASCII letters count, any
    /// case; a word without letters (`2024`) is one syllable, as textstat counts it.
    package static func count(_ word: String) -> Int {
        var letters: [UInt8] = []
        letters.reserveCapacity(word.utf8.count)
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): letters.append(byte)
            default: break
            }
        }
        return count(lowercaseLetters: letters)
    }

    // MARK: The heuristic

    private static func isVowel(_ byte: UInt8) -> Bool { EnglishLetters.isVowel(byte) }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Consonant pairs that open a syllable (`a-ble`, `a-cross`): a word starting with a single
    /// vowel before one of them would split after one letter.
    private static let onsets: Set<[UInt8]> = Set(["bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr"]
        .map(bytes))
    /// Endings after which a word's inner `e` is silent (`manage-ment`, `time-line`, `close-ly`).
    private static let suffixesAfterSilentE: Set<[UInt8]> = Set([
        "ment", "ments", "ly", "ful", "less", "ness", "line", "lines", "base", "bases", "time", "times", "work",
        "works", "way", "ways", "side",
    ].map(bytes))
    /// Endings that hyphenation splits off even after a one-letter first syllable (`us-ing`, `ov-en`).
    private static let splitEndings: [[UInt8]] = ["ing", "er", "ers", "ed", "es", "en", "ist", "age", "ages"].map(bytes)

    private static func count(lowercaseLetters w: [UInt8]) -> Int {
        let n = w.count
        // Hyphenation keeps at least two letters on each side, so words of three letters or fewer
        // are one syllable.
        if n <= 3 { return 1 }
        var groups: [Range<Int>] = []
        var index = 0
        // `y` is a consonant at the start and before a vowel (`yes`, `player`, `employers`).
        func isConsonantY(_ at: Int) -> Bool {
            w[at] == UInt8(ascii: "y") && (at == 0 || (at + 1 < n && isVowel(w[at + 1])))
        }
        while index < n {
            if isVowel(w[index]), !isConsonantY(index) {
                var end = index + 1
                while end < n, isVowel(w[end]), !isConsonantY(end) { end += 1 }
                groups.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        guard let last = groups.last else { return 1 }
        var count = groups.count
        count += hiatusCount(w, groups)
        count -= silentEndingCount(w, last: last, count: count)
        if count > 1, hasSuffix(w, "ery") { count -= 1 }  // ev-ery, de-liv-ery
        if hasSuffix(w, "able"), n > 5, !isVowel(w[n - 5]) { count -= 1 }  // scal-able, avail-able
        if count > 1, hasInnerSilentE(w, groups) { count -= 1 }
        if count > 1, startsWithOneLetterSyllable(w, groups) { count -= 1 }
        return max(1, count)
    }

    /// Vowel pairs spoken as two syllables: `experi-ence`, `vari-ous`, `compli-ance`, `re-act`,
    /// `cre-ate`, `ide-al`, `actu-al`.
    private static func hiatusCount(_ w: [UInt8], _ groups: [Range<Int>]) -> Int {
        let n = w.count
        var extra = 0
        for group in groups {
            let start = group.lowerBound
            let end = group.upperBound
            let before = start > 0 ? w[start - 1] : 0
            let letters = Array(w[group])
            if letters == bytes("ie"), end + 1 < n, w[end] == UInt8(ascii: "n"), start > 0,
               before != UInt8(ascii: "c"), before != UInt8(ascii: "t") {
                extra += 1
            } else if letters == bytes("iou"), start > 0, !bytes("tsxcg").contains(before) {
                extra += 1
            } else if letters == bytes("ia"), end + 2 <= n, w[end] == UInt8(ascii: "n"), w[end + 1] == UInt8(ascii: "c") {
                extra += 1
            } else if letters == bytes("ea") {
                let isReA = start == 1 && w[0] == UInt8(ascii: "r") && (w[3] == UInt8(ascii: "l") || w[3] == UInt8(ascii: "c"))
                let isCreA = start == 2 && w[0] == UInt8(ascii: "c") && w[1] == UInt8(ascii: "r")
                let isIdeaL = n > 4 && w.starts(with: bytes("idea"))
                if isReA || isCreA || isIdeaL { extra += 1 }
            } else if letters == bytes("ua"), end < n, w[end] == UInt8(ascii: "l") {
                extra += 1
            }
        }
        return extra
    }

    /// 1 when the word ends in a silent `e`, `ed` or `es` that formed its own vowel group.
    private static func silentEndingCount(_ w: [UInt8], last: Range<Int>, count: Int) -> Int {
        let n = w.count
        guard count > 1 else { return 0 }
        if w[n - 1] == UInt8(ascii: "e"), last == (n - 1)..<n {
            let isConsonantLE = w[n - 2] == UInt8(ascii: "l") && !isVowel(w[n - 3])
            return isConsonantLE ? 0 : 1
        }
        if hasSuffix(w, "ed"), last == (n - 2)..<(n - 1) {
            return w[n - 3] == UInt8(ascii: "t") || w[n - 3] == UInt8(ascii: "d") ? 0 : 1
        }
        if hasSuffix(w, "es"), last == (n - 2)..<(n - 1) {
            let sibilant = bytes("sxz").contains(w[n - 3]) || hasSuffix(w, "ches") || hasSuffix(w, "shes")
            let syllabicLes = w[n - 3] == UInt8(ascii: "l") && !isVowel(w[n - 4])  // ar-ti-cles
            return sibilant || syllabicLes ? 0 : 1
        }
        return 0
    }

    /// An inner single `e` after vowel + consonant, followed by a consonant suffix: `manage-ment`.
    private static func hasInnerSilentE(_ w: [UInt8], _ groups: [Range<Int>]) -> Bool {
        for group in groups.dropLast() where group.count == 1 && w[group.lowerBound] == UInt8(ascii: "e") {
            let start = group.lowerBound
            if start >= 2, !isVowel(w[start - 1]), isVowel(w[start - 2]),
               suffixesAfterSilentE.contains(Array(w[group.upperBound...])) {
                return true
            }
        }
        return false
    }

    /// A word opening with one vowel that would be a syllable on its own (`a-bout`, `o-pen`, `a-ble`):
    /// hyphenation keeps two letters before the first break, so it merges with the next syllable.
    private static func startsWithOneLetterSyllable(_ w: [UInt8], _ groups: [Range<Int>]) -> Bool {
        guard groups.count > 1, groups[0] == 0..<1, w[0] != UInt8(ascii: "y") else { return false }
        let next = groups[1].lowerBound
        let single = next == 2 && w[1] != UInt8(ascii: "x") && !(w[2] == UInt8(ascii: "e") && w[3] == UInt8(ascii: "r"))
        let cluster = next == 3 && onsets.contains(Array(w[1..<3]))
        guard single || cluster else { return false }
        if w[1] == UInt8(ascii: "n"), w[2] == UInt8(ascii: "a") { return false }  // an-a-lyst
        let rest = w[2...]
        return !splitEndings.contains { rest.elementsEqual($0) }
    }

    private static func hasSuffix(_ w: [UInt8], _ suffix: String) -> Bool {
        let tail = bytes(suffix)
        return w.count >= tail.count && w[(w.count - tail.count)...].elementsEqual(tail)
    }
}

/// Readability scores, counted the way PyPI `textstat` 0.7.3 counts (so scores agree with it):
/// - a word is a whitespace-separated chunk with at least one letter, digit or `_` once other
///   punctuation is removed (`e-mail` is one word, `—` is none);
/// - sentences are runs of text up to `.`, `!` or `?` starting at a word boundary, and runs of
///   two words or fewer do not count (at least one sentence);
/// - syllables are hyphenation points + 1 with the US English hyphenation dictionary
///   (`Hyphenator`), exactly as textstat (through pyphen) counts them. Without the dictionary, the
///   `Syllables` heuristic estimates them (see `estimatedSyllables`).
package enum Readability {
    /// Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
    /// Higher is easier (60-70 is plain English). Nil for a text without words.
    /// Uses the system hyphenation dictionary when installed (`Hyphenator.english`).
    package static func fleschReadingEase(_ text: String) -> Double? {
        fleschReadingEase(text, hyphenator: Hyphenator.english)
    }

    /// Flesch reading ease with syllables from `hyphenator`, or from the heuristic when nil.
    ///
    /// With a hyphenator the counts are textstat's, and so is its rounding (words per sentence
    /// and syllables per word to one decimal, half up, before the formula; the score to two
    /// decimals). With the heuristic, the per-word estimate is left unrounded: rounding an
    /// estimate would turn a small error into a jump of 8.46 points.
    package static func fleschReadingEase(_ text: String, hyphenator: Hyphenator?) -> Double? {
        let words = wordChunks(text)
        guard !words.isEmpty else { return nil }
        let wordCount = Double(words.count)
        let wordsPerSentence = wordCount / Double(max(1, sentenceCount(text)))
        if let hyphenator {
            var syllables = 0
            for word in words { syllables += hyphenator.syllableCount(word.lowercased()) }
            let score = 206.835 - 1.015 * textstatRounded(wordsPerSentence, digits: 1)
                - 84.6 * textstatRounded(Double(syllables) / wordCount, digits: 1)
            return textstatRounded(score, digits: 2)
        }
        let syllables = words.reduce(0.0) { $0 + estimatedSyllables($1) }
        return 206.835 - 1.015 * wordsPerSentence - 84.6 * (syllables / wordCount)
    }

    /// The heuristic's estimate of textstat's syllable count for one word. Hyphenation patterns
    /// find only part of the syllable breaks: on the words of the project's job-post corpus,
    /// pyphen's breaks are 0.92 of `Syllables.count`'s breaks (syllables − 1), so the expected
    /// count is 1 + 0.92 × breaks.
    static func estimatedSyllables(_ word: String) -> Double {
        1 + hyphenationRecall * Double(Syllables.count(word) - 1)
    }

    static let hyphenationRecall = 0.92

    /// textstat's rounding at `digits` decimals: floor(value × 10^digits + copysign(0.5, value)),
    /// so positive halves go up and negative values lean down (-8.046 → -8.06).
    static func textstatRounded(_ value: Double, digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale + (value < 0 ? -0.5 : 0.5)).rounded(.down) / scale
    }

    // MARK: textstat's counting

    /// Python's `\w` for `str` patterns: letters, numbers and `_`.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (scalar.value >= 0x1C && scalar.value <= 0x1F)
    }

    /// Whitespace-separated chunks with punctuation removed; chunks left empty are dropped.
    static func wordChunks<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars {
            if isSpace(scalar) {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            } else if isWordCharacter(scalar) {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func wordChunks(_ text: String) -> [String] { wordChunks(text.unicodeScalars) }

    /// textstat's sentence count: matches of `\b[^.!?]+[.!?]*`, less those of two words or fewer.
    static func sentenceCount(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        let isTerminator: (Unicode.Scalar) -> Bool = { $0 == "." || $0 == "!" || $0 == "?" }
        var count = 0
        var position = 0
        while position < scalars.count {
            let before = position > 0 && isWordCharacter(scalars[position - 1])
            let atBoundary = before != isWordCharacter(scalars[position])
            guard atBoundary, !isTerminator(scalars[position]) else {
                position += 1
                continue
            }
            var end = position
            while end < scalars.count, !isTerminator(scalars[end]) { end += 1 }
            while end < scalars.count, isTerminator(scalars[end]) { end += 1 }
            if wordChunks(scalars[position..<end]).count > 2 { count += 1 }
            position = end
        }
        return count
    }
}
