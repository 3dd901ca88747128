import Foundation
import ProfileCorpus
import ProfileModel

/// The `CorpusSection` of each section of one profile, built once per lint: every corpus rule,
/// in its check and in its score, asks for the same section's query and fit, and building the
/// query analyses the section's texts again each time. A check's own result for a section
/// (`keyword-coverage`'s covered terms, needed by its findings and by its score) is kept the
/// same way, keyed by the check's parameters.
final class CorpusSectionMemo: @unchecked Sendable {
    /// A section of the profile: its path and where its map stands in the file.
    private struct Key: Hashable {
        var path: String
        var range: ByteRange
    }

    /// One check's result for one section.
    private struct ResultKey: Hashable {
        var section: Key
        var check: MemoKey
    }

    private let lock = NSLock()
    private var sections: [Key: CorpusSection?] = [:]
    private var results: [ResultKey: any Sendable] = [:]

    /// The memoized section for `section`, building it with `make` the first time.
    func section(for section: ProfileSection, make: () -> CorpusSection?) -> CorpusSection? {
        let key = Key(path: section.pathPrefix, range: section.node.range)
        if let known = lock.withLock({ sections[key] }) { return known }
        let made = make()
        lock.withLock { sections[key] = made }
        return made
    }

    /// The memoized result of `check` (a check's parameters: equal checks compute equal
    /// results) for `section`, computed with `make` the first time.
    func result<Check: Hashable & Sendable, Result: Sendable>(of check: Check, for section: ProfileSection,
                                                              make: () -> Result) -> Result {
        let key = ResultKey(section: Key(path: section.pathPrefix, range: section.node.range), check: MemoKey(check))
        if let known = lock.withLock({ results[key] }) as? Result { return known }
        let made = make()
        lock.withLock { results[key] = made }
        return made
    }
}
