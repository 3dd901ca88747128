@testable import ProfileText

/// The Porter2 stemmer as it was before `Stemmer` moved to an in-place byte buffer (arrays of
/// bytes, one per step): kept here unchanged as the oracle the faster one is tested against
/// (`StemmerTests.equalsTheArrayStemmer`), not used by the library.
enum ReferenceStemmer {
    /// The Porter2 stem of a lowercase word: `connections` → `connect`, `running` → `run`.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        if !bytes.contains(where: { $0 >= 0x80 }) {
            var stemmer = ReferencePorter2(bytes)
            stemmer.run()
            return stemmer.word == bytes ? word : String(decoding: stemmer.word, as: UTF8.self)
        }
        var others: [Unicode.Scalar] = []
        bytes = word.unicodeScalars.map { scalar -> UInt8 in
            if scalar.isASCII { return UInt8(scalar.value) }
            others.append(scalar)
            return ReferencePorter2.placeholder
        }
        var stemmer = ReferencePorter2(bytes)
        stemmer.run()
        var result = String.UnicodeScalarView()
        var next = others.makeIterator()
        for byte in stemmer.word {
            if byte == ReferencePorter2.placeholder, let scalar = next.next() {
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
private struct ReferencePorter2 {
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

    /// The longest suffix of the word among `rules`, if any.
    private func longestSuffix(in rules: ReferenceSuffixRules) -> ReferenceSuffixRule? {
        guard let last = word.last else { return nil }
        for rule in rules.endingWith(last) where endsWith(rule.suffix) { return rule }
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
        return stem(upTo: end, equals: Self.past)
    }

    // MARK: Prelude and regions

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Exceptional whole words and their stems (invariant forms map to themselves).
    private static let wholeWordExceptions: [(word: [UInt8], stem: [UInt8])] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
        ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"),
        ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ].map { (bytes($0.0), bytes($0.1)) }

    /// Exceptional whole words: special stems and invariant forms. Returns true when handled.
    private mutating func applyWholeWordException() -> Bool {
        guard (3...6).contains(word.count) else { return false }
        for exception in Self.wholeWordExceptions where exception.word == word {
            word = exception.stem
            return true
        }
        return false
    }

    /// Initial `y`, and `y` after a vowel, become `Y` (a consonant).
    private mutating func markConsonantY() {
        for index in word.indices where word[index] == UInt8(ascii: "y") {
            if index == 0 || Self.isVowel(word[index - 1]) { word[index] = Self.markedY }
        }
    }

    private static let regionPrefixes: [[UInt8]] = [
        "gener", "commun", "arsen", "past", "univers", "later", "emerg", "inter", "organ",
    ].map(bytes)

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

    private static let past = bytes("past")
    private static let possessives: [[UInt8]] = ["'s'", "'s", "'"].map(bytes)

    private mutating func step0() {
        guard word.contains(Self.apostrophe) else { return }
        for suffix in Self.possessives where endsWith(suffix) {
            word.removeLast(suffix.count)
            return
        }
    }

    private static let sses = bytes("sses")
    private static let ied = bytes("ied")
    private static let ies = bytes("ies")
    private static let us = bytes("us")
    private static let ss = bytes("ss")
    private static let i = bytes("i")
    private static let ie = bytes("ie")

    private mutating func step1a() {
        let count = word.count
        guard count >= 2, word[count - 1] == UInt8(ascii: "s") || word[count - 1] == UInt8(ascii: "d") else { return }
        if endsWith(Self.sses) {
            word.removeLast(2)
        } else if endsWith(Self.ied) || endsWith(Self.ies) {
            replaceSuffix(length: 3, with: count - 3 > 1 ? Self.i : Self.ie)
        } else if word[count - 1] != UInt8(ascii: "s") || endsWith(Self.us) || endsWith(Self.ss) {
            return
        } else if containsVowel(before: count - 2) {
            word.removeLast()
        }
    }

    private static let step1bSuffixes: [[UInt8]] = ["eedly", "ingly", "edly", "eed", "ing", "ed"].map(bytes)
    private static let eedExceptions: [[UInt8]] = ["proc", "exc", "succ"].map(bytes)
    private static let ingExceptions: [[UInt8]] = ["inn", "out", "cann", "herr", "earr", "even"].map(bytes)
    private static let ee = bytes("ee")
    private static let at = bytes("at")
    private static let bl = bytes("bl")
    private static let iz = bytes("iz")

    private mutating func step1b() {
        guard let last = word.last, last == UInt8(ascii: "d") || last == UInt8(ascii: "g") || last == UInt8(ascii: "y"),
              let suffix = Self.step1bSuffixes.first(where: endsWith) else { return }
        let start = word.count - suffix.count
        if suffix[0] == UInt8(ascii: "e"), suffix[1] == UInt8(ascii: "e") {
            if start >= p1, !Self.eedExceptions.contains(where: { stem(upTo: start, equals: $0) }) {
                replaceSuffix(length: suffix.count, with: Self.ee)
            }
            return
        }
        if suffix[0] == UInt8(ascii: "i") {
            if start == 2, !Self.isVowel(word[0]), word[1] == UInt8(ascii: "y") {
                word.removeLast(suffix.count + 1)
                word.append(contentsOf: Self.ie)
                return
            }
            if Self.ingExceptions.contains(where: { stem(upTo: start, equals: $0) }) { return }
        }
        guard containsVowel(before: start) else { return }
        word.removeLast(suffix.count)
        let count = word.count
        if endsWith(Self.at) || endsWith(Self.bl) || endsWith(Self.iz) {
            word.append(UInt8(ascii: "e"))
        } else if count >= 2, Self.isDouble(word[count - 2], word[count - 1]) {
            let isVowelPlusDouble = count == 3
                && (word[0] == UInt8(ascii: "a") || word[0] == UInt8(ascii: "e") || word[0] == UInt8(ascii: "o"))
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

    private static let step2Rules = ReferenceSuffixRules([
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogist", "og"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ])
    private static let ogi = bytes("ogi")
    private static let li = bytes("li")

    private mutating func step2() {
        guard let rule = longestSuffix(in: Self.step2Rules) else { return }
        let start = word.count - rule.suffix.count
        guard start >= p1 else { return }
        if rule.suffix == Self.ogi {
            guard start > 0, word[start - 1] == UInt8(ascii: "l") else { return }
        } else if rule.suffix == Self.li {
            guard start > 0, Self.isValidLiEnding(word[start - 1]) else { return }
        }
        replaceSuffix(length: rule.suffix.count, with: rule.replacement)
    }

    private static let step3Rules = ReferenceSuffixRules([
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ])
    private static let ative = bytes("ative")

    private mutating func step3() {
        guard let rule = longestSuffix(in: Self.step3Rules) else { return }
        let start = word.count - rule.suffix.count
        guard start >= p1 else { return }
        if rule.suffix == Self.ative, start < p2 { return }
        replaceSuffix(length: rule.suffix.count, with: rule.replacement)
    }

    private static let step4Rules = ReferenceSuffixRules(
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti",
         "ous", "ive", "ize", "ion"].map { ($0, "") }
    )
    private static let ion = bytes("ion")

    private mutating func step4() {
        guard let rule = longestSuffix(in: Self.step4Rules) else { return }
        let start = word.count - rule.suffix.count
        guard start >= p2 else { return }
        if rule.suffix == Self.ion {
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
private struct ReferenceSuffixRule: Sendable {
    let suffix: [UInt8]
    let replacement: [UInt8]
}

/// Suffix rules grouped by their last letter, each group longest suffix first, so the first
/// match in a group is the longest.
private struct ReferenceSuffixRules: Sendable {
    private let groups: [[ReferenceSuffixRule]]

    init(_ pairs: [(String, String)]) {
        var groups = [[ReferenceSuffixRule]](repeating: [], count: 256)
        for (suffix, replacement) in pairs {
            let rule = ReferenceSuffixRule(suffix: Array(suffix.utf8), replacement: Array(replacement.utf8))
            if let last = rule.suffix.last { groups[Int(last)].append(rule) }
        }
        self.groups = groups.map { $0.sorted { $0.suffix.count > $1.suffix.count } }
    }

    func endingWith(_ byte: UInt8) -> [ReferenceSuffixRule] { groups[Int(byte)] }
}
