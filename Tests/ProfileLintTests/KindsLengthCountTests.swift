import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct KindsLengthCountTests {
    @Test func overLongTextIsReportedOnThePartPastTheLimit() throws {
        let rule = "kind: length\nfield: title\nmax_characters: 10"
        // 'é' (precomposed) and the emoji with its variation selector count one character each:
        // 13 characters, and the limit falls after "Café ☕️ abc". Columns count scalars (the emoji is 2).
        let linted = try KindHarness.lint(rule, "title: Café ☕️ abcdef\n", message: "{length} > {max_characters} by {over}")
        #expect(linted.diagnostics.map(\.message) == ["13 > 10 by 3"])
        #expect(linted.text() == "def")
        #expect(linted.location() == "1:19-1:22")
    }

    @Test func charactersAreGraphemeClusters() throws {
        let rule = "kind: length\nfield: title\nmax_characters: 4"
        // e + combining acute, and a flag made of two regional indicators: one character each.
        let ok = try KindHarness.lint(rule, "title: \"cafe\u{301}\"\n")
        #expect(ok.diagnostics.isEmpty)
        let flag = try KindHarness.lint(rule, "title: \"🇫🇷 ab\"\n")
        #expect(flag.diagnostics.isEmpty)
        let over = try KindHarness.lint(rule, "title: \"🇫🇷 abc\"\n")
        #expect(over.texts == ["c"])
    }

    @Test func blockScalarsAreMeasuredWithoutTheirTrailingNewline() throws {
        let rule = "kind: length\nfield: overview\nmax_characters: 11"
        let linted = try KindHarness.lint(rule, "overview: |\n  Hello world\n")
        #expect(linted.diagnostics.isEmpty)
    }

    @Test func tooFewWordsIsReportedOnTheWholeText() throws {
        let rule = "kind: length\nfield: overview\nmin_words: 5"
        let linted = try KindHarness.lint(rule, "overview: \"  Résumé writer for nurses \"\n", message: "{words} < {min_words}")
        #expect(linted.diagnostics.map(\.message) == ["4 < 5"])
        #expect(linted.text() == "Résumé writer for nurses")
    }

    @Test func lengthParametersAreValidated() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: length\nfield: title\nmax_characters: -1"))
            == "rule.yml:7:17: error: 'max_characters' must be at least 0, not -1")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: length\nfield: title\nmin_words: 9\nmax_words: 3"))
            == "rule.yml:8:12: error: 'max_words' must not be less than 'min_words' (9 > 3)")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: length\nfield: title\nmax_characters: 7.5"))
            == "rule.yml:7:17: error: 'max_characters' must be a whole number, not a number")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: length\nfield: title\nmax_characters: 99999999999999999999"))
            == "rule.yml:7:17: error: 'max_characters' 99999999999999999999 is too large; the largest accepted is 9223372036854775807")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: length\nfield: title"))
            == "rule.yml:1:5: error: kind 'length' needs at least one of: min_characters, max_characters, min_words, max_words")
    }

    @Test func countPointsAtTheFirstItemOverTheLimit() throws {
        let rule = "kind: count\nfield: skills\nmax: 2"
        let linted = try KindHarness.lint(rule, "skills: [Ünïcode, 😀 Emoji, Third, Fourth]\n", message: "{count}/{max}")
        #expect(linted.diagnostics.map(\.message) == ["4/2"])
        #expect(linted.text() == "Third")
        #expect(linted.location() == "1:28-1:33")
        #expect(linted.diagnostics[0].fieldPath == "skills[2]")
    }

    @Test func countBelowMinimumPointsAtTheList() throws {
        let rule = "kind: count\nfield: skills\nmin: 3"
        let linted = try KindHarness.lint(rule, "skills:\n  - One\n  - Two\n", message: "{missing} more")
        #expect(linted.diagnostics.map(\.message) == ["1 more"])
        #expect(linted.location() == "2:3-3:8")
        #expect(try KindHarness.lint(rule, "title: none\n").diagnostics.isEmpty)
    }

    @Test func countParametersAreValidated() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: count\nfield: skills\nmin: 5\nmax: 2"))
            == "rule.yml:8:6: error: 'max' must not be less than 'min' (5 > 2)")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: count\nfield: skills"))
            == "rule.yml:1:5: error: kind 'count' needs at least one of: min, max")
    }

    @Test func numberRangeReadsPlainNumbersAndAmounts() throws {
        let rule = "kind: number-range\nfield: hourly_rate\nmin: 3\ncurrency: usd"
        let plain = try KindHarness.lint(rule, "hourly_rate: 2.5\n", message: "{value} {currency} < {min}")
        #expect(plain.diagnostics.map(\.message) == ["2.5 USD < 3"])
        #expect(plain.text() == "2.5")
        let amount = try KindHarness.lint(rule, "hourly_rate: {amount: 1, currency: usd}\n")
        #expect(amount.texts == ["1"])
        #expect(amount.diagnostics[0].fieldPath == "hourly_rate.amount")
        #expect(try KindHarness.lint(rule, "hourly_rate: {amount: 1, currency: EUR}\n").diagnostics.isEmpty)
        #expect(try KindHarness.lint(rule, "hourly_rate: 3\n").diagnostics.isEmpty)
    }

    @Test func numberRangeParametersAreValidated() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: number-range\nfield: hourly_rate\nmin: 3\ncurrency: dollars"))
            == "rule.yml:8:11: error: 'currency' must be a three-letter currency code such as USD, not 'DOLLARS'")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: number-range\nfield: hourly_rate\nmin: 3\ncurrency: us"))
            == "rule.yml:8:11: error: 'currency' must be a three-letter currency code such as USD, not 'US'")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: number-range\nfield: hourly_rate\nmin: 3\ncurrency: \"U5D\""))
            == "rule.yml:8:11: error: 'currency' must be a three-letter currency code such as USD, not 'U5D'")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: number-range\nfield: hourly_rate\nmin: 3\ncurrency: eur")) == nil)
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: number-range\nfield: hourly_rate\nmin: 10\nmax: 5"))
            == "rule.yml:8:6: error: 'max' must not be less than 'min' (10.0 > 5.0)")
    }
}
