/// A skill alias table: canonical skill names and the other names they go by
/// (`React` ← `React.js`, `ReactJS`; `Google Ads` ← `Google AdWords`). The data comes from the caller
/// (the rule pack's alias file); this type only does the matching.
///
/// Matching compares `normalizedKey`s, so case, accents, spaces, punctuation and a `.js`/`js`
/// suffix do not matter: `React.js`, `ReactJS`, `react js` and `React` are one skill.
/// Short names are the exception: an alias (or canonical name) whose key (before dropping `js`)
/// is one or two letters or digits (`R`, `C`, `Go`, `AI`; not `C#`) matches only a tag that is
/// exactly that name, case included, so `go` and `GO` never become `Go`.
package struct SkillAliases: Sendable {
    /// One canonical skill and its aliases.
    package struct Group: Sendable, Hashable {
        package var canonical: String
        package var aliases: [String]
        package init(canonical: String, aliases: [String]) {
            self.canonical = canonical
            self.aliases = aliases
        }
    }

    /// Two groups claim the same name (by key, or exactly for short names).
    package struct Conflict: Error, Sendable, Hashable, CustomStringConvertible {
        /// The name as written in the later group.
        package var name: String
        /// Indexes into the groups given to `init` of the group that claimed it first and the later one.
        package var firstGroup: Int
        package var secondGroup: Int
        package var description: String {
            "alias '\(name)' of group \(secondGroup + 1) is already a name of group \(firstGroup + 1)"
        }
    }

    private struct Claim: Sendable {
        var canonical: String
        var group: Int
    }

    /// A skill named in a text: its canonical name and where the words naming it are.
    package struct Mention: Sendable, Hashable {
        package var canonical: String
        /// UTF-8 byte offsets in the analysed text.
        package var range: Range<Int>
    }

    package let groups: [Group]
    private var byKey: [String: Claim] = [:]
    private var shortNames: [String: Claim] = [:]
    /// Folded keys of the first word of every name written as several words (`google` for
    /// `Google Ads`), and the most words in a name: `mentions(in:)` tries longer runs only there.
    private var firstWordKeys: Set<String> = []
    private var longestName = 1
    private let canonicalNames = LockedMemo<String, String?>(limit: 50_000)

    /// Builds the table; throws the first `Conflict` when one name belongs to two groups.
    /// A name repeated within its own group is allowed.
    package init(_ groups: [Group]) throws(Conflict) {
        self.groups = groups
        for (index, group) in groups.enumerated() {
            for name in [group.canonical] + group.aliases {
                let trimmed = Self.trimmed(name)
                let folded = Self.foldedKey(trimmed)
                if folded.isEmpty { continue }
                let claim = Claim(canonical: group.canonical, group: index)
                if Self.isShort(folded) {
                    try Self.record(claim, for: trimmed, name: name, in: &shortNames)
                } else {
                    try Self.record(claim, for: Self.droppingJSSuffix(folded), name: name, in: &byKey)
                    let words = Tokenizer.words(trimmed)
                    if words.count > 1, let first = words.first {
                        firstWordKeys.insert(Self.foldedKey(first.text))
                        longestName = max(longestName, words.count)
                    }
                }
            }
        }
    }

    /// The skills named in an analysed text, longest name first and without overlaps, in text
    /// order. A name may span several words of one phrase (`Google Ads`, `search engine
    /// optimization`); short names match only a word written exactly like them (`Go`, not `go`).
    package func mentions(in terms: [AnalyzedTerm]) -> [Mention] {
        var found: [Mention] = []
        var start = 0
        while start < terms.count {
            let first = terms[start]
            let firstKey = Self.foldedKey(first.normalized)
            var matched = 0
            if firstWordKeys.contains(firstKey) {
                var key = firstKey
                var end = start + 1
                var longest: Mention?
                while end < terms.count, end - start < longestName, terms[end].phrase == first.phrase {
                    key += Self.foldedKey(terms[end].normalized)
                    end += 1
                    if let claim = byKey[Self.droppingJSSuffix(key)] {
                        longest = Mention(canonical: claim.canonical,
                                          range: first.range.lowerBound..<terms[end - 1].range.upperBound)
                        matched = end - start
                    }
                }
                if let longest { found.append(longest) }
            }
            if matched == 0 {
                if let claim = shortNames[first.text] {
                    found.append(Mention(canonical: claim.canonical, range: first.range))
                } else if !Self.isShort(firstKey), let claim = byKey[Self.droppingJSSuffix(firstKey)] {
                    found.append(Mention(canonical: claim.canonical, range: first.range))
                }
                matched = 1
            }
            start += matched
        }
        return found
    }

    /// The canonical name of a skill tag, or nil when the table does not know it. Each tag is
    /// looked up once per table: a lint asks for the same tags again and again (every corpus
    /// rule and section, the corpus's tag table, the alias-aware keys).
    package func canonical(for tag: String) -> String? {
        canonicalNames.value(for: tag) { lookUpCanonical(for: $0) }
    }

    private func lookUpCanonical(for tag: String) -> String? {
        let trimmed = Self.trimmed(tag)
        if let claim = shortNames[trimmed] { return claim.canonical }
        let folded = Self.foldedKey(trimmed)
        if Self.isShort(folded) { return nil }
        return byKey[Self.droppingJSSuffix(folded)]?.canonical
    }

    /// The key names are compared by: `Normalizer.normalizeTerm` (case and accents folded), then
    /// only letters, digits, `#` and `+` kept (so `C#` and `C++` stay apart from `C`), then a
    /// trailing `js` dropped when something is left before it.
    /// `React.js`, `ReactJS`, `react js` → `react`; `Node.js` → `node`; `CI/CD` → `cicd`; `C#` → `c#`.
    package static func normalizedKey(_ name: String) -> String {
        droppingJSSuffix(foldedKey(name))
    }

    // MARK: Helpers

    /// The key before the `js` suffix is dropped; names whose folded key has at most two
    /// characters are the short ones.
    private static func foldedKey(_ name: String) -> String {
        if Normalizer.isASCII(name) { return asciiFoldedKey(name) }
        var scalars = String.UnicodeScalarView()
        for scalar in Normalizer.normalizeTerm(name).unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "#" || scalar == "+" {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `foldedKey` of an ASCII name in one pass over its bytes, with no new string when the name
    /// is its own key (tags and words usually are): every name a lint reads is folded, many
    /// times over (each term of each text, each tag of each rule).
    private static func asciiFoldedKey(_ name: String) -> String {
        let utf8 = name.utf8
        if utf8.allSatisfy(isKeyByte) { return name }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for var byte in utf8 {
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if isKeyByte(byte) {
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// A byte an ASCII key keeps: a lowercase letter, a digit, `#` or `+`.
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "+")
    }

    // An ASCII key (what ASCII names give) has one character per byte, so the three helpers
    // below count and search its bytes; other keys keep the character-based reading.

    private static func droppingJSSuffix(_ key: String) -> String {
        if Normalizer.isASCII(key) {
            let utf8 = key.utf8
            return utf8.count > 2 && utf8.last == UInt8(ascii: "s") && utf8.dropLast().last == UInt8(ascii: "j")
                ? String(key.dropLast(2)) : key
        }
        return key.count > 2 && key.hasSuffix("js") ? String(key.dropLast(2)) : key
    }

    /// One or two letters or digits: ambiguous with common words (`go`, `r`). `C#` and `C++` are not short.
    private static func isShort(_ key: String) -> Bool {
        if Normalizer.isASCII(key) {
            return key.utf8.count <= 2 && !key.utf8.contains(UInt8(ascii: "#")) && !key.utf8.contains(UInt8(ascii: "+"))
        }
        return key.unicodeScalars.count <= 2 && !key.contains("#") && !key.contains("+")
    }

    private static func trimmed(_ name: String) -> String {
        // Starting and ending in an ASCII character that is not white space: nothing to trim.
        if let first = name.utf8.first, let last = name.utf8.last, first < 0x80, last < 0x80,
           !isASCIIWhitespace(first), !isASCIIWhitespace(last) {
            return name
        }
        let scalars = name.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// The ASCII characters with the Unicode `White_Space` property: tab to carriage return, space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || byte == 0x20
    }

    private static func record(_ claim: Claim, for key: String, name: String,
                               in table: inout [String: Claim]) throws(Conflict) {
        if let existing = table[key] {
            if existing.group != claim.group {
                throw Conflict(name: name, firstGroup: existing.group, secondGroup: claim.group)
            }
            return
        }
        table[key] = claim
    }
}
