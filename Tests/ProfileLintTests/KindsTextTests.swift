import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct KindsTextTests {
    // MARK: quantified-results

    let results = "kind: quantified-results\nfield: overview\nmin_words: 5"

    func hasFinding(_ overview: String) throws -> Bool {
        try !KindHarness.lint(results, "overview: \"\(overview)\"\n").diagnostics.isEmpty
    }

    @Test func figuresThatCountAsResults() throws {
        #expect(try !hasFinding("Raised email revenue by 38% for a skincare brand"))
        #expect(try !hasFinding("Recovered $12,000 of carts for a furniture shop"))
        #expect(try !hasFinding("Made the checkout 3x faster for a shoe store"))
        #expect(try !hasFinding("Shipped 40 landing pages for a travel agency"))
        #expect(try !hasFinding("Doubled the signups of a language school app"))
        #expect(try !hasFinding("Grew organic traffic by forty percent for a clinic"))
        #expect(try !hasFinding("Made the store load twice as fast for its buyers"))
    }

    @Test func yearsAndExperienceAreNotResults() throws {
        #expect(try hasFinding("Since 2018 I have written copy for brands"))
        #expect(try hasFinding("I bring 10+ years of experience in retention marketing"))
        #expect(try hasFinding("I write clear copy for software companies and agencies"))
    }

    @Test func shortTextsAreNotChecked() throws {
        #expect(try !hasFinding("Clear copy for agencies"))
    }

    @Test func findingCoversTheTextWithoutSurroundingSpace() throws {
        let linted = try KindHarness.lint(results, "title: Zoë ☕️\noverview: \"  Café owner writing menus for bistros \"\n", message: "{words} words")
        #expect(linted.diagnostics.map(\.message) == ["6 words"])
        #expect(linted.text() == "Café owner writing menus for bistros")
        #expect(linted.location() == "2:14-2:50")
    }

    @Test func requireInAnyReportsOnlyWhenNoTextHasAFigure() throws {
        let rule = "kind: quantified-results\nfield: portfolio[].description\nmin_words: 3\nrequire_in: any"
        let none = try KindHarness.lint(rule, "portfolio:\n  - description: A site for a bakery\n  - description: An app for a gym\n", message: "{texts}")
        #expect(none.diagnostics.map(\.fieldPath) == ["portfolio[0].description"])
        #expect(none.diagnostics.map(\.message) == ["2"])
        let one = try KindHarness.lint(rule, "portfolio:\n  - description: A site for a bakery\n  - description: An app for 300 gym members\n")
        #expect(one.diagnostics.isEmpty)
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: quantified-results\nfield: overview\nrequire_in: all"))
            == "rule.yml:7:13: error: 'require_in' must be one of each, any, not 'all'")
    }

    // MARK: differs-from-general

    let differs = "kind: differs-from-general\nfield: [title, skills]\napplies_to: [specialized]"

    @Test func copiedFieldsAreReportedWithANoteAtTheOriginal() throws {
        let profile = """
        title: Web Developer
        skills: [React, Django]
        specialized_profiles:
          - title: "web  developer!"
            skills: [Django, react]
          - title: Shopify Developer
          - title: Shopify developer
        """
        let linted = try KindHarness.lint(differs, profile, message: "{other}: {other_field}")
        #expect(linted.diagnostics.map(\.message) == ["profile: title", "profile: skills", "specialized profile 2: specialized_profiles[1].title"])
        #expect(linted.texts[0] == "\"web  developer!\"")
        #expect(linted.diagnostics[0].notes.first?.range == ByteRange(7, 20))
    }

    @Test func differsNeedsSpecializedSections() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: differs-from-general\nfield: title"))
            == "rule.yml:1:5: error: kind 'differs-from-general' checks specialized profiles; set 'applies_to: [specialized]'")
    }

    // MARK: repetition

    @Test func stuffedOpeningIsReportedAtTheFirstOccurrence() throws {
        let rule = "kind: repetition\nfield: overview\nmax_in_opening: 2\nopening_characters: 60"
        let profile = "overview: Zoë ✨ designs logos; logo design, LOGO ideas and more logos later in the text\n"
        let linted = try KindHarness.lint(rule, profile, message: "{term} {count} in {where}")
        // "logos" twice and "logo"/"LOGO" twice: one stem; named by the first of the most frequent spellings.
        #expect(linted.diagnostics.map(\.message) == ["logos 4 in the first 60 characters"])
        #expect(linted.text() == "logos")
        #expect(linted.location() == "1:25-1:30")
        #expect(linted.diagnostics[0].notes.count == 3)
    }

    @Test func shareOfWordsAboveTheLimit() throws {
        let rule = "kind: repetition\nfield: overview\nmax_share: 0.1\nmin_words: 20\nmin_count: 3\nmax_in_opening: 99"
        let stuffed = "overview: Python scripts, python tools and Python reports for teams who need clean numbers every single week of the whole year\n"
        let linted = try KindHarness.lint(rule, stuffed, message: "{term} {count} {share} of {words} > {max_share}")
        #expect(linted.diagnostics.map(\.message) == ["python 3 15% of 20 > 10%"])
        let spread = "overview: Python scripts, tools and reports for teams who need clean numbers every single week of the whole long year\n"
        #expect(try KindHarness.lint(rule, spread).diagnostics.isEmpty)
    }

    @Test func repetitionParametersAreValidated() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: repetition\nfield: overview\nmax_share: 5"))
            == "rule.yml:7:12: error: 'max_share' must be between 0 and 1, not 5")
    }

    // MARK: readability

    let readability = "kind: readability\nfield: overview\nmin_score: 40\nmin_words: 20"
    let hard = """
        overview: >
          Plain start here. Leveraging comprehensive methodological expertise encompassing quantitative
          econometric modelling and organisational performance evaluation frameworks, I systematically
          operationalise heterogeneous institutional datasets into strategically actionable intelligence.
          It works well.
        """

    @Test func hardTextIsReportedWithItsHardestSentence() throws {
        let linted = try KindHarness.lint(readability, hard, message: "{score} {level} {min_score} {words}")
        #expect(linted.diagnostics.count == 1)
        let message = try #require(linted.diagnostics.first?.message)
        #expect(message.hasSuffix(" very difficult 40 29"), "\(message)")
        let score = try #require(Double(message.split(separator: " ")[0]))
        #expect(score < 30)
        #expect(linted.text().hasPrefix("Plain start here."))
        let note = try #require(linted.diagnostics[0].notes.first?.range)
        let noted = String(decoding: linted.file.bytes[note.lowerBound..<note.upperBound], as: UTF8.self)
        #expect(noted.hasPrefix("Leveraging comprehensive"))
        #expect(linted.file.position(ofByte: note.lowerBound).description == "2:21")
    }

    @Test func easyAndShortTextsPass() throws {
        let easy = "overview: I fix slow shops. I find what makes pages load late and I cut it. You get a list of fixes and a short call. Most shops load twice as fast in a week. I have done this for ten years and I love it.\n"
        #expect(try KindHarness.lint(readability, easy).diagnostics.isEmpty)
        let short = "overview: Operationalising heterogeneous institutional datasets systematically.\n"
        #expect(try KindHarness.lint(readability, short).diagnostics.isEmpty)
        // The threshold decides: the hard text passes a bar set below its score.
        #expect(try KindHarness.lint("kind: readability\nfield: overview\nmin_score: -50\nmin_words: 20", hard).diagnostics.isEmpty)
    }

    @Test func readabilityParametersAreValidated() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: readability\nfield: overview\nmin_score: 200"))
            == "rule.yml:7:12: error: 'min_score' must be between -100 and 121, not 200")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: readability\nfield: overview\nmin_words: 0"))
            == "rule.yml:7:12: error: 'min_words' must be at least 1, not 0")
    }

    // MARK: opening

    @Test func forbiddenStartsMatchOnlyAtTheBeginning() throws {
        let rule = "kind: opening\nfield: overview\nforbidden_starts: [hi, i am a]"
        let linted = try KindHarness.lint(rule, "overview: \"  Hi, I am a designer\"\n", message: "{phrase}")
        #expect(linted.diagnostics.map(\.message) == ["Hi"])
        #expect(linted.location() == "1:14-1:16")
        #expect(try KindHarness.lint(rule, "overview: Designer here; hi there\n").diagnostics.isEmpty)
    }

    @Test func oneFindingPerOpeningWithNotes() throws {
        let rule = "kind: opening\nfield: overview\nforbidden_starts: [hi]\nforbidden_phrases: [my name is]"
        let linted = try KindHarness.lint(rule, "overview: Hi, my name is Zoë\n", message: "{phrase}")
        #expect(linted.diagnostics.map(\.message) == ["Hi"])
        #expect(linted.diagnostics[0].notes.map(\.message) == ["also 'my name is'"])
        #expect(linted.diagnostics[0].notes[0].range == ByteRange(14, 24))
    }

    @Test func forbiddenPhrasesOnlyCountInsideTheOpening() throws {
        let rule = "kind: opening\nfield: overview\ncharacters: 30\nforbidden_phrases: [my name is]"
        let early = try KindHarness.lint(rule, "overview: Résumés 📄 — my name is Zoë\n", message: "{phrase}")
        #expect(early.texts == ["my name is"])
        #expect(early.location() == "1:23-1:33")
        let late = try KindHarness.lint(rule, "overview: I write résumés for nurses and doctors, and my name is Zoë\n")
        #expect(late.diagnostics.isEmpty)
    }

    @Test func openingMustMentionATitleOrSkillTerm() throws {
        let rule = "kind: opening\nfield: overview\ncharacters: 40\nrequire_terms_from: [title, skills]"
        let missing = try KindHarness.lint(rule, "title: Logo Designer\nskills: [Branding]\noverview: I love helping people reach their goals. I design logos.\n",
                                            message: "{terms_from}")
        #expect(missing.diagnostics.map(\.message) == ["title, skills"])
        #expect(missing.text() == "I love helping people reach their goals.")
        // Words match by stem: "Branded" mentions the skill "Branding".
        let stem = try KindHarness.lint(rule, "title: Logo Designer\nskills: [Branding]\noverview: Branded packaging for cafés\n")
        #expect(stem.diagnostics.isEmpty)
    }

    @Test func openingNeedsAParameter() {
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: opening\nfield: overview"))
            == "rule.yml:1:5: error: kind 'opening' needs at least one of: forbidden_starts, forbidden_phrases, require_terms_from")
        #expect(KindHarness.loadError(KindHarness.ruleFile("kind: opening\nfield: overview\nrequire_terms_from: ['a[']"))
            == "rule.yml:7:21: error: 'require_terms_from' item 1 ('a[') is not a field path such as 'title' or 'skills'")
    }
}
