/// Folds the findings about fields a section lacks (rules of the `required` kind, reported
/// at the section's start with an empty range) into one finding that lists them, so a new
/// profile's report does not open with a screen of `1:1` lines. Each folded finding becomes
/// a note with its own advice and rule id; the fold takes the most severe severity.
enum MissingFields {
    static func fold(_ diagnostics: [Diagnostic], rules: RuleCatalog) -> [Diagnostic] {
        func isMissing(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.range.isEmpty && rules.entry(diagnostic.ruleID)?.kind == RequiredCheck.name
        }
        var groups: [Int: [Diagnostic]] = [:]
        for diagnostic in diagnostics where isMissing(diagnostic) { groups[diagnostic.range.lowerBound, default: []].append(diagnostic) }
        var folded: [Diagnostic] = []
        var emitted = Set<Int>()
        for diagnostic in diagnostics {
            guard isMissing(diagnostic), let group = groups[diagnostic.range.lowerBound], group.count > 1 else {
                folded.append(diagnostic)
                continue
            }
            guard emitted.insert(diagnostic.range.lowerBound).inserted else { continue }
            folded.append(fold(group))
        }
        return folded
    }

    /// One finding for `group` (two or more), most severe fields first.
    static func fold(_ group: [Diagnostic]) -> Diagnostic {
        let ordered = group.enumerated().sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }.map(\.element)
        let fields = ordered.map { $0.fieldPath.isEmpty ? $0.ruleID : $0.fieldPath }
        let notes = ordered.map { diagnostic in
            Note("\(diagnostic.fieldPath.isEmpty ? diagnostic.ruleID : diagnostic.fieldPath) (\(diagnostic.severity.rawValue)): \(diagnostic.message) [\(diagnostic.ruleID)]")
        }
        return Diagnostic(ruleID: "\(ordered[0].ruleID) +\(ordered.count - 1) more", severity: ordered[0].severity,
                          message: "\(ordered.count) fields missing: \(fields.joined(separator: ", "))",
                          range: ordered[0].range, fieldPath: "", notes: notes)
    }
}
