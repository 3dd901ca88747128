import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct RuleLoaderTests {
    func error(_ text: String) -> String? { KindHarness.loadError(text) }

    let valid = """
    id: title-length
    kind: length
    field: title
    max_characters: 70
    severity: warning
    message: "{length} > {max_characters}"
    rationale: Because.
    """

    @Test func aValidRuleLoads() throws {
        let rule = try RuleLoader.load(SourceFile(path: "r.yml", text: valid))
        #expect(rule.id == "title-length")
        #expect(rule.fields.map(\.description) == ["title"])
        #expect(rule.idRange == ByteRange(4, 16))
    }

    @Test func unknownKeyWithDidYouMean() {
        #expect(error(valid + "\nmax_charaters: 3")
            == "rule.yml:8:1: error: unknown key 'max_charaters' for kind 'length'; did you mean 'max_characters'? (its keys: min_characters, max_characters, min_words, max_words)")
        #expect(error(valid + "\nrationnale: x")
            == "rule.yml:8:1: error: unknown key 'rationnale' for kind 'length'; did you mean 'rationale'? (its keys: min_characters, max_characters, min_words, max_words)")
    }

    @Test func unknownKind() throws {
        let text = valid.replacingOccurrences(of: "kind: length", with: "kind: lenght")
        let message = try #require(error(text))
        #expect(message.hasPrefix("rule.yml:2:7: error: unknown check kind 'lenght'; did you mean 'length'? (kinds: required, length,"))
    }

    @Test func badSeverity() {
        #expect(error(valid.replacingOccurrences(of: "severity: warning", with: "severity: fatal"))
            == "rule.yml:5:11: error: 'severity' must be error, warning or info, not 'fatal'")
    }

    @Test func missingIdAndBadId() {
        #expect(error(valid.replacingOccurrences(of: "id: title-length\n", with: ""))
            == "rule.yml:1:1: error: missing required key 'id'")
        #expect(error(valid.replacingOccurrences(of: "id: title-length", with: "id: Title_Length"))
            == "rule.yml:1:5: error: 'id' must be kebab-case (lowercase words joined by '-')")
        #expect(error(valid.replacingOccurrences(of: "id: title-length", with: "id: [a]"))
            == "rule.yml:1:5: error: 'id' must be a non-empty string")
    }

    @Test func duplicateIdAcrossFiles() throws {
        let first = try RuleLoader.load(SourceFile(path: "rules/a.yml", text: valid))
        let second = try RuleLoader.load(SourceFile(path: "mine/b.yml", text: "# mine\n" + valid))
        #expect(throws: RuleFileError.self) { try RuleSet(rules: [first, second]) }
        do { _ = try RuleSet(rules: [first, second]) } catch {
            #expect(error.description == "mine/b.yml:2:5: error: rule id 'title-length' is already defined in rules/a.yml")
        }
    }

    @Test func duplicateKey() {
        #expect(error(valid + "\nseverity: error")?.hasPrefix("rule.yml:8:1: error: ") == true)
    }

    @Test func messagePlaceholdersMustBeProvidedByTheKind() {
        #expect(error(valid.replacingOccurrences(of: "{length} > {max_characters}", with: "{lenght} long"))
            == "rule.yml:6:10: error: 'message' uses the placeholder '{lenght}', which kind 'length' does not provide; did you mean '{length}'? (it provides: {length}, {words}, {min_characters}, {max_characters}, {min_words}, {max_words}, {over}, {section}, {field})")
        #expect(error(valid.replacingOccurrences(of: "{length} > {max_characters}", with: "{length"))
            == "rule.yml:6:10: error: 'message' has unbalanced '{' and '}'")
        // The engine's own placeholders work with any kind.
        #expect(error(valid.replacingOccurrences(of: "{length} > {max_characters}", with: "{section}: {field}")) == nil)
    }

    @Test func fieldShapes() throws {
        #expect(error(valid.replacingOccurrences(of: "field: title", with: "field: \"portfolio[.x\""))
            == "rule.yml:3:8: error: 'field' must be a field path such as 'title' or 'portfolio[].description', or a list of them")
        #expect(error(valid.replacingOccurrences(of: "field: title", with: "field: []"))
            == "rule.yml:3:8: error: 'field' must name at least one field path")
        #expect(error(valid.replacingOccurrences(of: "field: title\n", with: ""))
            == "rule.yml:1:1: error: kind 'length' needs a 'field'")
        let rule = try RuleLoader.load(SourceFile(path: "r.yml", text: valid.replacingOccurrences(of: "field: title", with: "field: [title, \"portfolio[].title\"]")))
        #expect(rule.fields.map(\.description) == ["title", "portfolio[].title"])
    }

    @Test func appliesToAndExamples() {
        #expect(error(valid + "\napplies_to: [profile, everything]")
            == "rule.yml:8:23: error: 'applies_to' items must be 'profile' or 'specialized'")
        #expect(error(valid + "\nexamples: {triggerring: [\"title: x\"]}")
            == "rule.yml:8:12: error: unknown key 'examples.triggerring'; did you mean 'triggering'?; expected 'triggering' or 'passing'")
        #expect(error(valid + "\nexamples: {passing: [{title: x}]}")
            == "rule.yml:8:22: error: 'examples.passing' items must be profile snippets (strings)")
    }

    @Test func yamlSyntaxErrorsAreLocated() throws {
        let message = try #require(error("id: x\nkind: [length\n"))
        #expect(message.hasPrefix("rule.yml:"))
        #expect(message.contains(": error: "))
        #expect(error("") == "rule.yml:1:1: error: the rule file is empty")
        #expect(error("- a\n") == "rule.yml:1:1: error: a rule file must be a map")
    }

    @Test func directoriesSkipTheAliasFileAndNonYAML() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(valid.utf8).write(to: directory.appendingPathComponent("title-length.yml"))
        try Data("React: [ReactJS]\n".utf8).write(to: directory.appendingPathComponent("skill-aliases.yaml"))
        try Data("notes".utf8).write(to: directory.appendingPathComponent("README.md"))
        let ruleSet = try ConfigFixtures.build(directory.path).session.ruleSet
        #expect(ruleSet.entries.map(\.rule.id) == ["title-length"])
        #expect(ruleSet.skillAliases?.canonical(for: "reactjs") == "React")
    }

    @Test func theDefaultPackLoads() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
        let ruleSet = try ConfigFixtures.build(directory).session.ruleSet
        #expect(ruleSet.entries.count >= 25)
        #expect(ruleSet.skillAliases != nil)
    }
}
