import Testing
@testable import ProfileModel
@testable import ProfileRules

/// A rule's `field:` must name a field the profile schema has, in a section the rule applies to.
@Suite struct RuleFieldPathTests {
    static func rule(field: String, appliesTo: String = "[profile]") -> String {
        """
        id: some-length
        kind: length
        applies_to: \(appliesTo)
        field: \(field)
        max_characters: 70
        severity: warning
        message: "too long"
        rationale: Because.
        """
    }

    @Test func aMisspelledPathIsALocatedErrorWithASuggestion() {
        #expect(KindHarness.loadError(Self.rule(field: "portfolo[].description"))
            == "rule.yml:4:8: error: unknown profile field 'portfolo[].description'; did you mean 'portfolio[].description'?")
        #expect(KindHarness.loadError(Self.rule(field: "[title, overveiw]"))
            == "rule.yml:4:16: error: unknown profile field 'overveiw'; did you mean 'overview'?")
    }

    @Test func aPathOnlyAnotherSectionHasIsAnError() {
        // Specialized profiles have no employment history.
        #expect(KindHarness.loadError(Self.rule(field: "employment[].description", appliesTo: "[specialized]"))?
            .hasPrefix("rule.yml:4:8: error: unknown profile field 'employment[].description'") == true)
        #expect(KindHarness.loadError(Self.rule(field: "employment[].description", appliesTo: "[profile, specialized]")) == nil)
    }

    @Test func schemaPathsCoverNestedFieldsListsAndMoney() {
        let paths = ProfileSchema.fieldPaths(for: [.profile])
        for path in ["title", "skills", "skills[]", "portfolio[].description", "hourly_rate.amount",
                     "availability.hours_per_week", "languages[].name", "specialized_profiles[].portfolio[].title"] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!ProfileSchema.fieldPaths(for: [.specialized]).contains("employment"))
        #expect(Set(paths).count == paths.count)
    }
}
