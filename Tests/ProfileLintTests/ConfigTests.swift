import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Paths of the test fixtures and the default rule pack.
enum ConfigFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = repository.appendingPathComponent("Tests/Fixtures/config").path
    static let project = directory + "/project"
    static let rulesDirectory = directory + "/rules"

    /// The fixture rules, standing in for the default pack so these tests do not change when it grows.
    static func rules() throws -> [Rule] {
        try build(rulesDirectory).rules
    }

    /// What the session factory builds from `directory` as the only rule pack (no configuration).
    static func build(_ directory: String) throws -> SessionFactory.Built {
        var factory = SessionFactory(options: SessionFactory.Options(defaultRules: .directory(directory)))
        return try factory.build(configuration: nil)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// The error loading `yaml` as a configuration at `path`, or nil when it loads.
private func loadError(_ yaml: String, path: String = ".profilelint.yml") -> RuleFileError? {
    do {
        _ = try ConfigLoader.load(SourceFile(path: path, text: yaml))
        return nil
    } catch {
        return error
    }
}

@Suite struct ConfigLoaderTests {
    @Test func readsEverySettingAndResolvesPathsAgainstTheConfigDirectory() throws {
        let yaml = """
            profiles: [profile.yaml, specialized/*.yaml]
            corpus: jobs/
            column_map: {description: raw_description, skills: tags}
            rule_dirs: [my-rules/, /opt/rules]
            rules:
              title-length: {severity: error, max_characters: 60}
              buzzwords: {severity: off}
              skills-limit: warning
              languages-limit: off
            """
        let configuration = try ConfigLoader.load(SourceFile(path: "team/profiles/.profilelint.yml", text: yaml))
        #expect(configuration.directory == "team/profiles")
        #expect(configuration.profiles.map(\.resolved) == ["team/profiles/profile.yaml", "team/profiles/specialized/*.yaml"])
        #expect(configuration.profiles.map(\.written) == ["profile.yaml", "specialized/*.yaml"])
        #expect(configuration.corpus.map(\.resolved) == ["team/profiles/jobs"])
        #expect(configuration.ruleDirectories.map(\.resolved) == ["team/profiles/my-rules", "/opt/rules"])
        #expect(configuration.columnMapDictionary == ["description": "raw_description", "skills": "tags"])
        #expect(configuration.ruleOverrides.map(\.ruleID) == ["title-length", "buzzwords", "skills-limit", "languages-limit"])
        #expect(configuration.severity(for: "title-length") == .on(.error))
        #expect(configuration.severity(for: "buzzwords") == .off)
        #expect(configuration.severity(for: "skills-limit") == .on(.warning))
        #expect(configuration.severity(for: "languages-limit") == .off)
        #expect(configuration.severity(for: "other") == nil)
        #expect(configuration.ruleOverrides[0].parameters.map(\.key) == ["max_characters"])
        // The severity's place is kept for errors.
        let severityRange = try #require(configuration.ruleOverrides[1].severityRange)
        #expect(configuration.file.position(ofByte: severityRange.lowerBound) == SourcePosition(line: 7, column: 25))
    }

    @Test func anEmptyFileSetsNothing() throws {
        let configuration = try ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: "# nothing yet\n"))
        #expect(configuration.profiles.isEmpty)
        #expect(configuration.ruleOverrides.isEmpty)
    }

    @Test func unknownTopLevelKeyIsLocatedWithASuggestion() throws {
        let error = try #require(loadError("profiles: [a.yaml]\nrule_dir: [x]\n"))
        #expect(error.position == SourcePosition(line: 2, column: 1))
        #expect(error.message == "unknown configuration key 'rule_dir'; did you mean 'rule_dirs'?")
        #expect(error.description.hasPrefix(".profilelint.yml:2:1: error: "))
    }

    @Test func unknownKeyWithoutNearMissListsTheKeys() throws {
        let error = try #require(loadError("colour: red\n"))
        #expect(error.message.contains("expected one of: profiles, exclude, corpus, column_map, rule_dirs, rules"))
    }

    @Test func illTypedValuesAreLocatedAtTheValue() throws {
        let profiles = try #require(loadError("profiles: {a: 1}\n"))
        #expect(profiles.position == SourcePosition(line: 1, column: 11))
        #expect(profiles.message.contains("must be a non-empty string, not a map"))

        let corpusItem = try #require(loadError("corpus:\n  - jobs/\n  - 42\n"))
        #expect(corpusItem.position == SourcePosition(line: 3, column: 5))
        #expect(corpusItem.message.contains("not an integer"))

        let rules = try #require(loadError("rules: [a, b]\n"))
        #expect(rules.message == "'rules' must be a map of rule id to settings, not a list")

        let ruleValue = try #require(loadError("rules:\n  title-length: [1]\n"))
        #expect(ruleValue.position == SourcePosition(line: 2, column: 17))

        let nullPaths = try #require(loadError("profiles:\n"))
        #expect(nullPaths.message.contains("not null"))

        let notAMap = try #require(loadError("- a\n- b\n"))
        #expect(notAMap.message.contains("must be a map of settings, not a list"))
    }

    @Test func columnMapFieldsAreChecked() throws {
        let field = try #require(loadError("column_map:\n  descripton: body\n"))
        #expect(field.position == SourcePosition(line: 2, column: 3))
        #expect(field.message == "unknown job-post field 'descripton'; did you mean 'description'?")
        let column = try #require(loadError("column_map: {title: [a]}\n"))
        #expect(column.message.contains("'column_map.title' must be a non-empty string"))
    }

    @Test func severityAcceptsUnquotedOffAndRejectsOthersWithASuggestion() throws {
        #expect(loadError("rules:\n  a-rule: {severity: off}\n") == nil)
        #expect(loadError("rules:\n  a-rule: {severity: OFF}\n") == nil)
        #expect(loadError("rules:\n  a-rule: {severity: \"off\"}\n") == nil)
        let warn = try #require(loadError("rules:\n  a-rule: {severity: warn}\n"))
        #expect(warn.position == SourcePosition(line: 2, column: 22))
        #expect(warn.message == "'rules.a-rule.severity' must be off, info, warning or error, not 'warn'; did you mean 'warning'?")
        // `false` is a boolean too, but not a severity word.
        let boolean = try #require(loadError("rules:\n  a-rule: {severity: false}\n"))
        #expect(boolean.message.contains("not 'false'"))
        let shorthand = try #require(loadError("rules:\n  a-rule: loud\n"))
        #expect(shorthand.position == SourcePosition(line: 2, column: 11))
    }

    @Test func duplicateKeysAreErrors() throws {
        let error = try #require(loadError("rules:\n  a-rule: off\n  a-rule: error\n"))
        #expect(error.message.contains("'a-rule'"), "\(error)")
        #expect(error.position == SourcePosition(line: 3, column: 3), "\(error)")
    }
}

