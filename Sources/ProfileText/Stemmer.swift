/// English Porter2 (Snowball English, version 3) stemmer, written from the published algorithm
/// description (https://snowballstem.org/algorithms/english/stemmer.html). Two details follow the
/// official test vocabulary (`snowball-data`, as reproduced by `snowballstemmer` 3.1.1) where the
/// description lags behind it: `emerg`, `inter` and `organ` join the R1 prefixes, and `skis` → `ski`.
///
/// The input is one lowercase word (as produced by `Normalizer.normalizeTerm`). The work runs on
/// UTF-8 bytes; a word with non-ASCII letters is stemmed on a copy where each non-ASCII scalar is
/// one placeholder byte (a non-vowel, as Snowball treats it), then the scalars are put back: the
/// algorithm only changes ASCII suffix letters, so their order and count are kept.
public enum Stemmer {
    /// The Porter2 stem of a lowercase word: `connections` → `connect`, `running` → `run`.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        if !bytes.contains(where: { $0 >= 0x80 }) {
            var stemmer = Porter2(bytes)
            stemmer.run()
            return stemmer.word == bytes ? word : String(decoding: stemmer.word, as: UTF8.self)
        }
        var others: [Unicode.Scalar] = []
        bytes = word.unicodeScalars.map { scalar -> UInt8 in
            if scalar.isASCII { return UInt8(scalar.value) }
            others.append(scalar)
            return Porter2.placeholder
        }
        var stemmer = Porter2(bytes)
        stemmer.run()
        var result = String.UnicodeScalarView()
        var next = others.makeIterator()
        for byte in stemmer.word {
            if byte == Porter2.placeholder, let scalar = next.next() {
                result.append(scalar)
            } else {
                result.append(Unicode.Scalar(byte))
            }
        }
        return String(result)
    }
}

/// One run of the Porter2 algorithm over the bytes of a word.
/// `p1`/`p2` are the starts of the regions R1/R2, fixed once computed (as in Snowball).
private struct Porter2 {
    static let placeholder: UInt8 = 0xFF
    private static let apostrophe = UInt8(ascii: "'")
    private static let markedY = UInt8(ascii: "Y")

    var word: [UInt8]
    private var p1 = 0
    private var p2 = 0

    init(_ word: [UInt8]) { self.word = word }

    mutating func run() {
        if applyWholeWordException() { return }
        if word.count < 3 { return }
        if word.first == Self.apostrophe { word.removeFirst() }
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
        for index in word.indices where word[index] == Self.markedY { word[index] = UInt8(ascii: "y") }
    }

    // MARK: Letters

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

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

    private func endsWith(_ suffix: [UInt8]) -> Bool {
        let count = word.count
        guard suffix.count <= count else { return false }
        var index = count - suffix.count
        for byte in suffix {
            if word[index] != byte { return false }
            index += 1
        }
        return true
    }

    private func hasPrefix(_ prefix: [UInt8]) -> Bool {
        guard prefix.count <= word.count else { return false }
        for index in prefix.indices where word[index] != prefix[index] { return false }
        return true
    }

    /// Whether `word[0..<end]` is exactly `text`.
    private func stem(upTo end: Int, equals text: [UInt8]) -> Bool {
        guard end == text.count else { return false }
        for index in 0..<end where word[index] != text[index] { return false }
        return true
    }

