import Testing
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A configuration with several mistakes reports every independent one in one run, in file order.
@Suite struct ConfigErrorsTests {
    /// Each error of `thrown` as `LINE:COL message`.
    private func located(_ thrown: RuleFileError) -> [String] {
        thrown.all.map { "\($0.position.line):\($0.position.column) \($0.message)" }
    }

    @Test func theLoaderReportsEveryErrorOfTheFileInFileOrder() throws {
        let yaml = """
            exclude:
              - "a**b"
            rules:
              skills-limit: warn
            rule_dir: more-rules
            column_map:
              skils: Tags

            """
        do {
            _ = try ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: yaml))
            Issue.record("a configuration with four errors loaded")
        } catch {
            let errors = located(error)
            #expect(errors.count == 4, "\(errors)")
            #expect(errors.first?.hasPrefix("2:5 exclude pattern 'a**b' is not valid") == true, "\(errors)")
            #expect(Array(errors.dropFirst()) == [
                "4:17 'rules.skills-limit' must be off, info, warning or error, not 'warn'; did you mean 'warning'?",
                "5:1 unknown configuration key 'rule_dir'; did you mean 'rule_dirs'?",
                "7:3 unknown job-post field 'skils'; did you mean 'skills'?",
            ])
            #expect(error.description.split(separator: "\n").count == 4)
            #expect(error.description.hasPrefix(".profilelint.yml:2:5: error: exclude pattern 'a**b' is not valid"))
        }
    }

    @Test func theSessionReportsBadOverridesAndParameterValuesTogetherInFileOrder() throws {
        let rules = try ConfigFixtures.rules()
        let yaml = """
            rules:
              skills-limit: {max: many}
              languages-limt: off
              portfolio-minimum: {minn: 2}

            """
        let configuration = try ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: yaml))
        do {
            _ = try LintSession(rules: rules, configuration: configuration)
            Issue.record("a configuration with three bad overrides built a session")
        } catch {
            // The bad value is found after the other two (when the checks are built) yet comes first.
            let errors = located(error)
            #expect(errors.count == 3, "\(errors)")
            #expect(errors.first?.hasPrefix("2:23 'max' must be a whole number") == true, "\(errors)")
            #expect(Array(errors.dropFirst()) == [
                "3:3 unknown rule id 'languages-limt'; did you mean 'languages-limit'?",
                "4:23 rule 'portfolio-minimum': unknown key 'minn' for kind 'count'; did you mean 'min'? (its keys: min, max)",
            ])
        }
    }

    /// Content mistakes and mistakes only the rules reveal, interleaved in the file.
    static let mixedKinds = """
        exclude:
          - "a**b"
        rules:
          skills-limit: {max: many}
          languages-limt: off
          portfolio-minimum: warn
        colour: auto
        corpus: [no-such-posts/]

        """

    @Test func theFactoryReportsContentAndRuleErrorsTogetherInFileOrder() throws {
        let configuration = try ConfigLoader.read(SourceFile(path: ".profilelint.yml", text: Self.mixedKinds))
        #expect(configuration.problems.errors.count == 3)  // the content mistakes alone
        var factory = SessionFactory(options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory)))
        do {
            _ = try factory.build(configuration: configuration)
            Issue.record("a configuration with six errors built a session")
        } catch {
            guard case .invalidFile(let thrown) = error else { Issue.record("not located: \(error)"); return }
            let errors = located(thrown)
            #expect(errors.count == 6, "\(errors)")
            #expect(errors.map { $0.prefix(4) } == ["2:5 ", "4:23", "5:3 ", "6:22", "7:1 ", "8:10"], "\(errors)")
            #expect(errors[0].hasPrefix("2:5 exclude pattern 'a**b' is not valid"))
            #expect(errors[1].hasPrefix("4:23 'max' must be a whole number"))
            #expect(Array(errors[2...]) == [
                "5:3 unknown rule id 'languages-limt'; did you mean 'languages-limit'?",
                "6:22 'rules.portfolio-minimum' must be off, info, warning or error, not 'warn'; did you mean 'warning'?",
                "7:1 unknown configuration key 'colour' (expected one of: profiles, exclude, corpus, column_map, rule_dirs, rules)",
                "8:10 corpus path 'no-such-posts/' does not exist",
            ])
        }
        // The strict loader still stops at the content mistakes.
        #expect(throws: RuleFileError.self) { try ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: Self.mixedKinds)) }
    }

    @Test func aMissingRuleDirectoryLeavesRuleIDsUnchecked() throws {
        // The missing directory could hold 'my-own-rule': no "unknown rule id" guess, only the directory.
        let yaml = "rule_dirs: [no-such-rules]\nrules:\n  my-own-rule: off\ncolour: auto\n"
        let configuration = try ConfigLoader.read(SourceFile(path: ".profilelint.yml", text: yaml))
        var factory = SessionFactory(options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory)))
        #expect {
            try factory.build(configuration: configuration)
        } throws: { error in
            guard case .invalidFile(let thrown) = error as? LintSetupError else { return false }
            return located(thrown) == [
                "1:13 rule directory 'no-such-rules' does not exist",
                "4:1 unknown configuration key 'colour' (expected one of: profiles, exclude, corpus, column_map, rule_dirs, rules)",
            ]
        }
    }

    @Test func errorsOfSeveralFilesKeepTheFirstSeenFileFirst() throws {
        var errors = RuleFileErrors()
        let second = SourceFile(path: "b.yml", text: "x: 1\ny: 2\n")
        let first = SourceFile(path: "a.yml", text: "x: 1\ny: 2\n")
        errors.append(RuleFileError(file: second, range: ByteRange(5, 6), message: "late in b"))
        errors.append(RuleFileError(file: first, range: ByteRange(0, 1), message: "in a"))
        errors.append(RuleFileError(file: second, range: ByteRange(0, 1), message: "early in b"))
        #expect(throws: RuleFileError.self) { try errors.throwIfAny() }
        do { try errors.throwIfAny() } catch {
            #expect(error.all.map(\.message) == ["early in b", "late in b", "in a"])
        }
        try RuleFileErrors().throwIfAny()
    }
}
