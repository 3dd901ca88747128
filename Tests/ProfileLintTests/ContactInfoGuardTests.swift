import Testing
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules
import ProfileText

/// `contact-info` runs each expression only on texts that pass its requirement
/// (`GuardedPattern`): the matches must be exactly those of every expression run on every text.
@Suite struct ContactInfoGuardTests {
    /// Pieces of text near each requirement's edge: at signs, spaced and bracketed `at`, dots,
    /// digits, messenger names, hosts, schemes, non-ASCII spaces and letters, fullwidth forms.
    static let pieces = [
        "@", " at ", "at", "(at)", "[ at ]", "<at>", " dot ", "[dot]", "(dot)", ".", "gmail", "com", "example", "jane", "zoë",
        "5", "555", "201", "3344", "-", "(", ")", "+", "/", "skype", "whats app", "telegram", "Line ID", ":", " ", "#1234",
        "jane#", "live:", "wa.me", "t.me/", "calendly.com", "https://", "/contact", "mailto:", "tel:", "ü", "é", "\u{2028}",
        "\u{00A0}", "\u{3000}", "ＡＴ", "＠", "５", "５５５", "five", "oh", "two", "nine", "\u{202E}", "\n", "id", "me on ",
        "message me on ", "png", "x", "Hello", ",", "me", "@x_y", "2019", "\t",
    ]

    func checks(_ body: String) throws -> (guarded: ContactInfoCheck, unguarded: ContactInfoCheck) {
        let rule = try KindHarness.rule(body)
        return (try ContactInfoCheck(rule: rule, guarded: true), try ContactInfoCheck(rule: rule, guarded: false))
    }

    func matches(_ check: ContactInfoCheck, _ text: String) throws -> [String] {
        try check.contactMatches(in: FoldedText(text)).map { "\($0.0) \($0.1)" }
    }

    func expectSameMatches(_ body: String, seed: UInt64) throws {
        let (guarded, unguarded) = try checks(body)
        var random = RandomCorpus.Generator(state: seed)  // seeded: a failing text can be replayed
        var found = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let expected = try matches(unguarded, text)
            #expect(try matches(guarded, text) == expected, "\(text.debugDescription)")
            found += expected.isEmpty ? 0 : 1
        }
        #expect(found > 500)  // the texts do hold contact details, of every kind
    }

    @Test func guardedMatchesEqualUnguardedOnes() throws {
        try expectSameMatches("kind: contact-info", seed: 1)
    }

    @Test func guardedMatchesEqualUnguardedOnesWithOwnMessengersAndHosts() throws {
        try expectSameMatches("""
            kind: contact-info
            messengers: ["whats app", "line id", "c++ chat"]
            contact_hosts: ["wa.me", "example.com/contact", "t.me"]
            min_phone_digits: 5
            """, seed: 2)
    }

    @Test func theRuleExamplesAndKnownFormsMatchAlike() throws {
        let (guarded, unguarded) = try checks("kind: contact-info")
        let texts = [
            "mail jane.doe@example.com now", "jane [at] gmail [dot] com", "jane(at)gmail(dot)com", "JANE AT GMAIL DOT COM",
            "jane at gmail.com", "jane ＠ ｇｍａｉｌ．ｃｏｍ", "I worked at acme.com for years", "écrivez à zoë@exemple.fr",
            "jane at\u{2028}gmail\u{2028}dot\u{2028}com", "jane at gmail\u{2028}dot com", "Call +1 (555) 201-3344.",
            "text Five five five, two oh one, three three four four", "Skype: jane.doe", "message me on Telegram",
            "jane#1234", "live:jane.doe", "@janedoe", "calendly.com/jane", "mailto:jane@example.com",
            "https://example.com/contact-us", "write to \u{202E}moc.liamg@mas\u{202C} today",
        ]
        for text in texts { #expect(try matches(guarded, text) == matches(unguarded, text), "\(text)") }
    }

    /// `GuardedPattern.contains` (`memmem`) finds what a scan of every offset finds, on random
    /// byte strings over a small alphabet (so that needles often occur, at every position) and
    /// on the edge cases: empty needle or text, a needle longer than the text, a match at the end.
    @Test func containsFindsWhatAScanOfEveryOffsetFinds() {
        func scan(_ needle: [UInt8], _ haystack: [UInt8]) -> Bool {
            needle.isEmpty || stride(from: 0, through: haystack.count - needle.count, by: 1).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
        }
        var random = RandomCorpus.Generator(state: 3)
        var found = 0
        for _ in 0..<5_000 {
            let haystack = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0x61...0x63, using: &random) }
            let needle = (0..<Int.random(in: 0...5, using: &random)).map { _ in UInt8.random(in: 0x61...0x63, using: &random) }
            let expected = scan(needle, haystack)
            #expect(GuardedPattern.contains(needle, in: haystack) == expected, "\(needle) in \(haystack)")
            found += expected ? 1 : 0
        }
        #expect(found > 1_000 && found < 4_900)  // both answers are common
        #expect(GuardedPattern.contains([], in: []) && !GuardedPattern.contains([1], in: []))
        #expect(GuardedPattern.contains(Array("me:".utf8), in: Array("skype me:".utf8)))
        #expect(!GuardedPattern.contains(Array("skype".utf8), in: Array("skyp".utf8)))
    }

    /// On a profile without any contact cue the address, handle and messenger expressions are never compiled.
    @Test func expressionsAreCompiledOnlyWhenATextCouldMatch() throws {
        // Fresh expressions, not the process's shared ones (other tests compile those).
        let guarded = try ContactInfoCheck(rule: try KindHarness.rule("kind: contact-info"), guarded: true, shared: { ICUExpression($0) })
        #expect(try matches(guarded, "I build data reports for retail teams, and I answer within a day.").isEmpty)
        let idle = [guarded.emailPattern, guarded.plainAtEmailPattern, guarded.handlePattern, guarded.phonePattern]
            + guarded.messengerPatterns + guarded.linkPatterns
        #expect(idle.allSatisfy { !$0.isCompiled })
        #expect(try matches(guarded, "write to jane@example.com") == ["email \(9..<25)"])
        #expect(guarded.emailPattern.isCompiled && guarded.handlePattern.isCompiled)
    }
}
