import Foundation
import Testing
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Each kind's parameter declarations drive what a rule file may set and how a bad value is reported.
@Suite struct KindParameterTests {
    /// A rule file of `kind` setting `key: value` (and a field when the kind needs one).
    static func ruleFile(_ kind: any CheckKind.Type, _ key: String, _ value: String) -> String {
        KindHarness.ruleFile("kind: \(kind.name)\napplies_to: [profile, specialized]\n"
            + (kind.needsField ? "field: overview\n" : "") + "\(key): \(value)")
    }

    @Test func declarationsAreWellFormed() {
        for kind in CheckKinds.all {
            let keys = kind.parameters.map(\.key)
            #expect(Set(keys).count == keys.count, "\(kind.name) declares a key twice")
            #expect(!kind.summary.isEmpty, "\(kind.name) has no summary")
            for spec in kind.parameters {
                #expect(!RuleLoader.commonKeys.contains(spec.key), "\(kind.name).\(spec.key) shadows a common key")
                #expect(!spec.doc.isEmpty, "\(kind.name).\(spec.key) has no doc")
                #expect((spec.type == .choice || spec.type == .choiceList) == !spec.choices.isEmpty,
                        "\(kind.name).\(spec.key): choices go with choice types only")
                if case .number(let value)? = spec.defaultValue {
                    #expect(spec.minimum.map { value >= $0 } ?? true && spec.maximum.map { value <= $0 } ?? true,
                            "\(kind.name).\(spec.key): the default is outside the allowed range")
                }
                if case .integer(let value)? = spec.defaultValue {
                    #expect(spec.minimum.map { Double(value) >= $0 } ?? true && spec.maximum.map { Double(value) <= $0 } ?? true,
                            "\(kind.name).\(spec.key): the default is outside the allowed range")
                }
                if case .string(let value)? = spec.defaultValue, spec.type == .choice {
                    #expect(spec.choices.contains(value), "\(kind.name).\(spec.key): the default is not one of the choices")
                }
            }
        }
    }

    /// Every declared parameter is read by its kind: a value of the wrong type is a located error
    /// naming the key, at the value.
    @Test func everyDeclaredParameterIsReadAndTypeChecked() {
        for kind in CheckKinds.all {
            for spec in kind.parameters {
                let wrong = spec.type == .stringMap ? "[1]" : "{a: 1}"
                let error = KindHarness.loadError(Self.ruleFile(kind, spec.key, wrong))
                let line = kind.needsField ? 8 : 7
                #expect(error?.hasPrefix("rule.yml:\(line):\(spec.key.count + 3): error: '\(spec.key)' must be") == true,
                        "\(kind.name).\(spec.key): \(error ?? "accepted a map")")
            }
        }
    }

    /// A declared default, written out in a rule file, is accepted.
    @Test func declaredDefaultsAreAccepted() throws {
        for kind in CheckKinds.all {
            for spec in kind.parameters {
                guard let value = spec.defaultValue else { continue }
                let yaml = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
                let error = KindHarness.loadError(Self.ruleFile(kind, spec.key, yaml)) ?? ""
                #expect(!error.contains("'\(spec.key)'"), "\(kind.name).\(spec.key): its default \(yaml) is rejected: \(error)")
            }
        }
    }

    @Test func unknownKeysAreRejectedWithTheKindsKeys() {
        let error = KindHarness.loadError(Self.ruleFile(SkillCoverageCheck.self, "min_shares", "0.2"))
        #expect(error == "rule.yml:7:1: error: unknown key 'min_shares' for kind 'skill-coverage'; did you mean 'min_share'? "
            + "(its keys: check, min_share, min_lift, max_findings, min_posts, min_cooccurrence)")
    }

    @Test func modesAreEnumsWhoseCasesAreTheAllowedValues() {
        #expect(SkillCoverageCheck.mode.spec.choices == ["missing", "near-duplicates"])
        #expect(OffNicheCheck.mode.spec.choices == ["skills", "title"])
        #expect(NicheFocusCheck.mode.spec.choices == ["rare-skills", "categories", "generic-title"])
        #expect(KindHarness.loadError(Self.ruleFile(NicheFocusCheck.self, "check", "categorie"))
            == "rule.yml:7:8: error: 'check' must be one of rare-skills, categories, generic-title, not 'categorie'; did you mean 'categories'?")
    }

    /// The corpus kinds and the text kinds word a number out of range the same way.
    @Test func oneWordingForARangeError() {
        #expect(KindHarness.loadError(Self.ruleFile(SkillCoverageCheck.self, "min_share", "2"))
            == "rule.yml:7:12: error: 'min_share' must be between 0 and 1, not 2")
        #expect(KindHarness.loadError(Self.ruleFile(RepetitionCheck.self, "max_share", "2"))
            == "rule.yml:8:12: error: 'max_share' must be between 0 and 1, not 2")
        #expect(KindHarness.loadError(Self.ruleFile(RateRangeCheck.self, "min_posts", "0"))
            == "rule.yml:7:12: error: 'min_posts' must be between 1 and 1000000, not 0")
    }
}
