/// English Porter2 (Snowball English, version 3) stemmer, written from the published algorithm
/// description (https://snowballstem.org/algorithms/english/stemmer.html). Two details follow the
/// official test vocabulary (`snowball-data`, as reproduced by `snowballstemmer` 3.1.1) where the
/// description lags behind it: `emerg`, `inter` and `organ` join the R1 prefixes, and `skis` → `ski`.
///
/// The input is one lowercase word (as produced by `Normalizer.normalizeTerm`). The work runs on
/// UTF-8 bytes in place (every step only shortens the word or keeps its length, so the stem fits
/// where the word was); a word with non-ASCII letters is stemmed on a copy where each non-ASCII
/// scalar is one placeholder byte (a non-vowel, as Snowball treats it), then the scalars are put
/// back: the algorithm only changes ASCII suffix letters, so their order and count are kept.
package enum Stemmer {
    /// The byte that stands for a non-ASCII scalar in `stem(inPlace:count:)`.
    static let placeholder: UInt8 = 0xFF

    /// The Porter2 stem of a lowercase word: `connections` → `connect`, `running` → `run`.
    package static func stem(_ word: String) -> String {
        let utf8 = word.utf8
        if !utf8.contains(where: { $0 >= 0x80 }) {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, utf8.count)) { buffer in
                guard let base = buffer.baseAddress else { return word }
                _ = buffer.initialize(fromContentsOf: utf8)
                let count = stem(inPlace: base, count: utf8.count)
                return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
            }
        }
        var others: [Unicode.Scalar] = []
        var bytes = word.unicodeScalars.map { scalar -> UInt8 in
            if scalar.isASCII { return UInt8(scalar.value) }
            others.append(scalar)
            return placeholder
        }
        let count = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { stem(inPlace: $0, count: buffer.count) } ?? 0
        }
        var result = String.UnicodeScalarView()
        var next = others.makeIterator()
        for byte in bytes[..<count] {
            if byte == placeholder, let scalar = next.next() {
                result.append(scalar)
            } else {
                result.append(Unicode.Scalar(byte))
            }
        }
        return String(result)
    }

    /// Stems the `count` bytes at `word` in place (lowercase ASCII, `placeholder` for any other
    /// scalar) and returns the stem's length: the corpus analysis stems words it holds as bytes.
    package static func stem(inPlace word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var stemmer = Porter2(word, count: count)
        stemmer.run()
        return stemmer.count
    }
}

/// One run of the Porter2 algorithm over the bytes of a word, in place.
/// `p1`/`p2` are the starts of the regions R1/R2, fixed once computed (as in Snowball).
private struct Porter2 {
    private static let apostrophe = UInt8(ascii: "'")
    private static let markedY = UInt8(ascii: "Y")

    private let word: UnsafeMutablePointer<UInt8>
    private(set) var count: Int
    /// The length the word had: no step may make it longer.
    private let capacity: Int
    private var p1 = 0
    private var p2 = 0

    init(_ word: UnsafeMutablePointer<UInt8>, count: Int) {
        self.word = word
        self.count = count
        capacity = count
    }

    mutating func run() {
        if applyWholeWordException() { return }
        if count < 3 { return }
        if word[0] == Self.apostrophe {
            for index in 1..<count { word[index - 1] = word[index] }
            count -= 1
        }
        markConsonantY()
        markRegions()
        step0()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        for index in 0..<count where word[index] == Self.markedY { word[index] = UInt8(ascii: "y") }
    }

    // MARK: Letters

    private static func isVowel(_ byte: UInt8) -> Bool { EnglishLetters.isVowel(byte) }