@Suite struct RuleOverrideTests {
    private func configuration(_ yaml: String) throws -> Configuration {
        try ConfigLoader.load(SourceFile(path: "cfg/.profilelint.yml", text: yaml))
    }

    @Test func severityAndParametersOverrideTheRule() throws {
        let rules = try ConfigFixtures.rules()
        let configured = try configuration("rules:\n  languages-limit: {severity: error, max: 2}\n  portfolio-minimum: off\n")
            .apply(to: rules, builtInRuleIDs: LintSession.builtInRuleIDs)
        #expect(configured.map(\.id).sorted() == ["languages-limit", "skills-limit", "skills-unique"])
        let languages = try #require(configured.first { $0.id == "languages-limit" })
        #expect(languages.severity == .error)
        #expect(try languages.parameters.int("max") == 2)
        // The unchanged rule keeps its own file's values.
        let skills = try #require(configured.first { $0.id == "skills-limit" })
        #expect(try skills.parameters.int("max") == 15)
    }

    @Test func unknownRuleIDIsLocatedWithASuggestion() throws {
        let rules = try ConfigFixtures.rules()
        let config = try configuration("rules:\n  skills-limt: {severity: off}\n")
        #expect {
            try config.apply(to: rules, builtInRuleIDs: LintSession.builtInRuleIDs)
        } throws: { error in
            let error = error as! RuleFileError
            return error.path == "cfg/.profilelint.yml" && error.position == SourcePosition(line: 2, column: 3)
                && error.message == "unknown rule id 'skills-limt'; did you mean 'skills-limit'?"
        }
    }

    @Test func unknownParameterIsLocatedWithASuggestion() throws {
        let rules = try ConfigFixtures.rules()
        let config = try configuration("rules:\n  skills-limit:\n    maxx: 10\n")
        #expect {
            try config.apply(to: rules, builtInRuleIDs: LintSession.builtInRuleIDs)
        } throws: { error in
            let error = error as! RuleFileError
            return error.position == SourcePosition(line: 3, column: 5)
                && error.message == "rule 'skills-limit': unknown key 'maxx' for kind 'count'; did you mean 'max'? (its keys: min, max)"
        }
    }

    @Test func badParameterValueIsReportedAtTheConfigValue() throws {
        let rules = try ConfigFixtures.rules()
        let config = try configuration("rules:\n  skills-limit: {max: many}\n")
        let configured = try config.apply(to: rules, builtInRuleIDs: LintSession.builtInRuleIDs)
        #expect {
            try RuleSet(rules: configured)
        } throws: { error in
            let error = error as! RuleFileError
            return error.path == "cfg/.profilelint.yml" && error.position == SourcePosition(line: 2, column: 23)
                && error.message.contains("'max' must be a whole number")
        }
        // The session reports the same located error.
        #expect(throws: RuleFileError.self) { try LintSession(rules: rules, configuration: config) }
    }

    @Test func builtInIDsTakeASeverityButNoParameters() throws {
        let rules = try ConfigFixtures.rules()
        let ok = try configuration("rules:\n  unused-suppression: off\n")
        #expect(try ok.apply(to: rules, builtInRuleIDs: LintSession.builtInRuleIDs).count == rules.count)
        let bad = try configuration("rules:\n  parse-error: {max: 3}\n")
        #expect {
            try bad.apply(to: rules, builtInRuleIDs: LintSession.builtInRuleIDs)
        } throws: { error in
            (error as! RuleFileError).message == "'parse-error' is a built-in check; only its 'severity' can be set"
        }
    }
}

