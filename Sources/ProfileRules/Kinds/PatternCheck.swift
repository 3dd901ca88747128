import Foundation
import ProfileModel
import ProfileText

/// `pattern`: text fields contain no match of the ICU regular expression `pattern`
/// (each match is a finding on exactly the matched text). `ignore_case` defaults to false.
/// Without `field`, every text field of the section is checked. The default pack uses it
/// for ALL CAPS runs and emoji runs.
package struct PatternCheck: CheckKind {
    package static let name = "pattern"
    package static let summary = "Text does not match a regular expression."
    static let ignoreCase = Parameter.flag("ignore_case", default: false, "Match without regard to case.")
    static let pattern = Parameter.regex("pattern", ignoreCase: ignoreCase,
                                         "The ICU regular expression a match of which is reported (needed).")
    package static let parameters = [pattern.spec, ignoreCase.spec]
    package static let needsField = false
    package static let argumentNames = ["match"]

    let fields: [FieldPath]
    let expression: UserPattern

    package init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        guard let expression = try rule.parameters.value(Self.pattern) else {
            throw Self.needsOneOf([Self.pattern.spec], rule: rule)
        }
        self.expression = expression
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.textValues(fields) {
            let ranges: [Range<Int>]
            do {
                ranges = try expression.matches(in: value.text)
            } catch {
                findings.append(Finding(failure: Self.failure(error), range: value.sourceRange(0..<value.text.utf8.count), fieldPath: value.path))
                continue
            }
            let utf8 = Array(value.text.utf8)
            for range in ranges where !range.isEmpty {
                let match = String(decoding: utf8[range], as: UTF8.self)
                findings.append(Finding(range: value.sourceRange(range), fieldPath: value.path, arguments: ["match": match]))
            }
        }
        return findings
    }

    /// What the rule reports when its pattern could not run on a value.
    static func failure(_ problem: UserPattern.Problem) -> String {
        switch problem {
        case .timeLimitExceeded:
            "its pattern ran past the regular-expression time limit on this text, which was not checked; "
                + "simplify the pattern (nested repetition such as '(a+)+' backtracks without end)"
        case .invalid, .failed:
            "its pattern could not be run on this text, which was not checked"
        }
    }
}
