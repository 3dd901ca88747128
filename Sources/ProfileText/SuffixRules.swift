// The Porter2 stemmer's suffix tables (`Stemmer`).

/// A suffix and what replaces it.
struct SuffixRule: Sendable {
    let suffix: StaticString
    let replacement: StaticString
}

/// Suffix rules grouped by their last letter, each group longest suffix first, so the first
/// match in a group is the longest.
struct SuffixRules: Sendable {
    private let groups: [[SuffixRule]]

    init(_ pairs: [(StaticString, StaticString)]) {
        var groups = [[SuffixRule]](repeating: [], count: 256)
        for (suffix, replacement) in pairs where suffix.utf8CodeUnitCount > 0 {
            let last = suffix.utf8Start[suffix.utf8CodeUnitCount - 1]
            groups[Int(last)].append(SuffixRule(suffix: suffix, replacement: replacement))
        }
        self.groups = groups.map { $0.sorted { $0.suffix.utf8CodeUnitCount > $1.suffix.utf8CodeUnitCount } }
    }

    func endingWith(_ byte: UInt8) -> [SuffixRule] { groups[Int(byte)] }
}
