import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `docs/rules.md` stays true to the code: every kind, parameter, placeholder and default rule is documented.
@Suite struct RuleDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let docs: String = (try? String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)) ?? ""

    @Test func everyKindWithItsParametersAndPlaceholders() {
        #expect(!docs.isEmpty)
        for kind in CheckKinds.profileKinds {
            guard let row = docs.split(separator: "\n").first(where: { $0.hasPrefix("| `\(kind.name)` |") }) else {
                Issue.record("docs/rules.md has no row for kind \(kind.name)")
                continue
            }
            for key in kind.parameterKeys {
                #expect(row.contains("`\(key)`"), "docs/rules.md: kind \(kind.name) lacks parameter \(key)")
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
        for line in docs.split(separator: "\n") where line.hasPrefix("| `") {
            let name = line.dropFirst(3).prefix { $0 != "`" }
            #expect(ruleSet.rule(String(name)) != nil || CheckKinds.named(String(name)) != nil,
                    "docs/rules.md lists '\(name)', which is neither a default rule nor a kind")
        }
    }
}
