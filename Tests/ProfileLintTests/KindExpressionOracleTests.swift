import Foundation
import PropertyBased
import Testing
@testable import ProfileLint
@testable import ProfileRules
import ProfileText

/// The kinds' regular expressions run by the system ICU through the CICU shim (`ICUExpression`)
/// find exactly what `NSRegularExpression` (Foundation's ICU, which they ran on before) finds
/// for the same pattern: every match and every group, as UTF-8 ranges, on seeded random texts
/// built from pieces each expression reacts to, and on the rules' own examples.
@Suite struct KindExpressionOracleTests {
    /// What `NSRegularExpression` finds: for each match, groups 0 to `groups` as UTF-8 ranges
    /// (nil for a group that took no part). `asTheKindsDid`: converted from UTF-16 the way the
    /// kinds did (through a `String` range, nil for a range that is not on character
    /// boundaries); else offset by offset, as the engine found it.
    static func foundationMatches(_ expression: NSRegularExpression, groups: Int, in text: String,
                                  asTheKindsDid: Bool = true) -> [[Range<Int>?]] {
        let utf8Offset = { (utf16: Int) in text.utf8.distance(from: text.startIndex, to: text.utf16.index(text.utf16.startIndex, offsetBy: utf16)) }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { result in
            (0...groups).map { group -> Range<Int>? in
                let range = result.range(at: group)
                guard range.location != NSNotFound else { return nil }
                guard asTheKindsDid else { return utf8Offset(range.location)..<utf8Offset(range.location + range.length) }
                guard let found = Range(range, in: text) else { return nil }
                let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
                return start..<(start + text.utf8.distance(from: found.lowerBound, to: found.upperBound))
            }
        }
    }

