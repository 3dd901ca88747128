import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct KindsRequiredTests {
    let titleRule = "kind: required\nfield: title\nweight: 15\napplies_to: [profile, specialized]"

    @Test func missingFieldIsReportedWhereItsSectionStarts() throws {
        let linted = try KindHarness.lint(titleRule, "overview: Hello\nskills: [a]\n", message: "{field} is {state}")
        #expect(linted.diagnostics.count == 1)
        #expect(linted.location() == "1:1-1:1")
        #expect(linted.diagnostics[0].message == "title is missing")
        #expect(linted.diagnostics[0].fieldPath == "title")
    }

    @Test func blankValueIsReportedAtTheValue() throws {
        let linted = try KindHarness.lint(titleRule, "overview: Hi\ntitle: \"  \"\n", message: "{state}")
        #expect(linted.diagnostics.map(\.message) == ["empty"])
        #expect(linted.location() == "2:8-2:12")
    }

    @Test func nullValueIsEmptyAtItsKey() throws {
        // The profile keeps null values; the value has no text to point at, so the key is marked.
        let linted = try KindHarness.lint(titleRule, "overview: Hi\ntitle:\n", message: "{state}")
        #expect(linted.diagnostics.map(\.message) == ["empty"])
        #expect(linted.location() == "2:1-2:6")
    }

    @Test func emptyListsAndMapsAreNotFilled() throws {
        let rule = "kind: required\nfield: [skills, availability]"
        let linted = try KindHarness.lint(rule, "skills: []\navailability: {}\n")
        #expect(linted.texts == ["[]", "{}"])
    }

    @Test func specializedProfilesAreCheckedOneByOne() throws {
        let profile = """
        title: Café owner’s helper ☕️
        specialized_profiles:
          - overview: No title here
          - title: Second
        """
        let linted = try KindHarness.lint(titleRule, profile, message: "{section}")
        #expect(linted.diagnostics.map(\.message) == ["specialized profile 1"])
        #expect(linted.diagnostics[0].fieldPath == "specialized_profiles[0].title")
        #expect(linted.location() == "3:5-3:5")
    }

    @Test func pathsThroughListItemsRequireTheKeyInEachItem() throws {
        let rule = "kind: required\nfield: portfolio[].title"
        let linted = try KindHarness.lint(rule, "portfolio:\n  - title: One\n  - description: Two\n")
        #expect(linted.diagnostics.map(\.fieldPath) == ["portfolio[1].title"])
        #expect(linted.location() == "3:5-3:5")
    }

    @Test func completenessIsTheWeightedShareOfPresentFields() throws {
        let rules = try ["title": 15, "overview": 15, "photo": 10, "video": 5].map { field, weight in
            try RuleLoader.load(SourceFile(path: "\(field).yml", text: KindHarness.ruleFile(
                "kind: required\nfield: \(field)\nweight: \(weight)", id: "\(field)-required")))
        }
        let linter = Linter(ruleSet: try RuleSet(rules: rules))
        let result = linter.lint(SourceFile(path: "p.yaml", text: "title: T\nphoto: me.jpg\nvideo: \"\"\n"))
        // title 15 + photo 10 of 45.
        #expect(abs((result.scores["completeness"] ?? -1) - 100 * 25 / 45) < 1e-9)
        let full = linter.lint(SourceFile(path: "p.yaml", text: "title: T\noverview: O\nphoto: p\nvideo: v\n"))
        #expect(full.scores["completeness"] == 100)
    }

    @Test func completenessIgnoresSpecializedOnlyRules() throws {
        let rule = try KindHarness.rule("kind: required\nfield: title\napplies_to: [specialized]")
        let result = Linter(ruleSet: try RuleSet(rules: [rule])).lint(SourceFile(path: "p.yaml", text: "overview: x\n"))
        #expect(result.scores["completeness"] == nil)
    }

    @Test func weightMustBeANonNegativeNumber() {
        let error = KindHarness.loadError(KindHarness.ruleFile("kind: required\nfield: title\nweight: -2"))
        #expect(error == "rule.yml:7:9: error: 'weight' must be between 0 and 1000, not -2")
        let text = KindHarness.loadError(KindHarness.ruleFile("kind: required\nfield: title\nweight: heavy"))
        #expect(text == "rule.yml:7:9: error: 'weight' must be a number, not a string")
    }
}
