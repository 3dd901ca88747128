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

    /// The default pack, or the located error that stops it loading (`packLoads` reports it).
    static let loaded: Result<RuleSet, LintSetupError> = {
        var factory = SessionFactory(options: SessionFactory.Options(defaultRules: .directory(directory)))
        do throws(LintSetupError) { return .success(try factory.build(configuration: nil).session.ruleSet) } catch { return .failure(error) }
    }()

    static var ruleSet: RuleSet { (try? loaded.get()) ?? RuleSet.empty }

    /// The corpus the corpus rules' examples run against: the example job posts (`examples/jobs`)
    /// and 8 more e-commerce posts (`Tests/Fixtures/rule-examples`), so that a tag is on the 16
    /// posts `corpus-rare-skills` needs to show that it rarely pairs with a profile's other tags.
    static let corpus: Corpus = {
        let root = URL(fileURLWithPath: directory).deletingLastPathComponent()
        let paths = ["examples/jobs", "Tests/Fixtures/rule-examples"].map { root.appendingPathComponent($0).path }
        do { return try Corpus.load(paths: paths, aliases: ruleSet.skillAliases) } catch { fatalError("\(error)") }
    }()

    static let examples: [RuleExample] = ruleSet.entries.flatMap { entry in
        entry.rule.examples.triggering.map { RuleExample(ruleID: entry.rule.id, snippet: $0, triggers: true) }
            + entry.rule.examples.passing.map { RuleExample(ruleID: entry.rule.id, snippet: $0, triggers: false) }
    }
}

@Suite struct RuleExampleTests {
    @Test func packLoads() throws {
        if case .failure(let error) = RulePack.loaded { Issue.record("\(error)") }
    }

    @Test func everyRuleHasBothKindsOfExample() {
        for entry in RulePack.ruleSet.entries {
            #expect(!entry.rule.examples.triggering.isEmpty, "\(entry.rule.id) has no triggering example")
            #expect(!entry.rule.examples.passing.isEmpty, "\(entry.rule.id) has no passing example")
        }
    }

    @Test(arguments: RulePack.examples)
    func example(_ example: RuleExample) throws {
        let linter = Linter(ruleSet: RulePack.ruleSet, corpus: RulePack.corpus)
        let file = SourceFile(path: "example.yaml", text: example.snippet)
        let result = linter.lint(file)
        let loadErrors = result.diagnostics.filter { $0.ruleID == "parse-error" || $0.ruleID == "invalid-type" }
        #expect(loadErrors.isEmpty, "example does not load: \(loadErrors.map(\.message))")
        let fired = result.diagnostics.filter { $0.ruleID == example.ruleID }
        #expect(!fired.isEmpty == example.triggers,
                "\(example.ruleID) \(example.triggers ? "did not trigger" : "triggered") on: \(example.snippet)")

        let rule = try #require(RulePack.ruleSet.rule(example.ruleID))
        let profile = try #require(ProfileLoader.load(file).profile)
        for diagnostic in fired {
            // Every placeholder of the template is filled.
            for name in MessageTemplate.placeholders(rule.message) {
                #expect(!diagnostic.message.contains("{\(name)}"), "unfilled {\(name)} in: \(diagnostic.message)")
            }
            // The range points into the field the rule is about.
            let places = RulePack.places(of: rule, in: profile)
            #expect(places.contains { $0.lowerBound <= diagnostic.range.lowerBound && diagnostic.range.upperBound <= $0.upperBound },
                    "\(rule.id) points at \(diagnostic.range), outside its fields \(places) in: \(example.snippet)")
        }

        // Applying the rule's fixes leaves a profile that loads and has fewer findings of the rule.
        let edits = fired.flatMap { $0.fixes.first?.edits ?? [] }.sorted { $0.range.lowerBound > $1.range.lowerBound }
        if !edits.isEmpty {
            var bytes = file.bytes
            var lastStart = Int.max
            for edit in edits where edit.range.upperBound <= lastStart {
                bytes.replaceSubrange(edit.range.lowerBound..<edit.range.upperBound, with: Array(edit.replacement.utf8))
                lastStart = edit.range.lowerBound
            }
            let fixed = linter.lint(SourceFile(path: "example.yaml", bytes: bytes))
            #expect(!fixed.diagnostics.contains { $0.ruleID == "parse-error" }, "the fixed example does not parse: \(String(decoding: bytes, as: UTF8.self))")
            #expect(fixed.diagnostics.filter { $0.ruleID == example.ruleID }.count < fired.count)
        }
    }

    @Test func defaultPackCoversTheSpec() {
        let entries = RulePack.ruleSet.entries
        #expect(entries.count >= 25)
        // Each rationale names its source in words a user can follow, never an internal file name.
        let sources = ["a 2026 guide to the marketplace", "the marketplace's own article on job invitations",
                       "a freelancer's case study on winning job invites", "the case study on job invites",
                       "an article on marketplace interviews", "a platform limit"]
        for entry in entries {
            let rationale = entry.rule.rationale.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(sources.contains { rationale.contains($0) }, "\(entry.rule.id)'s rationale names no source")
            #expect(rationale.range(of: #"\d{3}_[0-9a-f]{16}\.txt|SPEC"#, options: .regularExpression) == nil,
                    "\(entry.rule.id)'s rationale names an internal file")
        }
        let kinds = Set(entries.map(\.rule.kind))
        for kind in ["required", "length", "count", "number-range", "phrase-list", "pattern", "contact-info",
                     "link-policy", "quantified-results", "differs-from-general", "unique", "readability",
                     "repetition", "opening"] {
            #expect(kinds.contains(kind), "no default rule uses kind \(kind)")
        }
        // The completeness weights add up to 100.
        let weights = entries.filter { $0.rule.kind == "required" && $0.rule.appliesTo.contains(.profile) }
            .compactMap { try? $0.rule.parameters.double("weight") }
        #expect(weights.reduce(0, +) == 100)
    }
}

extension RulePack {
    /// The source ranges a diagnostic of `rule` may point into: the nodes of its fields,
    /// or (for a field that is missing) the empty range where its section starts; for a
    /// rule without fields, any text scalar of the section.
    static func places(of rule: Rule, in profile: Profile) -> [ByteRange] {
        var places: [ByteRange] = []
        for section in profile.sections where rule.appliesTo.contains(section.kind) {
            if rule.fields.isEmpty {
                places += section.textValues([]).map(\.node.range)
                continue
            }
            let values = rule.fields.flatMap { section.values(at: $0) }
            places += values.map(\.node.range)
            // An empty top-level value is reported at its key.
            for field in rule.fields where field.components.count == 1 {
                if let entry = section.node.entry(field.description) { places.append(entry.keyRange) }
            }
            places.append(ByteRange(section.node.range.lowerBound, section.node.range.lowerBound))
        }
        return places
    }
}
