import Foundation
import ProfileModel

/// How a `RuleSet.Entry` holds its check: built with the set, or built on first use.
enum CheckStorage: Sendable {
    case built(any CheckKind, scoring: (any ScoringCheckKind)?)
    case deferred(DeferredCheck)
}

/// A rule's check built the first time it is asked for (once, whichever thread asks), so a
/// rule set that only describes its rules to a report compiles no regular expression.
final class DeferredCheck: @unchecked Sendable {
    private let rule: Rule
    private let lock = NSLock()
    private var built: (check: any CheckKind, scoring: (any ScoringCheckKind)?)?

    init(rule: Rule) {
        self.rule = rule
    }

    var check: any CheckKind { storage.check }

    /// The check when it adds to a score (see `RuleSet.Entry.scoringCheck`).
    var scoringCheck: (any ScoringCheckKind)? { storage.scoring }

    /// The check and its scoring view, built on first use.
    private var storage: (check: any CheckKind, scoring: (any ScoringCheckKind)?) {
        lock.withLock {
            if let built { return built }
            let check: any CheckKind
            do throws(RuleFileError) {
                check = try Self.build(rule)
            } catch {
                check = UnbuiltCheck(reason: error.message)
            }
            let made = (check: check, scoring: check as? any ScoringCheckKind)
            built = made
            return made
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