    private func containsVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if Self.isVowel(word[index]) { return true }
            index += 1
        }
        return false
    }

    private mutating func replaceSuffix(length: Int, with replacement: [UInt8]) {
        word.removeLast(length)
        word.append(contentsOf: replacement)
    }

    /// The longest suffix of the word among `rules` (sorted longest first), if any.
    private func longestSuffix(in rules: [SuffixRule]) -> SuffixRule? {
        rules.first { endsWith($0.suffix) }
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
        return stem(upTo: end, equals: Array("past".utf8))
    }

    // MARK: Prelude and regions

    /// Exceptional whole words: special stems and invariant forms. Returns true when handled.
    private mutating func applyWholeWordException() -> Bool {
        guard word.count <= 6, let text = String(validating: word, as: UTF8.self) else { return false }
        switch text {
        case "skis": word = Array("ski".utf8)
        case "skies": word = Array("sky".utf8)
        case "idly": word = Array("idl".utf8)
        case "gently": word = Array("gentl".utf8)
        case "ugly": word = Array("ugli".utf8)
        case "early": word = Array("earli".utf8)
        case "only": word = Array("onli".utf8)
        case "singly": word = Array("singl".utf8)
        case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes": break
        default: return false
        }
        return true
    }

    /// Initial `y`, and `y` after a vowel, become `Y` (a consonant).
    private mutating func markConsonantY() {
        for index in word.indices where word[index] == UInt8(ascii: "y") {
            if index == 0 || Self.isVowel(word[index - 1]) { word[index] = Self.markedY }
        }
    }

    private static let regionPrefixes: [[UInt8]] = [
        "gener", "commun", "arsen", "past", "univers", "later", "emerg", "inter", "organ",
    ]
        .map { Array($0.utf8) }

    private mutating func markRegions() {
        if let prefix = Self.regionPrefixes.first(where: hasPrefix) {
            p1 = prefix.count
        } else {
            p1 = regionStart(after: 0)
        }
        p2 = regionStart(after: p1)
    }

    /// The position after the first non-vowel that follows a vowel, from `start`.
    private func regionStart(after start: Int) -> Int {
        var index = start
        while index < word.count, !Self.isVowel(word[index]) { index += 1 }
        while index < word.count, Self.isVowel(word[index]) { index += 1 }
        return min(index + 1, word.count)
    }

    // MARK: Steps

    private mutating func step0() {
        for suffix in ["'s'", "'s", "'"] where endsWith(Array(suffix.utf8)) {
            word.removeLast(suffix.utf8.count)
            return
        }
    }

    private mutating func step1a() {
        let count = word.count
        if endsWith(Array("sses".utf8)) {
            word.removeLast(2)
        } else if endsWith(Array("ied".utf8)) || endsWith(Array("ies".utf8)) {
            replaceSuffix(length: 3, with: count - 3 > 1 ? [UInt8(ascii: "i")] : Array("ie".utf8))
        } else if endsWith(Array("us".utf8)) || endsWith(Array("ss".utf8)) {
            return
        } else if word.last == UInt8(ascii: "s"), count >= 2, containsVowel(before: count - 2) {
            word.removeLast()
        }
    }

    private static let step1bSuffixes: [[UInt8]] = ["eedly", "ingly", "edly", "eed", "ing", "ed"].map { Array($0.utf8) }
    private static let eedExceptions: [[UInt8]] = ["proc", "exc", "succ"].map { Array($0.utf8) }
    private static let ingExceptions: [[UInt8]] = ["inn", "out", "cann", "herr", "earr", "even"].map { Array($0.utf8) }

    private mutating func step1b() {
        guard let suffix = Self.step1bSuffixes.first(where: endsWith) else { return }
        let start = word.count - suffix.count
        if suffix.starts(with: Array("eed".utf8)) {
            if start >= p1, !Self.eedExceptions.contains(where: { stem(upTo: start, equals: $0) }) {
                replaceSuffix(length: suffix.count, with: Array("ee".utf8))
            }
            return
        }
        if suffix.starts(with: Array("ing".utf8)) {
            if start == 2, !Self.isVowel(word[0]), word[1] == UInt8(ascii: "y") {
                word.removeLast(suffix.count + 1)
                word.append(contentsOf: Array("ie".utf8))
                return
            }
            if Self.ingExceptions.contains(where: { stem(upTo: start, equals: $0) }) { return }
        }
        guard containsVowel(before: start) else { return }
        word.removeLast(suffix.count)
        let count = word.count
        if endsWith(Array("at".utf8)) || endsWith(Array("bl".utf8)) || endsWith(Array("iz".utf8)) {
            word.append(UInt8(ascii: "e"))
        } else if count >= 2, Self.isDouble(word[count - 2], word[count - 1]) {
            let isVowelPlusDouble = count == 3
                && [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "o")].contains(word[0])
            if !isVowelPlusDouble { word.removeLast() }
        } else if p1 >= count, endsWithShortSyllable(count) {
            word.append(UInt8(ascii: "e"))
        }
    }

    private mutating func step1c() {
        let count = word.count
        guard count >= 3, word[count - 1] == UInt8(ascii: "y") || word[count - 1] == Self.markedY,
              !Self.isVowel(word[count - 2]) else { return }
        word[count - 1] = UInt8(ascii: "i")
    }

    private static let step2Rules: [SuffixRule] = SuffixRule.sorted([
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogist", "og"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ])

    private mutating func step2() {
        guard let rule = longestSuffix(in: Self.step2Rules) else { return }
        let start = word.count - rule.suffix.count
        guard start >= p1 else { return }
        switch rule.suffix {
        case Array("ogi".utf8):
            guard start > 0, word[start - 1] == UInt8(ascii: "l") else { return }
        case Array("li".utf8):
            guard start > 0, Self.isValidLiEnding(word[start - 1]) else { return }
        default:
            break
        }
        replaceSuffix(length: rule.suffix.count, with: rule.replacement)
    }

    private static let step3Rules: [SuffixRule] = SuffixRule.sorted([
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ])

    private mutating func step3() {
        guard let rule = longestSuffix(in: Self.step3Rules) else { return }
        let start = word.count - rule.suffix.count
        guard start >= p1 else { return }
        if rule.suffix == Array("ative".utf8), start < p2 { return }
        replaceSuffix(length: rule.suffix.count, with: rule.replacement)
    }

    private static let step4Rules: [SuffixRule] = SuffixRule.sorted(
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti",
         "ous", "ive", "ize", "ion"].map { ($0, "") }
    )

    private mutating func step4() {
        guard let rule = longestSuffix(in: Self.step4Rules) else { return }
        let start = word.count - rule.suffix.count
        guard start >= p2 else { return }
        if rule.suffix == Array("ion".utf8) {
            guard start > 0, word[start - 1] == UInt8(ascii: "s") || word[start - 1] == UInt8(ascii: "t") else { return }
        }
        word.removeLast(rule.suffix.count)
    }

    private mutating func step5() {
        let start = word.count - 1
        guard start >= 0 else { return }
        switch word[start] {
        case UInt8(ascii: "e"):
            if start >= p2 || (start >= p1 && !endsWithShortSyllable(start)) { word.removeLast() }
        case UInt8(ascii: "l"):
            if start >= p2, start > 0, word[start - 1] == UInt8(ascii: "l") { word.removeLast() }
        default:
            break
        }
    }
}

/// A suffix and what replaces it.
private struct SuffixRule: Sendable {
    let suffix: [UInt8]
    let replacement: [UInt8]

    /// Rules sorted longest suffix first, so the first match is the longest.
    static func sorted(_ pairs: [(String, String)]) -> [SuffixRule] {
        pairs.map { SuffixRule(suffix: Array($0.0.utf8), replacement: Array($0.1.utf8)) }
            .sorted { $0.suffix.count > $1.suffix.count }
    }
}
