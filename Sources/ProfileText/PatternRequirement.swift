/// What every text an ICU regular expression matches must hold, read from the pattern itself:
/// some runs of consecutive characters from a class (`\p{Lu}{3,}` three times needs three
/// disjoint runs of three capitals). A text without them cannot match, so the expression is
/// neither run nor, when compiled lazily, compiled for it. Only a small part of the syntax is
/// understood (literals, classes of literals, ranges and common properties, groups,
/// quantifiers, lookarounds); anything else adds no need or gives no requirement, so the test
/// errs only towards running the expression.
package struct PatternRequirement: Sendable, Equatable {
    /// `count` disjoint runs of `run` consecutive characters of a class.
    struct Need: Sendable, Equatable {
        var ascii: ASCIISet
        /// Whether non-ASCII characters may belong to the class (then each counts as one).
        var nonASCII: Bool
        var run: Int
        var count: Int
    }

    /// A set of ASCII characters, a bit each.
    struct ASCIISet: Sendable, Equatable {
        var low: UInt64 = 0, high: UInt64 = 0

        init(_ bytes: some Sequence<UInt8> = []) {
            for byte in bytes { insert(byte) }
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }

        mutating func formUnion(_ other: ASCIISet) {
            low |= other.low
            high |= other.high
        }
    }

    let needs: [Need]

    /// The requirement of `pattern`; nil when it needs nothing this reading can prove (or is
    /// matched without regard to case, where `k` also matches the Kelvin sign).
    package init?(pattern: String, caseInsensitive: Bool) {
        guard !caseInsensitive else { return nil }
        var reader = PatternReader(Array(pattern.unicodeScalars))
        guard let needs = reader.sequence(), reader.atEnd else { return nil }
        var merged: [Need] = []
        for need in needs {
            if let index = merged.firstIndex(where: { $0.ascii == need.ascii && $0.nonASCII == need.nonASCII && $0.run == need.run }) {
                merged[index].count += need.count
            } else {
                merged.append(need)
            }
        }
        guard !merged.isEmpty else { return nil }
        self.needs = merged
    }

    /// Whether a text whose UTF-8 bytes are `bytes` holds every need (else no match is possible).
    package func holds(for bytes: some Collection<UInt8>) -> Bool {
        needs.allSatisfy { need in
            var runs = 0, length = 0
            // A non-ASCII character counts once, at its first byte (`String`s are valid UTF-8).
            for byte in bytes where byte & 0xC0 != 0x80 {
                if byte >= 0x80 ? need.nonASCII : need.ascii.contains(byte) {
                    length += 1
                    if length == need.run {
                        runs += 1
                        if runs >= need.count { return true }
                        length = 0
                    }
                } else {
                    length = 0
                }
            }
            return false
        }
    }

    /// The ASCII members of the Unicode properties read in `\p{...}` (the property's own
    /// name or alias, as ICU spells them; ASCII characters never change category). Checked
    /// against ICU in the tests; a property not listed gives no need.
    static let propertyASCII: [String: ASCIISet] = {
        let upper = ASCIISet(UInt8(ascii: "A")...UInt8(ascii: "Z")), lower = ASCIISet(UInt8(ascii: "a")...UInt8(ascii: "z"))
        let digits = ASCIISet(UInt8(ascii: "0")...UInt8(ascii: "9"))
        var letters = upper
        letters.formUnion(lower)
        var emoji = digits
        emoji.formUnion(ASCIISet([UInt8(ascii: "#"), UInt8(ascii: "*")]))
        return ["L": letters, "Letter": letters, "Lu": upper, "Uppercase_Letter": upper, "Ll": lower, "Lowercase_Letter": lower,
                "N": digits, "Number": digits, "Nd": digits, "Decimal_Number": digits,
                "Extended_Pictographic": ASCIISet(), "ExtPict": ASCIISet(), "Regional_Indicator": ASCIISet(), "RI": ASCIISet(),
                "Emoji_Presentation": ASCIISet(), "EPres": ASCIISet(), "Emoji": emoji]
    }()
}
