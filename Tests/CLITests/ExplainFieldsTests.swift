import Testing

/// `explain` names every field a rule looks at, not only the first.
@Suite struct ExplainFieldsTests {
    @Test func explainListsEveryField() throws {
        let output = try CLI.run(["explain", "keyword-stuffing"], environment: CLI.environment(defaultRules: true))
        #expect(output.status == 0)
        #expect(output.stdout.contains("  fields:     title, overview\n"))
        let single = try CLI.run(["explain", "employment-results"], environment: CLI.environment(defaultRules: true))
        #expect(single.stdout.contains("  field:      employment[].description\n"))
    }
}
