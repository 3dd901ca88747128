/// Amounts such as `1.500` that may mean 1,500 (a European thousands separator) or 1.5: never
/// read, and reported once per file, since a file writes all its amounts one way.
package enum AmbiguousAmount {
    private static let marker = "' is ambiguous: "

    static func issue(field: String, text: String, at location: PostLocation) -> CorpusIssue {
        CorpusIssue(location, "'\(field)' '\(text.prefix(40))\(marker)is '.' a decimal point or a thousands separator? ignored; write the amount without thousands separators (1500 or 1.5) or with a decimal part (1.500,00)")
    }

    /// `issues` of one file with only the first ambiguous-amount issue kept, saying how many
    /// more rows had one.
    static func oncePerFile(_ issues: [CorpusIssue]) -> [CorpusIssue] {
        let ambiguous = issues.indices.filter { issues[$0].message.contains(marker) }
        guard let first = ambiguous.first, ambiguous.count > 1 else { return issues }
        var kept = issues
        kept[first].message += " (\(ambiguous.count - 1) more ambiguous amount\(ambiguous.count == 2 ? "" : "s") in this file)"
        for index in ambiguous.dropFirst().reversed() { kept.remove(at: index) }
        return kept
    }
}
