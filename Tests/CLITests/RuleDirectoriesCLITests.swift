import Foundation
import Testing

/// `PROFILELINT_RULES` adds rule directories to the built-in pack, as `--rules` does;
/// `PROFILELINT_NO_BUILTIN_RULES` or `--no-builtin-rules` leaves the built-in pack out.
@Suite struct RuleDirectoriesCLITests {
    /// The rule ids `rules --format json` lists in `environment` with `arguments` added.
    private func ruleIDs(_ environment: [String: String], _ arguments: [String] = []) throws -> [String] {
        let output = try CLI.run(["rules", "--format", "json"] + arguments, in: CLI.fixtures, environment: environment)
        #expect(output.status == 0, "\(output.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let rules = try #require(document["rules"] as? [[String: Any]])
        return rules.compactMap { $0["id"] as? String }
    }

    @Test func theEnvironmentAddsDirectoriesToTheBuiltInPack() throws {
        let builtIn = try ruleIDs(CLI.environment(defaultRules: true))
        #expect(builtIn.contains("title-required"))
        #expect(!builtIn.contains("skills-max"))
        let added = try ruleIDs(CLI.environment(["PROFILELINT_RULES": CLI.testRules], defaultRules: true))
        #expect(Set(added) == Set(builtIn).union(["languages-min", "skills-max", "skills-min"]))
        #expect(added.count == builtIn.count + 3)
    }

    @Test func theBuiltInPackCanBeLeftOut() throws {
        let own = ["languages-min", "skills-max", "skills-min"]
        #expect(try ruleIDs(CLI.environment(["PROFILELINT_RULES": CLI.testRules, "PROFILELINT_NO_BUILTIN_RULES": "1"], defaultRules: true)) == own)
        #expect(try ruleIDs(CLI.environment(defaultRules: true), ["--no-builtin-rules", "--rules", CLI.testRules]) == own)
    }

    @Test func aRuleIDTheBuiltInPackHasIsALocatedError() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            id: title-required
            kind: required
            field: title
            severity: error
            message: "add a title"
            rationale: "A profile needs a title."

            """.write(to: directory.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)
        let output = try CLI.run(["lint", "clean.yaml"], in: CLI.fixtures,
                                 environment: CLI.environment(["PROFILELINT_RULES": directory.path], defaultRules: true))
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("\(directory.path)/mine.yml:1:5: error: rule id 'title-required' is already defined in <built-in>/"),
                "\(output.stderr)")
    }

    @Test func aPathInTheVariableThatIsNotADirectoryIsAUsageError() throws {
        let output = try CLI.run(["lint", "clean.yaml"], in: CLI.fixtures,
                                 environment: CLI.environment(["PROFILELINT_RULES": CLI.testRules + ":no-such-rules"], defaultRules: true))
        #expect(output.status == 2)
        #expect(output.stderr == "profilelint: error: PROFILELINT_RULES names the rule directory 'no-such-rules', which does not exist\n")
    }
}
