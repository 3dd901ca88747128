import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `docs/rules.md` and `docs/kinds.md` stay true to the code: every kind, parameter, placeholder
/// and default rule is documented.
@Suite struct RuleDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let docs: String = (try? String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)) ?? ""

    /// docs/kinds.md: generated from the declarations (the CLI suite checks it is up to date);
    /// here, that it has a section per kind and a row per declared parameter.
    let kindsPage: String = (try? String(contentsOf: root.appendingPathComponent("docs/kinds.md"), encoding: .utf8)) ?? ""

    @Test func everyKindWithItsParametersAndPlaceholders() {
        #expect(!docs.isEmpty && !kindsPage.isEmpty)
        let sections = kindsPage.components(separatedBy: "\n## ").dropFirst()
        let names: [String] = CheckKinds.all.map { $0.name }
        #expect(sections.map { String($0.prefix { $0 != "\n" }) } == names)
        for (kind, section) in zip(CheckKinds.all, sections) {
            for spec in kind.parameters {
                #expect(section.contains("| `\(spec.key)` | \(spec.type == .choice || spec.type == .choiceList ? spec.type.rawValue + " `" : spec.type.rawValue)"),
                        "docs/kinds.md: kind \(kind.name) lacks parameter \(spec.key)")
            }
        }
        for kind in CheckKinds.profileKinds {
            guard let row = docs.split(separator: "\n").first(where: { $0.hasPrefix("| [`\(kind.name)`](kinds.md#\(kind.name)) |") }) else {
                Issue.record("docs/rules.md has no row for kind \(kind.name)")
                continue
            }
            for name in kind.argumentNames {
                #expect(row.contains("`\(name)`"), "docs/rules.md: kind \(kind.name) lacks placeholder \(name)")
            }
        }
    }

    @Test func everyDefaultRule() throws {
        let ruleSet = try ConfigFixtures.build(Self.root.appendingPathComponent("rules").path).session.ruleSet
        for entry in ruleSet.entries {
            #expect(docs.contains("| `\(entry.rule.id)` | `\(entry.rule.kind)` | \(entry.rule.severity.rawValue) |"),
                    "docs/rules.md does not list \(entry.rule.id) (\(entry.rule.kind), \(entry.rule.severity.rawValue))")
        }
        // And the docs list no rule or kind that does not exist.
        for line in docs.split(separator: "\n") where line.hasPrefix("| `") || line.hasPrefix("| [`") {
            let name = line.drop { $0 != "`" }.dropFirst().prefix { $0 != "`" }
            #expect(ruleSet.rule(String(name)) != nil || CheckKinds.named(String(name)) != nil,
                    "docs/rules.md lists '\(name)', which is neither a default rule nor a kind")
        }
    }
}
