import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct KindsPhraseTests {
    let rule = """
    kind: phrase-list
    field: overview
    phrases: [team player, hi my name is]
    replacements: {utilize: use, in order to: to}
    """

    @Test func phrasesMatchWholeWordsCaseInsensitively() throws {
        let linted = try KindHarness.lint(rule, "overview: Naïve 🙂 TEAM-Player, not a steam player.\n", message: "{phrase}")
        #expect(linted.texts == ["TEAM-Player"])
        #expect(linted.location() == "1:19-1:30")
        #expect(linted.diagnostics[0].fixes.isEmpty)
    }

    @Test func punctuationBetweenWordsDoesNotHideAPhrase() throws {
        let linted = try KindHarness.lint(rule, "overview: \"Hi, my name is Zoë.\"\n")
        #expect(linted.texts == ["Hi, my name is"])
    }

    @Test func replacementsSuggestAndFixKeepingCapitalization() throws {
        let linted = try KindHarness.lint(rule, "overview: Utilize Python in order to ship.\n", message: "'{phrase}'{suggestion}")
        #expect(linted.diagnostics.map(\.message) == ["'Utilize'; write 'Use' instead", "'in order to'; write 'to' instead"])
        #expect(linted.fixed() == "overview: Use Python to ship.\n")
    }

    @Test func noFixWhereTheTextIsNotVerbatimInTheFile() throws {
        // The escape sequence before the phrase is fine; inside a folded block the phrase spans a line break.
        let escaped = try KindHarness.lint(rule, "overview: \"Tab\\there, utilize it\"\n")
        #expect(escaped.texts == ["utilize"])
        #expect(escaped.fixed() == "overview: \"Tab\\there, use it\"\n")
        let folded = try KindHarness.lint(rule, "overview: >\n  Work in order\n  to ship.\n")
        #expect(folded.diagnostics.count == 1)
        #expect(folded.diagnostics[0].fixes.isEmpty)
    }

    @Test func phraseParametersAreValidated() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: phrase-list\nphrases: [ok, '  ']"))
            == "rule.yml:6:15: error: 'phrases' items must not be empty")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: phrase-list\nphrases: [ok, '!!']"))
            == "rule.yml:6:10: error: 'phrases' has an entry with no words: '!!'")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: phrase-list\nreplacements: [a, b]"))
            == "rule.yml:6:15: error: 'replacements' must be a map of strings, not a list")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: phrase-list\nphrase: [a]"))
            == "rule.yml:6:1: error: unknown key 'phrase' for kind 'phrase-list'; did you mean 'phrases'? (its keys: phrases, replacements)")
    }

    @Test func patternReportsEachMatchExactly() throws {
        let rule = #"""
        kind: pattern
        pattern: '\p{Lu}{3,}(?:[ \t]+\p{Lu}{3,}){2,}'
        """#
        let linted = try KindHarness.lint(rule, "title: Ça va — BEST SEO EXPERT here\noverview: fine\n", message: "{match}")
        #expect(linted.diagnostics.map(\.message) == ["BEST SEO EXPERT"])
        #expect(linted.location() == "1:16-1:31")
    }

    @Test func patternRunsOverEveryTextFieldWithoutAField() throws {
        let rule = "kind: pattern\npattern: 'x{3}'\nignore_case: true\napplies_to: [profile, specialized]"
        let profile = "title: aXXXa\nportfolio:\n  - description: xxx\nspecialized_profiles:\n  - title: XxX\n"
        let linted = try KindHarness.lint(rule, profile)
        #expect(linted.diagnostics.map(\.fieldPath) == ["title", "portfolio[0].description", "specialized_profiles[0].title"])
    }

    @Test func invalidRegexIsALocatedError() throws {
        let error = try #require(KindHarness.loadError(KindHarness.ruleFile("kind: pattern\npattern: '(unclosed'")))
        #expect(error.hasPrefix("rule.yml:6:10: error: 'pattern' is not a valid regular expression"))
    }
}