    /// The `NSRegularExpression` the kinds compiled from the same pattern, as first written
    /// (`originalPattern`).
    static func foundationExpression(_ expression: ICUExpression) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: originalPattern(expression.pattern), options: expression.caseInsensitive ? [.caseInsensitive] : [])
    }

    /// Contact-info's fragments as the kinds wrote them on Foundation, one `[\p{L}\p{N}]` set per
    /// character, beside the fragments that now stand for them with fewer property sets: the
    /// oracle runs the original form, so the rewriting itself is what these tests check.
    static let originalFragments = [
        (now: ContactInfoCheck.label, original: #"[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?"#),
        (now: ContactInfoCheck.local, original: #"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}][\p{L}\p{N}._%+\-]*"#),
        (now: ContactInfoCheck.messengerHandle, original: #"[\p{L}\p{N}][\p{L}\p{N}._\-]*[\p{L}\p{N}_]"#),
        (now: ContactInfoCheck.handleName, original: #"[\p{L}\p{N}_][\p{L}\p{N}_.]{1,30}[\p{L}\p{N}_]"#),
    ]

    /// `pattern` with each rewritten fragment back in its original form.
    static func originalPattern(_ pattern: String) -> String {
        originalFragments.reduce(pattern) { $0.replacingOccurrences(of: $1.now, with: $1.original) }
    }

    /// Expects `expression` to find in `text` what `NSRegularExpression` finds, engine to engine
    /// and as the kinds take matches (`characterMatches`); whether it found any.
    static func expectSame(_ expression: ICUExpression, as old: NSRegularExpression, on text: String) throws -> Bool {
        let bytes = Array(text.utf8)
        let groups = old.numberOfCaptureGroups
        let raw = foundationMatches(old, groups: groups, in: text, asTheKindsDid: false)
        #expect(try expression.find(in: bytes, groups: groups).map(\.groups) == raw, "\(expression.pattern) on \(text.debugDescription)")
        let taken = foundationMatches(old, groups: groups, in: text)
        #expect(try expression.characterMatches(in: text, bytes: bytes, groups: groups) == taken,
                "\(expression.pattern) on \(text.debugDescription), as the kinds take matches")
        return !raw.isEmpty
    }

    /// Pieces of profile text: addresses (plain and obfuscated), phones, handles, URLs and hosts,
    /// numbers with currencies, units and percentages, title separators, spaces of several
    /// kinds, non-ASCII letters, combining marks, fullwidth forms and astral characters.
    static let pieces = [
        "jane", "Doe", ".", "@", " at ", "(at)", "[ at ]", " dot ", "[dot]", "<dot", "gmail", "com", "example.org", "mail",
        "zoë", "Ünal", "e\u{301}", "n\u{303}", "😀", "👩‍💻", "𝐀", "𝟗", "𐍈", "中文", "日本", "ｇｍａｉｌ", "＠", "５", "Ⅻ", "²",
        "+1", " (555) ", "201-3344", "555.123.4567", "5 5 5", "0800", "2019", "-", "–", "—", "/", "|", "•", "·", ",", "&",
        "+", " and ", " AND ", " And ", "five", "oh", "two", "nine", "skype", "Skype:", "telegram", "whats app", "line id",
        "id", ":", " ", "  ", "\t", "\n", "\u{00A0}", "\u{2028}", "\u{3000}", "#1234", "live:", "wa.me/", "t.me/jane",
        "calendly.com/x", "https://", "http://", "www.", "github.com", "node.js", "site.co", "/contact", "?q=1", "#top",
        "mailto:", "tel:", "'", "\"", "<", ">", "$", "€", "£", "₹", "1,200", "3.5", "40", "%", " percent", "x", "×", "k",
        "m", " years", "yrs", "10+", "clients", "_", "a", "Z", "9", "0", "message me on ", "call us via ", " on ",
        "five five five two oh one three", "https://x.co/contact", "jane at ", "message me on telegram", " www.example.org", "\r\n", "🇫🇷", "\u{20E3}",
    ]

    /// A random text of 1 to `count` pieces.
    static func text(_ random: inout Xoshiro, count: Int = 14) -> String {
        (0..<Int.random(in: 1...count, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// Compares `expression` with `NSRegularExpression` on `texts` random texts, as written and
    /// folded (the kinds match folded text); returns how many texts had a match.
    @discardableResult
    static func expectSame(_ expression: ICUExpression, seed: UInt64, texts: Int = 1_500) throws -> Int {
        let old = try foundationExpression(expression)
        var random = Xoshiro(seed: (seed, seed &+ 1, seed &+ 2, seed &+ 3))
        var matched = 0
        for _ in 0..<texts {
            let written = text(&random)
            for text in [written, FoldedText(written).text] where try expectSame(expression, as: old, on: text) {
                matched += 1
            }
        }
        return matched
    }

    /// Every expression of a contact-info rule.
    static func contactExpressions(_ body: String) throws -> [ICUExpression] {
        let check = try ContactInfoCheck(rule: try KindHarness.rule(body), guarded: false)
        return ([check.emailPattern, check.plainAtEmailPattern, check.phonePattern, check.spelledPhonePattern, check.handlePattern]
            + check.messengerPatterns + check.linkPatterns + [ContactInfoCheck.obfuscatedDotPattern]).map(\.expression)
    }

    @Test func contactInfoExpressionsMatchAsFoundationDid() throws {
        for (index, expression) in try Self.contactExpressions("kind: contact-info").enumerated() {
            #expect(try Self.expectSame(expression, seed: 100 + UInt64(index)) >= 10, "\(expression.pattern)")
        }
    }

    /// The oracle really compares the rewritten expressions with their original form: the
    /// address, messenger and handle expressions each held a fragment that was rewritten, and
    /// now hold fewer property sets than the original.
    @Test func contactInfoRewrittenExpressionsAreComparedWithTheirOriginalForm() throws {
        let check = try ContactInfoCheck(rule: try KindHarness.rule("kind: contact-info"), guarded: false)
        let rewritten = [check.emailPattern, check.plainAtEmailPattern, check.messengerPatterns[0], check.handlePattern]
        let sets = { (pattern: String) in pattern.components(separatedBy: #"\p{"#).count - 1 }
        for pattern in rewritten.map(\.pattern) {
            let original = Self.originalPattern(pattern)
            #expect(!original.contains("(?!-)") && !original.contains("{2,}(?<!"), "\(original)")
            #expect(sets(pattern) < sets(original), "\(pattern)")
        }
        #expect(rewritten.map(\.pattern).map(sets).reduce(0, +) == 20)
        #expect(rewritten.map(\.pattern).map { sets(Self.originalPattern($0)) }.reduce(0, +) == 48)
    }

    /// Each rewritten fragment alone, on random runs of letters, digits, marks and the
    /// punctuation the fragments treat apart.
    @Test func contactInfoFragmentsMatchTheirOriginalForm() throws {
        let alphabet = ["a", "Z", "ë", "e\u{301}", "5", "Ⅻ", "²", "中", "𝐀", "-", ".", "_", "%", "+", "@", " ", "#", "😀"]
        for (index, fragment) in Self.originalFragments.enumerated() {
            let expression = ICUExpression(fragment.now)
            let old = try Self.foundationExpression(expression)
            var random = Xoshiro(seed: (500, 501, 502, UInt64(index)))
            var matched = 0
            for _ in 0..<3_000 {
                let text = (0..<Int.random(in: 1...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
                if try Self.expectSame(expression, as: old, on: text) { matched += 1 }
            }
            #expect(matched > 1_000, "\(fragment.now)")
        }
    }

    @Test func contactInfoExpressionsFromARulesOwnListsMatchAsFoundationDid() throws {
        let expressions = try Self.contactExpressions("""
            kind: contact-info
            messengers: ["whats app", "line id", "c++ chat", "a.b|c"]
            contact_hosts: ["wa.me", "example.org/contact", "t.me", "x(y).com"]
            min_phone_digits: 5
            """)
        for (index, expression) in expressions.enumerated() {
            try Self.expectSame(expression, seed: 200 + UInt64(index), texts: 500)
        }
    }

    @Test func quantifiedResultsNumberPatternMatchesAsFoundationDid() throws {
        #expect(try Self.expectSame(QuantifiedResultsCheck.numberPattern, seed: 300, texts: 3_000) > 1_000)
    }

    @Test func linkPolicyPatternsMatchAsFoundationDid() throws {
        for (index, expression) in LinkPolicyCheck.urlPatterns.enumerated() {
            #expect(try Self.expectSame(expression, seed: 400 + UInt64(index), texts: 2_000) >= 20, "\(expression.pattern)")
        }
    }

    @Test func titleSeparatorsMatchAsFoundationDid() throws {
        #expect(OffNicheCheck.titleSeparators.caseInsensitive)
        #expect(try Self.expectSame(OffNicheCheck.titleSeparators, seed: 500, texts: 3_000) > 1_000)
    }

    /// The kinds escape the names and hosts a rule lists as `NSRegularExpression` did.
    @Test func escapingMatchesFoundations() {
        var random = Xoshiro(seed: (7, 11, 13, 17))
        let characters = Array(#"ab Z9-_.:/\|()[]{}^$*+?#@&'"<>=!,;~`%é😀"#).map(String.init)
        for _ in 0..<2_000 {
            let literal = (0..<Int.random(in: 0...10, using: &random)).map { _ in characters.randomElement(using: &random)! }.joined()
            #expect(ICUExpression.escaped(literal) == NSRegularExpression.escapedPattern(for: literal), "\(literal)")
        }
    }

    /// The texts of the rules' examples (good and bad) of the kinds whose expressions moved.
    @Test func theRulesExamplesMatchAsFoundationDid() throws {
        let kinds: Set<String> = [ContactInfoCheck.name, QuantifiedResultsCheck.name, LinkPolicyCheck.name, OffNicheCheck.name]
        let rules = try RulePack.load([RulePack.builtIn]).rules.filter { kinds.contains($0.kind) }
        // Each example whole and line by line (a line holds one field's text).
        let examples: [String] = rules.flatMap { $0.examples.triggering + $0.examples.passing }
        let texts: [String] = examples.flatMap { example in [example] + example.split(separator: "\n").map { String($0) } }
        #expect(rules.count >= 8)
        let expressions = try Self.contactExpressions("kind: contact-info") + LinkPolicyCheck.urlPatterns
            + [QuantifiedResultsCheck.numberPattern, OffNicheCheck.titleSeparators]
        for expression in expressions {
            let old = try Self.foundationExpression(expression)
            for written in texts {
                for text in [written, FoldedText(written).text] { _ = try Self.expectSame(expression, as: old, on: text) }
            }
        }
    }

    /// The two engines are different ICU versions (the system's 72, Unicode 15.0, and
    /// Foundation's 76, Unicode 16): the classes the expressions use (`\p{L}`, `\p{N}`, `\w`,
    /// `\s`) differ only on characters added after Unicode 15.0, which the system ICU (and so
    /// the folding and word segmentation profilelint already does) does not know yet.
    @Test func characterClassesDifferOnlyOnCharactersNewerThanUnicode15() throws {
        // Every scalar, each after a `!` (which no class takes).
        var text = ""
        text.unicodeScalars.append(contentsOf: (0...0x10FFFF).compactMap(Unicode.Scalar.init).flatMap { ["!", $0] })
        let bytes = Array(text.utf8)
        for pattern in [#"[\p{L}\p{N}]"#, #"\w"#, #"\s"#, #"[a-z]"#] {
            let expected = Set(Self.foundationMatches(try NSRegularExpression(pattern: pattern), groups: 0, in: text, asTheKindsDid: false)
                .compactMap { $0[0]?.lowerBound })
            let found = Set(try ICUExpression(pattern).matches(in: bytes).map(\.lowerBound))
            let differing = expected.symmetricDifference(found).map { offset in
                String(decoding: bytes[offset...].prefix(4), as: UTF8.self).unicodeScalars.first!
            }
            let notNew = differing.filter { scalar in
                guard let age = scalar.properties.age else { return true }
                return age.major < 15 || (age.major == 15 && age.minor == 0)
            }
            #expect(notNew.isEmpty, "\(pattern): \(notNew.prefix(10).map { String($0.value, radix: 16) })")
        }
    }
}
