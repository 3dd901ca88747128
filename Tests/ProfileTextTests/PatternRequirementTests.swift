import PropertyBased
import Testing
@testable import ProfileText

/// The requirement read from a pattern never keeps a match from being found, and a pattern
/// compiled lazily finds what one compiled at once finds.
@Suite struct PatternRequirementTests {
    static let allCaps = #"(?<![\p{L}\p{N}])\p{Lu}{3,}(?:[ \t]+\p{Lu}{3,}){2,}(?![\p{L}\p{N}])"#
    static let emojiRuns = #"(?:(?=[\p{Extended_Pictographic}\p{Regional_Indicator}])\X)(?:\s*(?=[\p{Extended_Pictographic}\p{Regional_Indicator}])\X){2,}"#
    static let patterns = [
        allCaps, emojiRuns, #"\p{Lu}{3,}"#, #"[A-Z][a-z]+ \d"#, #"(?:ab|cd)x{2}"#, #"(?=[\p{L}])\X{2}"#, #"a[^b]c"#,
        "colou?r", #"\bfoo\b"#, "x{3}y+z*", "[a-é]{2}", #"(Ab)+\.k"#, #"[-a]b[a-]"#, #"\p{Emoji}{2}"#,
        #"(?>AB|C)\p{Nd}"#, #"\p{Ll}+\s\p{N}"#,
    ]
    /// Pieces random texts are made of: each class's edge (ASCII and not, letters that fold,
    /// emoji parts, spaces and line ends).
    static let pieces = ["A", "B", "Z", "K", "a", "b", "c", "k", "o", "l", "u", "r", "f", "x", "y", "z", "1", "9", " ", "\t",
                         "\n", "\r", "-", ".", "#", "*", "é", "É", "ß", "\u{212A}", "🚀", "🔥", "🇫", "🇷", "\u{200D}", "👩", "🏽", "©",
                         "SQL", "API", "foo", "colour", "Ab", "x\u{301}", "٣", "\u{A0}"]

    static func texts(_ count: Int, seed: UInt64) -> [String] {
        var generator = Xoshiro(seed: (seed, 1, 2, 3))
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func neverSkipsATextTheExpressionMatches() throws {
        let texts = Self.texts(3_000, seed: 12)
        for pattern in Self.patterns {
            // The same expression with an alternative that never matches: no requirement, compiled now.
            let eager = try UserPattern(pattern + "|(?!)")
            #expect(eager.requirement == nil)
            let lazy = try UserPattern(pattern, compileNow: false)
            let requirement = try #require(lazy.requirement, "no requirement read from \(pattern)")
            var skipped = 0
            for text in texts {
                let expected = try eager.matches(in: text)
                #expect(try lazy.matches(in: text) == expected, "\(pattern) on \(text.debugDescription)")
                if !requirement.holds(for: Array(text.utf8)) {
                    skipped += 1
                    #expect(expected.isEmpty, "\(pattern) matches \(text.debugDescription), which its requirement rejects")
                }
            }
            #expect(skipped > 0, "the requirement of \(pattern) rejected no text")
        }
    }

    /// Without a text that passes the requirement, a lazy pattern is never compiled.
    @Test func aLazyPatternCompilesOnlyForATextThatMayMatch() throws {
        let lazy = try UserPattern(Self.emojiRuns, compileNow: false)
        #expect(try lazy.matches(in: "Power BI & SQL reports, 🚀 fast") == [])
        #expect(!lazy.isCompiled)
        #expect(try lazy.matches(in: "go 🚀🚀🚀") == [3..<15])
        #expect(lazy.isCompiled)
        let invalid = try UserPattern("ab[c", compileNow: false)
        #expect(throws: UserPattern.Problem.invalid("U_REGEX_MISSING_CLOSE_BRACKET", offset: 4)) { try invalid.matches(in: "abc") }
    }

    @Test func readsTheBuiltInPatterns() throws {
        let caps = try #require(PatternRequirement(pattern: Self.allCaps, caseInsensitive: false))
        let upper = PatternRequirement.ASCIISet(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        #expect(caps.needs == [.init(ascii: upper, nonASCII: true, run: 3, count: 3),
                               .init(ascii: .init([9, 32]), nonASCII: false, run: 1, count: 2)])
        let emoji = try #require(PatternRequirement(pattern: Self.emojiRuns, caseInsensitive: false))
        #expect(emoji.needs == [.init(ascii: .init(), nonASCII: true, run: 1, count: 3)])
        #expect(!caps.holds(for: Array("SQL reports on AWS".utf8)))
        #expect(caps.holds(for: Array("I do ANYTHING YOU NEED".utf8)))
        #expect(!emoji.holds(for: Array("Cafe 🚀 resume".utf8)))
        #expect(emoji.holds(for: Array("Café 🚀 rés".utf8)))
    }

    @Test func syntaxNotUnderstoodGivesNoRequirement() {
        for pattern in ["(?i)abc", #"\x41"#, "a|b", "[[a]]", #"(?<name>a)"#, #"\Qa\E"#, "(?#c)a", #"\1"#, "a{,2}", #"[\t-\r]x"#, "[:Lu:]{2}"] {
            #expect(PatternRequirement(pattern: pattern, caseInsensitive: false) == nil, "\(pattern)")
        }
        #expect(PatternRequirement(pattern: "abc", caseInsensitive: true) == nil)
    }

    /// The ASCII members listed for each property are ICU's.
    @Test func propertyTableIsICUs() throws {
        for (name, set) in PatternRequirement.propertyASCII {
            let pattern = try UserPattern(#"\p{"# + name + "}|(?!)")
            for byte in UInt8(0)..<128 {
                let matched = try !pattern.matches(in: String(UnicodeScalar(byte))).isEmpty
                #expect(matched == set.contains(byte), "\\p{\(name)} and \(UnicodeScalar(byte).escaped(asASCII: true))")
            }
        }
    }
}
