import Foundation
import Testing
import ProfileLint

/// One test case per example of every rule file in `rules/`: a triggering example
/// must produce a diagnostic of that rule, a passing one must not.
struct RuleExample: CustomTestStringConvertible, Sendable {
    let ruleID: String
    let snippet: String
    let triggers: Bool
    var testDescription: String { "\(ruleID) \(triggers ? "triggers on" : "passes"): \(snippet.prefix(60))" }
}

enum RulePack {
    static let directory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
    }()

    static let ruleSet: RuleSet = {
        do { return try RuleSet(rules: RuleLoader.loadDirectory(directory)) } catch { fatalError("\(error)") }
    }()

    /// The example job-post corpus (`examples/jobs`) the corpus rules' examples run against.
    static let corpus: Corpus = {
        let path = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("examples/jobs").path
        do { return try Corpus.load(paths: [path]) } catch { fatalError("\(error)") }
    }()

    static let examples: [RuleExample] = ruleSet.entries.flatMap { entry in
        entry.rule.examples.triggering.map { RuleExample(ruleID: entry.rule.id, snippet: $0, triggers: true) }
            + entry.rule.examples.passing.map { RuleExample(ruleID: entry.rule.id, snippet: $0, triggers: false) }
    }
}

@Suite struct RuleExampleTests {
    @Test func everyRuleHasBothKindsOfExample() {
        for entry in RulePack.ruleSet.entries {
            #expect(!entry.rule.examples.triggering.isEmpty, "\(entry.rule.id) has no triggering example")
            #expect(!entry.rule.examples.passing.isEmpty, "\(entry.rule.id) has no passing example")
        }
    }

    @Test(arguments: RulePack.examples)
    func example(_ example: RuleExample) {
        let linter = Linter(ruleSet: RulePack.ruleSet, corpus: RulePack.corpus)
        let result = linter.lint(SourceFile(path: "example.yaml", text: example.snippet))
        let loadErrors = result.diagnostics.filter { $0.ruleID == "parse-error" || $0.ruleID == "invalid-type" }
        #expect(loadErrors.isEmpty, "example does not load: \(loadErrors.map(\.message))")
        let fired = result.diagnostics.contains { $0.ruleID == example.ruleID }
        #expect(fired == example.triggers,
                "\(example.ruleID) \(example.triggers ? "did not trigger" : "triggered") on: \(example.snippet)")
    }
}
