import ProfileModel

/// Bounds what one rule reports on one file, so that a pathological profile (a word
/// repeated 16,000 times, thousands of list items) gives a readable report in linear time:
/// at most `maximumFindings` findings per rule and `maximumNotes` notes per finding, and a
/// note saying how many more there are.
struct FindingLimits {
    static let maximumFindings = 100
    static let maximumNotes = 20

    /// Findings of this rule kept so far (across sections).
    private var kept = 0

    /// The findings of one section within the rule's remaining budget, notes bounded.
    mutating func bounded(_ findings: [Finding]) -> [Finding] {
        let room = max(0, Self.maximumFindings - kept)
        var result = findings.prefix(room).map(Self.boundingNotes)
        kept += result.count
        let left = findings.count - result.count
        if left > 0, !result.isEmpty {
            result[result.count - 1].notes.append(
                Note("\(left) more \(left == 1 ? "finding" : "findings") of this rule not shown",
                     range: findings[result.count].range))
        }
        return result
    }

    /// `finding` with at most `maximumNotes` notes, then one that counts the rest.
    static func boundingNotes(_ finding: Finding) -> Finding {
        guard finding.notes.count > maximumNotes else { return finding }
        var bounded = finding
        let left = finding.notes.count - maximumNotes
        bounded.notes = Array(finding.notes.prefix(maximumNotes))
            + [Note("\(left) more \(left == 1 ? "note" : "notes") like these not shown", range: nil)]
        return bounded
    }
}
