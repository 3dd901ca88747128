/// What changed between two versions of one profile (`profilelint compare`): each section's
/// scores and fitting-post count, and the findings resolved, new, and changed.
///
/// Findings are paired by rule and field: the same message is unchanged; when, past those, a
/// rule and field have exactly one finding in each version with different messages (a count
/// that moved), it is changed; what is left over is resolved (only before) or new (only after).
package struct ProfileComparison: Sendable {
    /// One section's numbers before and after (nil where that version lacks the section or
    /// the number).
    package struct SectionChange: Sendable, Equatable {
        package var section: String
        var scoresBefore: [String: Double]
        var scoresAfter: [String: Double]
        var fitBefore: Int?
        var fitAfter: Int?

        /// Every score name either version has, in report order.
        var scoreNames: [String] {
            ScoreGuide.ordered(scoresBefore.merging(scoresAfter) { first, _ in first })
        }
    }

    /// A finding present in both versions with a different message.
    package struct ChangedFinding: Sendable {
        var before: Diagnostic
        var after: Diagnostic
    }

    var before: LintResult
    var after: LintResult
    package var sections: [SectionChange]
    /// Findings of `before` gone from `after`.
    var resolved: [Diagnostic]
    /// Findings of `after` not in `before`.
    var added: [Diagnostic]
    package var changed: [ChangedFinding]
    /// Findings the same in both.
    var unchanged: Int

    /// Compares two lint results, each linted with insights (`LintSession.lint(_:insights:)`).
    package init(before: LintResult, after: LintResult) {
        self.before = before
        self.after = after
        var names: [String] = []
        for insight in before.insights + after.insights where !names.contains(insight.section) { names.append(insight.section) }
        sections = names.map { name in
            let old = before.insights.first { $0.section == name }, new = after.insights.first { $0.section == name }
            return SectionChange(section: name, scoresBefore: old?.scores ?? [:], scoresAfter: new?.scores ?? [:],
                                 fitBefore: old?.fit?.fitSize, fitAfter: new?.fit?.fitSize)
        }
        var remaining = ReportOrder.sorted([before])[0].diagnostics
        var added: [Diagnostic] = []
        var pending: [Diagnostic] = []
        var unchanged = 0
        for diagnostic in ReportOrder.sorted([after])[0].diagnostics {
            if let index = remaining.firstIndex(where: { Self.key($0) == Self.key(diagnostic) && $0.message == diagnostic.message }) {
                remaining.remove(at: index)
                unchanged += 1
            } else {
                pending.append(diagnostic)
            }
        }
        var changed: [ChangedFinding] = []
        for diagnostic in pending {
            let key = Self.key(diagnostic)
            let matches = remaining.indices.filter { Self.key(remaining[$0]) == key }
            if matches.count == 1, pending.filter({ Self.key($0) == key }).count == 1, let index = matches.first {
                changed.append(ChangedFinding(before: remaining.remove(at: index), after: diagnostic))
            } else {
                added.append(diagnostic)
            }
        }
        self.resolved = remaining
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
    }

    /// What pairs two findings across versions: the rule and the field.
    static func key(_ diagnostic: Diagnostic) -> String {
        diagnostic.ruleID + "\u{0}" + diagnostic.fieldPath
    }

    /// "3 resolved, 1 new, 2 changed, 30 unchanged".
    var findingsPhrase: String {
        "\(resolved.count) resolved, \(added.count) new, \(changed.count) changed, \(unchanged) unchanged"
    }
}
