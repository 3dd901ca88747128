import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `schemas/` agrees with the linter: the profile schema is generated from `ProfileSchema`,
/// and python's jsonschema (pinned in scripts/requirements-test.txt, Draft 2020-12) accepts
/// exactly the documents the loaders accept: every example, rule example, fixture and sample
/// configuration, with broken ones rejected by both.
@Suite struct JSONSchemaTests {
    static let root = ReporterFixture.packageRoot
    static let profileSchema = root.appendingPathComponent("schemas/profile.schema.json")
    static let configSchema = root.appendingPathComponent("schemas/profilelint-config.schema.json")

    /// The schema's verdict on each document (YAML read as PyYAML reads it): true when valid.
    static func schemaVerdicts(_ schema: URL, _ documents: [(name: String, text: String)]) throws -> [String: Bool] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-schema-\(UUID()).json")
        let payload = documents.map { ["name": $0.name, "text": $0.text] }
        try JSONSerialization.data(withJSONObject: payload).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.Draft202012Validator(schema)
        verdicts = {}
        for document in json.load(open(sys.argv[2])):
            try:
                value = yaml.safe_load(document["text"])
            except yaml.YAMLError:
                verdicts[document["name"]] = False
                continue
            verdicts[document["name"]] = validator.is_valid({} if value is None else value)
        print(json.dumps(verdicts))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with jsonschema and PyYAML failed")
        return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Bool])
    }

    static func files(in directory: String, extensions: Set<String>) throws -> [(name: String, text: String)] {
        let url = root.appendingPathComponent(directory)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            .filter { extensions.contains(($0 as NSString).pathExtension) }
            .map { ("\(directory)/\($0)", try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func profileSchemaIsGeneratedFromTheProfileFormat() throws {
        let generated = ProfileJSONSchema.text()
        if ProcessInfo.processInfo.environment["PROFILELINT_UPDATE_SCHEMAS"] == "1" {
            try generated.write(to: Self.profileSchema, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: Self.profileSchema, encoding: .utf8)
        #expect(stored == generated, "schemas/profile.schema.json is out of date: run the tests with PROFILELINT_UPDATE_SCHEMAS=1")
    }

    @Test func profileSchemaAcceptsWhatTheLoaderAccepts() throws {
        var documents = try Self.files(in: "examples", extensions: ["yaml", "yml", "json"])
        documents += try Self.files(in: "Tests/Fixtures/cli", extensions: ["yaml", "yml", "json"])
        for rule in try RulePack.load([RulePack.builtIn]).rules {
            for (index, example) in (rule.examples.triggering + rule.examples.passing).enumerated() {
                documents.append(("\(rule.id) example \(index + 1)", example))
            }
        }
        documents += [
            ("bad: unknown key", "title: Analyst\ntitel: Analyst\n"),
            ("bad: skills not a list", "skills: SQL\n"),
            ("bad: rate as text", "hourly_rate: forty\n"),
            ("bad: portfolio item key", "portfolio:\n  - {title: Shop, link: x}\n"),
            ("bad: not a map", "- title\n"),
            ("bad: syntax", "title: [unclosed\n"),
        ]
        let verdicts = try Self.schemaVerdicts(Self.profileSchema, documents)
        let structural: Set<String> = ["parse-error", "invalid-type", "unknown-key"]
        for document in documents {
            let format = document.name.hasSuffix(".json") ? "p.json" : "p.yaml"
            let loaded = ProfileLoader.load(SourceFile(path: format, text: document.text))
            let loaderAccepts = !loaded.diagnostics.contains { structural.contains($0.ruleID) }
            #expect(verdicts[document.name] == loaderAccepts,
                    "\(document.name): the schema says \(verdicts[document.name].map(String.init) ?? "nothing"), the loader \(loaderAccepts)")
        }
        #expect(documents.filter { $0.name.hasPrefix("bad:") }.allSatisfy { verdicts[$0.name] == false })
    }

    @Test func configurationSchemaAcceptsWhatTheLoaderAccepts() throws {
        var documents = [("examples/.profilelint.yml", try String(contentsOf: Self.root.appendingPathComponent("examples/.profilelint.yml"), encoding: .utf8))]
        for path in ["Tests/Fixtures/config/project/.profilelint.yml", "Tests/Fixtures/config/cli/.profilelint.yml",
                     "Tests/Fixtures/config/cli/bad-config/.profilelint.yml"] {
            documents.append((path, try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)))
        }
        documents += [
            ("severity shorthand", "rules: {video-suggested: off, skills-limit: warning}\n"),
            ("parameters", "rules:\n  title-length: {severity: error, max_characters: 60}\nexclude: [drafts/]\n"),
            ("bad: unknown key", "profile: [a.yaml]\n"),
            ("bad: severity", "rules: {title-length: loud}\n"),
            ("bad: column field", "column_map: {body: text}\n"),
            ("bad: corpus number", "corpus: 3\n"),
        ]
        let verdicts = try Self.schemaVerdicts(Self.configSchema, documents)
        for document in documents {
            let loaderAccepts = (try? ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: document.1))) != nil
            #expect(verdicts[document.0] == loaderAccepts, "\(document.0): schema \(String(describing: verdicts[document.0])), loader \(loaderAccepts)")
        }
    }

    /// The per-rule settings of the configuration schema are generated from the kinds' parameter
    /// declarations: for overrides of the default rules and the built-in checks, the schema accepts
    /// exactly what the linter accepts once the configuration is applied (type, range, choices,
    /// unknown parameters), and leaves the rules of other rule directories open.
    @Test func configurationSchemaChecksOverridesAsTheLinterDoes() throws {
        let documents = [
            ("typed parameter", "rules:\n  title-length: {max_characters: 60}\n"),
            ("enum parameter", "rules:\n  corpus-skill-gaps: {check: near-duplicates, min_share: 0.3}\n"),
            ("list parameter", "rules:\n  contact-info: {detect: [email, phone]}\n"),
            ("built-in severity", "rules:\n  unknown-key: {severity: info}\n"),
            ("bad: out of range", "rules:\n  title-length: {max_characters: -1}\n"),
            ("bad: wrong type", "rules:\n  corpus-skill-gaps: {min_share: high}\n"),
            ("bad: not a choice", "rules:\n  corpus-skill-gaps: {check: mising}\n"),
            ("bad: not a list choice", "rules:\n  contact-info: {detect: [fax]}\n"),
            ("bad: unknown parameter", "rules:\n  title-length: {max_chars: 60}\n"),
            ("bad: parameter of a built-in check", "rules:\n  unknown-key: {max: 1}\n"),
        ]
        let verdicts = try Self.schemaVerdicts(Self.configSchema, documents)
        let builtIn = try RulePack.load([RulePack.builtIn]).rules
        for document in documents {
            let linterAccepts = (try? RuleSet(rules: ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: document.1))
                .apply(to: builtIn, builtInRuleIDs: BuiltInCheck.ids))) != nil
            #expect(linterAccepts == !document.0.hasPrefix("bad:"), "\(document.0): the linter \(linterAccepts ? "accepts" : "rejects") it")
            #expect(verdicts[document.0] == linterAccepts, "\(document.0): schema \(String(describing: verdicts[document.0]))")
        }
        // A rule of another directory may set anything: the schema cannot know its kind.
        #expect(try Self.schemaVerdicts(Self.configSchema, [("other", "rules:\n  my-rule: {limit: 3}\n")])["other"] == true)
    }

    @Test func configurationSchemaNamesEveryKeyAndField() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.configSchema)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ConfigLoader.topLevelKeys))
        let columnMap = try #require(properties["column_map"] as? [String: Any])
        let names = try #require((columnMap["propertyNames"] as? [String: Any])?["enum"] as? [String])
        #expect(names == PostFieldMapper.fieldNames)
    }
}