@Suite struct ConfigDiscoveryTests {
    @Test func findsTheNearestConfigurationUpward() throws {
        #expect(ConfigDiscovery.find(from: ConfigFixtures.project + "/nested/deeper") == ConfigFixtures.project + "/.profilelint.yml")
        #expect(ConfigDiscovery.find(from: ConfigFixtures.project) == ConfigFixtures.project + "/.profilelint.yml")
    }

    @Test func relativeStartGivesARelativePath() throws {
        let root = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
        try "profiles: [x.yaml]\n".write(toFile: root + "/a/.profilelint.yaml", atomically: true, encoding: .utf8)
        let current = FileManager.default.currentDirectoryPath
        let start = PathText.relative(root + "/a/b", to: current)
        #expect(!start.hasPrefix("/"))
        #expect(ConfigDiscovery.find(from: start) == PathText.relative(root + "/a/.profilelint.yaml", to: current))
        #expect(ConfigDiscovery.find(from: root + "/a/b") == root + "/a/.profilelint.yaml")
        #expect(ConfigDiscovery.find(from: root) == nil)
        // The .yml spelling wins over .yaml in one directory.
        try "{}\n".write(toFile: root + "/a/.profilelint.yml", atomically: true, encoding: .utf8)
        #expect(ConfigDiscovery.find(from: root + "/a/b") == root + "/a/.profilelint.yml")
    }
}

