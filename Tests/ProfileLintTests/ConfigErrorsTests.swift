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
