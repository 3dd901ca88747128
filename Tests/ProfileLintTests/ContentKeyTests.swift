import Testing
@testable import ProfileCorpus

/// The de-duplication key folds case and whitespace; its shortcut for scalars without a
/// lowercase mapping must agree with the mapping itself, or keys (and duplicates) would change.
@Suite struct ContentKeyTests {
    @Test func theLowercaseShortcutAgreesWithTheMappingForEveryScalar() {
        var disagreeing: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let differs = scalar.properties.lowercaseMapping != String(Character(scalar))
            if ContentKey.lowercaseDiffers(scalar) != differs { disagreeing.append(value) }
        }
        #expect(disagreeing.isEmpty, "scalars: \(disagreeing.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func plainPunctuationHasNoLowercaseMappingAndIsNoWhitespace() {
        let plain = (UInt32(0x80)...0x10FFFF).compactMap(Unicode.Scalar.init).filter(ContentKey.isPlainPunctuation)
        #expect(plain.count == 71)
        #expect(plain.allSatisfy { !$0.properties.changesWhenLowercased && !$0.properties.isWhitespace
                                   && $0.properties.lowercaseMapping == String(Character($0)) })
    }

    @Test func keysIgnoreCaseAndWhitespaceButNotWords() {
        func key(_ title: String, _ description: String) -> ContentKey {
            ContentKey(JobPost(title: title, description: description, location: PostLocation(path: "jobs.csv", line: 2)))
        }
        #expect(key("ÉCOLE  Design", "Logo\tand Ｂrand") == key("école design ", "logo and ｂrand "))
        #expect(key("Straße – Shop", "ΣΟΦΙΑ’s menu") == key("straße – shop", "σοφια’s MENU"))
        #expect(key("Logo design", "brand") != key("Logo design", "brands"))
        #expect(key("Logo", "design brand") != key("Logo design", "brand"), "title and description stay apart")
    }

    /// The hash reads eight bytes at a time: streams that differ only in a short tail, a zero
    /// byte or where a word boundary falls still get different hashes.
    @Test func hashesTellApartStreamsThatDifferInTheirLastWord() {
        var streams: [[UInt8]] = (0...24).map { [UInt8](repeating: 0x61, count: $0) }
        streams += (0...16).map { [UInt8](repeating: 0, count: $0) }
        streams += [[0x61, 0x62], [0x62, 0x61], [0x61, 0x62, 0], [0, 0x61, 0x62]]
        let hashes = streams.map { stream in
            var hasher = ContentKey.Hasher()
            for byte in stream { hasher.combine(byte) }
            let (first, second) = hasher.finish()
            return [first, second]
        }
        #expect(Set(hashes).count == streams.count - 1, "only the empty stream is listed twice")
    }

    /// The key read from UTF-8 bytes in place equals the key of the text's scalars, lowercased one
    /// by one and whitespace runs collapsed, on random mixes of ASCII, whitespace, letters with
    /// lowercase mappings (some to several scalars), marks, punctuation and emoji.
    @Test func bytewiseKeysEqualTheScalarDefinition() {
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\t", "\n", "\r", "\u{0B}", "1", ".", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}",
                                      "É", "é", "İ", "ẞ", "ß", "Σ", "σ", "ς", "\u{212A}", "\u{0301}", "–", "’", "•", "Ｂ", "😀", "中", "\u{10400}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func text() -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<next(24) { scalars.append(pool[next(pool.count)]) }
            return String(scalars)
        }
        // Long ASCII runs too (read eight bytes at a time): letters of both cases around the
        // case range's edges (`@`, `[`, `` ` ``, `{`), digits, controls around the whitespace
        // range's edges, single and repeated spaces and other whitespace.
        let ascii: [Unicode.Scalar] = ["a", "z", "A", "Z", "M", "@", "[", "`", "{", "~", "!", "0", "9", "\u{7F}", "\u{01}",
                                       "\u{08}", "\u{0E}", "\u{1F}", " ", " ", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        func asciiText() -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<next(80) { scalars.append(next(8) == 0 ? pool[next(pool.count)] : ascii[next(ascii.count)]) }
            return String(scalars)
        }
        for round in 0..<6_000 {
            let post = round < 3_000
                ? JobPost(title: text(), description: text(), location: PostLocation(path: "jobs.csv", line: 2))
                : JobPost(title: asciiText(), description: asciiText(), location: PostLocation(path: "jobs.csv", line: 2))
            let key = ContentKey(post)
            let expected = Self.scalarKey([post.title, post.description])
            #expect(key.first == expected.first && key.second == expected.second && key.length == expected.length,
                    "\(post.title.debugDescription) / \(post.description.debugDescription)")
        }
    }

    /// The key's definition, scalar by scalar.
    static func scalarKey(_ parts: [String]) -> (first: UInt64, second: UInt64, length: Int) {
        var hasher = ContentKey.Hasher()
        var length = 0
        for part in parts {
            var pendingSpace = false
            for scalar in part.unicodeScalars.flatMap({ $0.properties.lowercaseMapping.unicodeScalars }) {
                if scalar.properties.isWhitespace {
                    pendingSpace = length > 0
                    continue
                }
                if pendingSpace { hasher.combine(0x20); length += 1; pendingSpace = false }
                UTF8.encode(scalar) { hasher.combine($0) }
                length += 1
            }
            hasher.combine(0x01)
        }
        let (first, second) = hasher.finish()
        return (first, second, length)
    }
}
