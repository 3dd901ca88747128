import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The session pipeline: configured severities and parameters, rule directories, suppressions and
/// baseline in order, planning files by their configuration, and the corpus a configuration names.
@Suite struct LintSessionTests {
    @Test func configuredSeveritiesAndParametersReachTheDiagnostics() throws {
        let configuration = try ConfigLoader.load(path: ConfigFixtures.project + "/.profilelint.yml")
        var problems = RuleFileErrors()
        let directories = SessionFactory.ruleDirectories(defaultPack: .directory(ConfigFixtures.rulesDirectory), configuration: configuration,
                                                         extraDirectories: ["/x"], collecting: &problems)
        #expect(problems.errors.isEmpty)
        #expect(directories == [ConfigFixtures.rulesDirectory, ConfigFixtures.project + "/extra-rules", "/x"])
        var factory = SessionFactory(options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory)))
        let built = try factory.build(configuration: configuration)
        #expect(built.ruleDirectories == Array(directories.dropLast()))
        let session = built.session
        #expect(session.ruleSet.rule("certifications-limit") != nil)  // from the configuration's rule_dirs
        #expect(session.knownRuleIDs.contains("portfolio-minimum"))
        #expect(session.ruleSet.rule("portfolio-minimum") == nil)
        let result = session.lint(SourceFile(path: "p.yaml", text: "languages: [a, b, c]\nportfolio: [{title: one}]\n"))
        // max 3 → 2 by the configuration, warning → error; portfolio-minimum is off.
        #expect(result.diagnostics.map(\.ruleID) == ["languages-limit"])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.message == "3 languages listed; keep the 2 you work in")
    }

    @Test func missingRuleDirectoryIsLocatedInTheConfiguration() throws {
        let configuration = try ConfigLoader.load(SourceFile(path: "cfg/.profilelint.yml", text: "rule_dirs: [no-such-dir]\n"))
        var problems = RuleFileErrors()
        let directories = SessionFactory.ruleDirectories(defaultPack: .builtIn, configuration: configuration, extraDirectories: [],
                                                         collecting: &problems)
        #expect(directories.isEmpty)
        #expect(problems.errors.map(\.position) == [SourcePosition(line: 1, column: 13)])
        #expect(problems.errors.map(\.message) == ["rule directory 'no-such-dir' does not exist"])
    }

    @Test func aFileNamedAsARuleDirectoryIsCalledAFile() throws {
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "id: x\n".write(toFile: directory + "/rules.yml", atomically: true, encoding: .utf8)
        let configuration = try ConfigLoader.load(SourceFile(path: directory + "/.profilelint.yml", text: "rule_dirs: [rules.yml, gone]\n"))
        var problems = RuleFileErrors()
        _ = SessionFactory.ruleDirectories(defaultPack: .builtIn, configuration: configuration, extraDirectories: [], collecting: &problems)
        #expect(problems.errors.map(\.message) == ["rule directory 'rules.yml' is a file, not a directory",
                                                   "rule directory 'gone' does not exist"])
    }

    @Test func builtInSeverityAppliesToSuppressionWarnings() throws {
        let rules = try ConfigFixtures.rules()
        let text = "# profilelint-disable-next-line skills-limit\ntitle: x\n"
        let plain = try LintSession(rules: rules, configuration: nil)
        #expect(plain.lint(SourceFile(path: "p.yaml", text: text)).diagnostics.map(\.severity) == [.warning])
        let raised = try LintSession(rules: rules, configuration: ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: "rules: {unused-suppression: error}\n")))
        #expect(raised.lint(SourceFile(path: "p.yaml", text: text)).diagnostics.map(\.severity) == [.error])
        let silenced = try LintSession(rules: rules, configuration: ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: "rules: {unused-suppression: off}\n")))
        #expect(silenced.lint(SourceFile(path: "p.yaml", text: text)).diagnostics.isEmpty)
    }

    @Test func offRuleIsStillAKnownIDForSuppressions() throws {
        let configuration = try ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: "rules: {languages-limit: off}\n"))
        let session = try LintSession(rules: ConfigFixtures.rules(), configuration: configuration)
        let result = session.lint(SourceFile(path: "p.yaml", text: "# profilelint-disable-next-line languages-limit\nlanguages: [a, b, c, d]\n"))
        // Unused (the rule is off) but not "unknown".
        #expect(result.diagnostics.map(\.message) == ["'languages-limit' reports nothing here; remove it from this profilelint-disable-next-line comment"])
    }

    @Test func pipelineRunsSeverityThenSuppressionsThenBaseline() throws {
        let rules = try ConfigFixtures.rules()
        let configuration = try ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: "rules: {portfolio-minimum: off, languages-limit: {max: 1}}\n"))
        let text = """
            # profilelint-disable-next-line languages-limit
            languages: [a, b]
            # profilelint-disable-next-line portfolio-minimum
            portfolio: [{title: one}]
            skills: [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]
            """
        let file = SourceFile(path: "p.yaml", text: text)
        let session = try LintSession(rules: rules, configuration: configuration)
        // languages-limit (max 1 by config) is suppressed; portfolio-minimum is off, so its
        // suppression is unused; skills-limit is reported.
        let result = session.lint(file)
        // (in lint order: reports sort them)
        #expect(result.diagnostics.map(\.ruleID) == ["skills-limit", "unused-suppression"])
        // A baseline recorded now accepts both; the suppressed finding never reaches it.
        let baseline = Baseline.recording([result], directory: ".")
        #expect(baseline.counts.keys.map(\.rule).sorted() == ["skills-limit", "unused-suppression"])
        let baselined = try LintSession(rules: rules, configuration: configuration, baseline: baseline)
        #expect(baselined.lint(file).diagnostics.isEmpty)
    }

    @Test func planGroupsFilesByTheirConfiguration() throws {
        let outside = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try "languages: [a, b, c]\n".write(toFile: outside + "/loose.yaml", atomically: true, encoding: .utf8)
        let options = SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory))
        let inProject = ConfigFixtures.project + "/profile.yaml"
        let nested = ConfigFixtures.project + "/nested/deeper/other.yaml"
        let targets = try LintSetup.plan(files: [inProject, outside + "/loose.yaml", nested], options: options)
        #expect(targets.map(\.files) == [[inProject, nested], [outside + "/loose.yaml"]])
        #expect(targets[0].session.configuration != nil)
        #expect(targets[0].session.ruleSet.rule("certifications-limit") != nil)
        #expect(targets[0].session.ruleSet.rule("portfolio-minimum") == nil)
        #expect(targets[1].session.configuration == nil)
        #expect(targets[1].session.ruleSet.rule("certifications-limit") == nil)
        #expect(targets[1].session.ruleSet.rule("portfolio-minimum") != nil)
    }

    @Test func planWithAnExplicitConfigAndNoFilesLintsItsProfiles() throws {
        let options = SessionFactory.Options(configPath: ConfigFixtures.project + "/.profilelint.yml", defaultRules: .directory(ConfigFixtures.rulesDirectory))
        let targets = try LintSetup.plan(files: [], options: options)
        #expect(targets.count == 1)
        #expect(targets[0].files == [ConfigFixtures.project + "/profile.yaml", ConfigFixtures.project + "/specialized/analytics.yaml"])
    }

    @Test func planReportsAnInvalidConfiguration() throws {
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "rulez: {}\n".write(toFile: directory + "/.profilelint.yml", atomically: true, encoding: .utf8)
        try "title: x\n".write(toFile: directory + "/p.yaml", atomically: true, encoding: .utf8)
        #expect {
            try LintSetup.plan(files: [directory + "/p.yaml"], options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory)))
        } throws: { error in
            "\(error)" == "\(directory)/.profilelint.yml:1:1: error: unknown configuration key 'rulez'; did you mean 'rules'?"
        }
    }

    /// A project with a configuration naming a small corpus whose titles sit in a column
    /// that needs `column_map`.
    private func corpusProject(config: String) throws -> String {
        let directory = try ConfigFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/jobs", withIntermediateDirectories: true)
        let posts = """
            [
              {"posting_name": "Sales dashboard for a bakery chain", "details": "Weekly sales and waste figures from twelve shops need one dashboard.", "skills": ["Power BI", "SQL"]},
              {"posting_name": "Inventory report automation", "details": "Replace a manual spreadsheet routine with a scheduled report.", "skills": ["Python", "Excel"]}
            ]
            """
        try posts.write(toFile: directory + "/jobs/posts.json", atomically: true, encoding: .utf8)
        try config.write(toFile: directory + "/.profilelint.yml", atomically: true, encoding: .utf8)
        try "title: Data Analyst\n".write(toFile: directory + "/profile.yaml", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func theConfigurationsCorpusAndColumnMapReachTheLinter() throws {
        let directory = try corpusProject(config: "corpus: [jobs/]\ncolumn_map: {title: posting_name, description: details}\n")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let targets = try LintSetup.plan(files: [directory + "/profile.yaml"], options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory)))
        let corpus = try #require(targets.first?.session.linter.corpus)
        #expect(corpus.stats.postCount == 2)
        #expect(corpus.stats.titles == ["Sales dashboard for a bakery chain", "Inventory report automation"])
    }

    @Test func commandLineCorpusAndColumnsTakePrecedence() throws {
        let directory = try corpusProject(config: "corpus: [missing-jobs/]\ncolumn_map: {title: wrong_column}\n")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The configured path does not exist: a located error...
        #expect {
            try LintSetup.plan(files: [directory + "/profile.yaml"], options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory)))
        } throws: { error in
            "\(error)" == "\(directory)/.profilelint.yml:1:10: error: corpus path 'missing-jobs/' does not exist"
        }
        // ...unless --corpus replaces it; --column overrides the configured column.
        let options = SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory), corpusPaths: [directory + "/jobs"],
                                        columnMap: ["title": "posting_name"])
        let targets = try LintSetup.plan(files: [directory + "/profile.yaml"], options: options)
        #expect(targets.first?.session.linter.corpus?.stats.titles == ["Sales dashboard for a bakery chain", "Inventory report automation"])
    }

    @Test func aCorpusNamedByTwoConfigurationsLoadsOnce() throws {
        let first = try corpusProject(config: "corpus: [jobs/]\ncolumn_map: {title: posting_name}\n")
        defer { try? FileManager.default.removeItem(atPath: first) }
        let second = try corpusProject(config: "{}\n")
        defer { try? FileManager.default.removeItem(atPath: second) }
        let options = SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory), corpusPaths: [first + "/jobs"])
        let targets = try LintSetup.plan(files: [first + "/profile.yaml", second + "/profile.yaml"], options: options)
        #expect(targets.count == 2)
        let corpora = targets.compactMap(\.session.linter.corpus)
        #expect(corpora.count == 2)
        // Different column maps: two corpora. Same paths and map would share one object.
        #expect(corpora[0] !== corpora[1])
        let shared = try LintSetup.plan(files: [first + "/profile.yaml", second + "/profile.yaml"],
                                        options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory),
                                                                   corpusPaths: [first + "/jobs"], columnMap: ["title": "posting_name"]))
        #expect(shared[0].session.linter.corpus === shared[1].session.linter.corpus)
    }

    @Test func aRealCorpusLoadsWithOnlyAColumnMapping() throws {
        let data = ConfigFixtures.repository.deletingLastPathComponent().appendingPathComponent("shared/data/jobs/data-analyst-340.json").path
        try #require(FileManager.default.fileExists(atPath: data), "the shared data is missing")
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The posts have no category column; the configuration maps project_type to it.
        try "corpus: \(data)\ncolumn_map: {category: project_type}\n".write(toFile: directory + "/.profilelint.yml", atomically: true, encoding: .utf8)
        try "title: Data Analyst\n".write(toFile: directory + "/profile.yaml", atomically: true, encoding: .utf8)
        let targets = try LintSetup.plan(files: [directory + "/profile.yaml"], options: SessionFactory.Options(defaultRules: .directory(ConfigFixtures.rulesDirectory)))
        let stats = try #require(targets.first?.session.linter.corpus?.stats)
        #expect(stats.postCount > 300 && stats.postCount <= 340)
        #expect(Set(stats.categories) == ["Ongoing project", "One-time project", "Complex project"])
    }
}
