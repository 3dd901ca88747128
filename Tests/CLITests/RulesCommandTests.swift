import Foundation
import Testing

@Suite struct RulesCommandTests {
    @Test func listsTheRulesAsATable() throws {
        let output = try CLI.run(["rules"])
        #expect(output.status == 0)
        #expect(output.stdout == """
        ID             KIND   SEVERITY  APPLIES TO            SUMMARY
        languages-min  count  info      profile               Test pack rule: an empty language list gives the CLI tests an info finding on demand.
        skills-max     count  error     profile, specialized  Test pack rule: caps the skill list so the CLI tests can produce an error on demand.
        skills-min     count  warning   profile               Test pack rule: a short skill list gives the CLI tests a warning on demand.

        """)
    }

    @Test func includesExtraRuleDirectories() throws {
        let output = try CLI.run(["rules", "--rules", "extra-rules"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("\nportfolio-min  count  warning   profile               Extra test rule loaded with --rules:"))
    }

    @Test func listsTheDefaultPack() throws {
        let output = try CLI.run(["rules"], environment: CLI.environment(defaultRules: true))
        #expect(output.status == 0)
        #expect(output.stdout.contains("\nskills-limit "))
    }

    @Test func badRuleDirectoryExitsTwo() throws {
        let output = try CLI.run(["rules", "--rules", "bad-rules"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("bad-rules/broken-kind.yml:2:7: error: unknown check kind"))
    }

    @Test func explainShowsEverything() throws {
        let output = try CLI.run(["explain", "languages-min"])
        #expect(output.status == 0)
        for part in ["languages-min\n", "  kind:       count\n", "  severity:   info\n", "  applies to: profile\n",
                     "  field:      languages\n", "\nWhy:\n  Test pack rule: an empty language list",
                     "\nMessage:\n  no languages listed; add at least {min}\n", "\nParameters:\n  min: 1\n",
                     "\nMore: https://example.org/profilelint/languages-min\n",
                     "\nTriggers on:\n  languages: []\n", "\nPasses:\n  languages: [{name: English, level: Fluent}]\n"] {
            #expect(output.stdout.contains(part), "\(part)")
        }
    }

    @Test func explainWrapsTheRationale() throws {
        let output = try CLI.run(["explain", "skills-limit"], environment: CLI.environment(defaultRules: true))
        #expect(output.status == 0)
        let why = output.stdout.components(separatedBy: "\nWhy:\n").last?.components(separatedBy: "\n\n").first ?? ""
        let lines = why.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.hasPrefix("  ") && $0.count <= 78 })
    }

    @Test func explainUnknownRuleSuggestsTheClosestAndExitsTwo() throws {
        let output = try CLI.run(["explain", "skills-mn"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "profilelint: error: unknown rule 'skills-mn'; did you mean 'skills-min'? (run 'profilelint rules' to list them)\n")
        let far = try CLI.run(["explain", "completely-different"])
        #expect(far.status == 2)
        #expect(far.stderr == "profilelint: error: unknown rule 'completely-different' (run 'profilelint rules' to list them)\n")
    }

    @Test func explainFindsRulesFromExtraDirectories() throws {
        let output = try CLI.run(["explain", "portfolio-min", "--rules", "extra-rules"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("\nParameters:\n  min: 2\n"))
    }

    /// Ids such as `[parse-error]` appear in reports without a rule file; `explain` still explains them.
    @Test func explainDescribesBuiltInChecks() throws {
        for id in ["parse-error", "duplicate-key", "invalid-type", "unknown-key", "unused-suppression", "invalid-suppression"] {
            let output = try CLI.run(["explain", id])
            #expect(output.status == 0, "\(id): \(output.stderr)")
            #expect(output.stdout.hasPrefix("\(id)\n  kind:       built-in"), "\(id)")
            #expect(output.stdout.contains("\nWhy:\n  "), "\(id)")
        }
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "rules:\n  unknown-key: error\n".write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let configured = try CLI.run(["explain", "unknown-key"], in: directory)
        #expect(configured.stdout.contains("  severity:   error (configured)\n"))
    }
}

@Suite struct RulesFormatTests {
    @Test func jsonListsEveryRuleWithItsConfiguredSeverity() throws {
        let output = try CLI.run(["rules", "--format", "json"])
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["languages-min", "skills-max", "skills-min"])
        let first = rules[0]
        for key in ["kind", "severity", "default_severity", "applies_to", "message", "rationale", "parameters", "examples", "source"] {
            #expect(first[key] != nil, "missing \(key)")
        }
    }

    @Test func tableFitsTheWidthItIsGiven() throws {
        let output = try CLI.run(["rules"], environment: CLI.environment(["COLUMNS": "70"]))
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count >= 4)
        for line in lines { #expect(line.count <= 70, "\(line)") }
        #expect(lines.dropFirst().contains { $0.hasSuffix("…") })
        let wide = try CLI.run(["rules"], environment: CLI.environment(["COLUMNS": "400"]))
        #expect(!wide.stdout.contains("…"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let output = try CLI.run(["rules", "--format", "yaml"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("'yaml'"))
    }
}