    private static func isDouble(_ first: UInt8, _ second: UInt8) -> Bool {
        guard first == second else { return false }
        switch first {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    private static func isValidLiEnding(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
             UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    // MARK: Word helpers

    /// Whether `word[start..<start + text.count]` is `text` (the range must be in the word).
    private func matches(_ text: StaticString, at start: Int) -> Bool {
        let bytes = text.utf8Start
        for index in 0..<text.utf8CodeUnitCount where word[start + index] != bytes[index] { return false }
        return true
    }

    private func endsWith(_ suffix: StaticString) -> Bool {
        suffix.utf8CodeUnitCount <= count && matches(suffix, at: count - suffix.utf8CodeUnitCount)
    }

    private func hasPrefix(_ prefix: StaticString) -> Bool {
        prefix.utf8CodeUnitCount <= count && matches(prefix, at: 0)
    }

    /// Whether `word[0..<end]` is exactly `text`.
    private func stem(upTo end: Int, equals text: StaticString) -> Bool {
        end == text.utf8CodeUnitCount && matches(text, at: 0)
    }

    private func containsVowel(before end: Int) -> Bool {
        for index in 0..<end where Self.isVowel(word[index]) { return true }
        return false
    }

    private mutating func append(_ text: StaticString) {
        let bytes = text.utf8Start, length = text.utf8CodeUnitCount
        precondition(count + length <= capacity, "a Porter2 step lengthened the word")
        for index in 0..<length { word[count + index] = bytes[index] }
        count += length
    }

    private mutating func replaceSuffix(length: Int, with replacement: StaticString) {
        count -= length
        append(replacement)
    }

    /// Whether two rule texts are the same.
    private static func same(_ a: StaticString, _ b: StaticString) -> Bool {
        guard a.utf8CodeUnitCount == b.utf8CodeUnitCount else { return false }
        for index in 0..<a.utf8CodeUnitCount where a.utf8Start[index] != b.utf8Start[index] { return false }
        return true
    }

    /// The longest suffix of the word among `rules`, if any.
    private func longestSuffix(in rules: SuffixRules) -> SuffixRule? {
        guard count > 0 else { return nil }
        for rule in rules.endingWith(word[count - 1]) where endsWith(rule.suffix) { return rule }
        return nil
    }

    /// Whether `word[0..<end]` ends with a short syllable.
    private func endsWithShortSyllable(_ end: Int) -> Bool {
        if end >= 3 {
            let last = word[end - 1]
            if !Self.isVowel(last), last != UInt8(ascii: "w"), last != UInt8(ascii: "x"), last != Self.markedY,
               Self.isVowel(word[end - 2]), !Self.isVowel(word[end - 3]) {
                return true
            }
        }
        if end == 2, Self.isVowel(word[0]), !Self.isVowel(word[1]) { return true }
        return stem(upTo: end, equals: "past")
    }

    // MARK: Prelude and regions

    /// Exceptional whole words and their stems (invariant forms map to themselves).
    private static let wholeWordExceptions: [(word: StaticString, stem: StaticString)] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
        ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"),
        ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ]

    /// Exceptional whole words: special stems and invariant forms. Returns true when handled.
    private mutating func applyWholeWordException() -> Bool {
        guard (3...6).contains(count) else { return false }
        for exception in Self.wholeWordExceptions where stem(upTo: count, equals: exception.word) {
            count = 0
            append(exception.stem)
            return true
        }
        return false
    }

    /// Initial `y`, and `y` after a vowel, become `Y` (a consonant).
    private mutating func markConsonantY() {
        for index in 0..<count where word[index] == UInt8(ascii: "y") {
            if index == 0 || Self.isVowel(word[index - 1]) { word[index] = Self.markedY }
        }
    }

    /// The prefix that fixes R1 (`gener`, `commun`, `arsen`, `past`, `univers`, `later`, `emerg`,
    /// `inter`, `organ`) that could start the word: their first letters differ.
    private var regionPrefix: StaticString? {
        switch word[0] {
        case UInt8(ascii: "g"): "gener"
        case UInt8(ascii: "c"): "commun"
        case UInt8(ascii: "a"): "arsen"
        case UInt8(ascii: "p"): "past"
        case UInt8(ascii: "u"): "univers"
        case UInt8(ascii: "l"): "later"
        case UInt8(ascii: "e"): "emerg"
        case UInt8(ascii: "i"): "inter"
        case UInt8(ascii: "o"): "organ"
        default: nil
        }
    }

    private mutating func markRegions() {
        if let prefix = regionPrefix, hasPrefix(prefix) {
            p1 = prefix.utf8CodeUnitCount
        } else {
            p1 = regionStart(after: 0)
        }
        p2 = regionStart(after: p1)
    }

    /// The position after the first non-vowel that follows a vowel, from `start`.
    private func regionStart(after start: Int) -> Int {
        var index = start
        while index < count, !Self.isVowel(word[index]) { index += 1 }
        while index < count, Self.isVowel(word[index]) { index += 1 }
        return min(index + 1, count)
    }

    // MARK: Steps

    private mutating func step0() {
        guard UnsafeBufferPointer(start: word, count: count).contains(Self.apostrophe) else { return }
        for suffix: StaticString in ["'s'", "'s", "'"] where endsWith(suffix) {
            count -= suffix.utf8CodeUnitCount
            return
        }
    }

    private mutating func step1a() {
        guard count >= 2, word[count - 1] == UInt8(ascii: "s") || word[count - 1] == UInt8(ascii: "d") else { return }
        if endsWith("sses") {
            count -= 2
        } else if endsWith("ied") || endsWith("ies") {
            replaceSuffix(length: 3, with: count - 3 > 1 ? "i" : "ie")
        } else if word[count - 1] != UInt8(ascii: "s") || endsWith("us") || endsWith("ss") {
            return
        } else if containsVowel(before: count - 2) {
            count -= 1
        }
    }

    private static let step1bSuffixes: [StaticString] = ["eedly", "ingly", "edly", "eed", "ing", "ed"]
    private static let eedExceptions: [StaticString] = ["proc", "exc", "succ"]
    private static let ingExceptions: [StaticString] = ["inn", "out", "cann", "herr", "earr", "even"]

    /// Whether `word[0..<end]` is one of `texts`.
    private func stem(upTo end: Int, isOneOf texts: [StaticString]) -> Bool {
        for text in texts where stem(upTo: end, equals: text) { return true }
        return false
    }

    private mutating func step1b() {
        guard count > 0, word[count - 1] == UInt8(ascii: "d") || word[count - 1] == UInt8(ascii: "g")
                || word[count - 1] == UInt8(ascii: "y") else { return }
        var found: StaticString?
        for suffix in Self.step1bSuffixes where endsWith(suffix) {
            found = suffix
            break
        }
        guard let suffix = found else { return }
        let length = suffix.utf8CodeUnitCount, start = count - length
        if suffix.utf8Start[0] == UInt8(ascii: "e"), suffix.utf8Start[1] == UInt8(ascii: "e") {
            if start >= p1, !stem(upTo: start, isOneOf: Self.eedExceptions) {
                replaceSuffix(length: length, with: "ee")
            }
            return
        }
        if suffix.utf8Start[0] == UInt8(ascii: "i") {
            if start == 2, !Self.isVowel(word[0]), word[1] == UInt8(ascii: "y") {
                replaceSuffix(length: length + 1, with: "ie")
                return
            }
            if stem(upTo: start, isOneOf: Self.ingExceptions) { return }
        }
        guard containsVowel(before: start) else { return }
        count = start
        if endsWith("at") || endsWith("bl") || endsWith("iz") {
            append("e")
        } else if count >= 2, Self.isDouble(word[count - 2], word[count - 1]) {
            let isVowelPlusDouble = count == 3
                && (word[0] == UInt8(ascii: "a") || word[0] == UInt8(ascii: "e") || word[0] == UInt8(ascii: "o"))
            if !isVowelPlusDouble { count -= 1 }
        } else if p1 >= count, endsWithShortSyllable(count) {
            append("e")
        }
    }

    private mutating func step1c() {
        guard count >= 3, word[count - 1] == UInt8(ascii: "y") || word[count - 1] == Self.markedY,
              !Self.isVowel(word[count - 2]) else { return }
        word[count - 1] = UInt8(ascii: "i")
    }

    private static let step2Rules = SuffixRules([
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogist", "og"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ])

    private mutating func step2() {
        guard let rule = longestSuffix(in: Self.step2Rules) else { return }
        let start = count - rule.suffix.utf8CodeUnitCount
        guard start >= p1 else { return }
        if Self.same(rule.suffix, "ogi") {
            guard start > 0, word[start - 1] == UInt8(ascii: "l") else { return }
        } else if Self.same(rule.suffix, "li") {
            guard start > 0, Self.isValidLiEnding(word[start - 1]) else { return }
        }
        replaceSuffix(length: rule.suffix.utf8CodeUnitCount, with: rule.replacement)
    }

    private static let step3Rules = SuffixRules([
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ])

    private mutating func step3() {
        guard let rule = longestSuffix(in: Self.step3Rules) else { return }
        let start = count - rule.suffix.utf8CodeUnitCount
        guard start >= p1 else { return }
        if Self.same(rule.suffix, "ative"), start < p2 { return }
        replaceSuffix(length: rule.suffix.utf8CodeUnitCount, with: rule.replacement)
    }

    private static let step4Rules = SuffixRules([
        ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""),
        ("ement", ""), ("ment", ""), ("ent", ""), ("ism", ""), ("ate", ""), ("iti", ""), ("ous", ""), ("ive", ""),
        ("ize", ""), ("ion", ""),
    ])

    private mutating func step4() {
        guard let rule = longestSuffix(in: Self.step4Rules) else { return }
        let start = count - rule.suffix.utf8CodeUnitCount
        guard start >= p2 else { return }
        if Self.same(rule.suffix, "ion") {
            guard start > 0, word[start - 1] == UInt8(ascii: "s") || word[start - 1] == UInt8(ascii: "t") else { return }
        }
        count = start
    }

    private mutating func step5() {
        let start = count - 1
        guard start >= 0 else { return }
        switch word[start] {
        case UInt8(ascii: "e"):
            if start >= p2 || (start >= p1 && !endsWithShortSyllable(start)) { count -= 1 }
        case UInt8(ascii: "l"):
            if start >= p2, start > 0, word[start - 1] == UInt8(ascii: "l") { count -= 1 }
        default:
            break
        }
    }
}
