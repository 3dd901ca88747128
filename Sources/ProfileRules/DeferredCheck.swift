import Foundation
import ProfileModel

/// How a `RuleSet.Entry` holds its check: built with the set, or built on first use.
enum CheckStorage: Sendable {
    case built(any CheckKind)
    case deferred(DeferredCheck)
}

/// A rule's check built the first time it is asked for (once, whichever thread asks), so a
/// rule set that only describes its rules to a report compiles no regular expression.
final class DeferredCheck: @unchecked Sendable {
    private let rule: Rule
    private let lock = NSLock()
    private var built: (any CheckKind)?

    init(rule: Rule) {
        self.rule = rule
    }

    /// The check, built on first use.
    var check: any CheckKind {
        lock.withLock {
            if let built { return built }
            let check: any CheckKind
            do throws(RuleFileError) {
                check = try Self.build(rule)
            } catch {
                check = UnbuiltCheck(reason: error.message)
            }
            built = check
            return check
        }
    }

    private static func build(_ rule: Rule) throws(RuleFileError) -> any CheckKind {
        guard let kind = CheckKinds.named(rule.kind) else {
            throw RuleFileError(file: rule.file, range: rule.idRange, message: "unknown check kind '\(rule.kind)'")
        }
        return try kind.init(rule: rule)
    }
}

/// The check of a rule that did not build: every section it applies to gets one finding saying
/// why (as a check that fails while running does), never silence.
struct UnbuiltCheck: CheckKind {
    static let name = "unbuilt"
    static let summary = "A rule whose check could not be built."
    static let parameters: [ParameterSpec] = []
    static let needsField = false
    let reason: String

    init(reason: String) {
        self.reason = reason
    }

    init(rule: Rule) throws(RuleFileError) {
        throw RuleFileError(file: rule.file, range: rule.idRange, message: "a check that did not build has no rule of its own")
    }

    func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        [Finding(failure: reason, range: ByteRange(0, 0), fieldPath: section.pathPrefix)]
    }
}