@Suite struct PathTests {
    @Test func joinAndNormalize() {
        #expect(PathText.join(".", "a/./b") == "a/b")
        #expect(PathText.join("cfg", "../rules/") == "rules")
        #expect(PathText.join("..", "x.yaml") == "../x.yaml")
        #expect(PathText.join("cfg", "/abs/x") == "/abs/x")
        #expect(PathText.normalize("../../a/../b") == "../../b")
        #expect(PathText.normalize("/../a") == "/a")
        #expect(PathText.directory(of: "a/b/c.yml") == "a/b")
        #expect(PathText.directory(of: "c.yml") == ".")
        #expect(PathText.directory(of: "/c.yml") == "/")
    }

    @Test func relativePaths() {
        #expect(PathText.relative("/w/p/profile.yaml", to: "/w/p") == "profile.yaml")
        #expect(PathText.relative("/w/p/profile.yaml", to: "/w/q/r") == "../../p/profile.yaml")
        #expect(PathText.relative("sub/x.yaml", to: ".", currentDirectory: "/w") == "sub/x.yaml")
        #expect(PathText.relative("/w", to: "/w") == ".")
    }

    @Test func globsExpandWithinComponentsAndRecursively() {
        let project = ConfigFixtures.project
        #expect(PathGlob.expand(project + "/specialized/*.yaml") == [project + "/specialized/analytics.yaml"])
        #expect(PathGlob.expand(project + "/specialized/*") == [project + "/specialized/analytics.yaml", project + "/specialized/notes.txt"])
        #expect(PathGlob.expand(project + "/**/*.yaml") == [
            project + "/nested/deeper/other.yaml", project + "/profile.yaml", project + "/specialized/analytics.yaml",
        ])
        #expect(PathGlob.expand(project + "/profile.yaml") == [project + "/profile.yaml"])
        #expect(PathGlob.expand(project + "/missing.yaml").isEmpty)
        // A directory is not a profile file.
        #expect(PathGlob.expand(project + "/specialized").isEmpty)
        // Wildcards never match a leading dot.
        #expect(PathGlob.expand(project + "/*.yml").isEmpty)
        #expect(PathGlob.matches("prof?le.y[a-z]ml", "profile.yaml"))
    }

    @Test func profileFilesComeFromTheConfiguredPatterns() throws {
        let configuration = try ConfigLoader.load(path: ConfigFixtures.project + "/.profilelint.yml")
        #expect(try configuration.profileFiles() == [ConfigFixtures.project + "/profile.yaml", ConfigFixtures.project + "/specialized/analytics.yaml"])

        let missing = try ConfigLoader.load(SourceFile(path: ConfigFixtures.project + "/.profilelint.yml", text: "profiles:\n  - nope.yaml\n"))
        #expect {
            try missing.profileFiles()
        } throws: { error in
            let error = error as! RuleFileError
            return error.message == "profile 'nope.yaml' does not exist" && error.position == SourcePosition(line: 2, column: 5)
        }
        let directory = try ConfigLoader.load(SourceFile(path: ConfigFixtures.project + "/.profilelint.yml", text: "profiles: [specialized]\n"))
        #expect {
            try directory.profileFiles()
        } throws: { error in
            (error as! RuleFileError).message == "profile 'specialized' is a directory; name its files with a pattern such as 'specialized/*.yaml'"
        }
        let empty = try ConfigLoader.load(SourceFile(path: ConfigFixtures.project + "/.profilelint.yml", text: "profiles: [drafts/*.yaml]\n"))
        #expect {
            try empty.profileFiles()
        } throws: { error in
            (error as! RuleFileError).message == "profile 'drafts/*.yaml' matches no file"
        }
    }
}
