import Foundation
import ProfileModel

/// The `CorpusSection` of each section of one profile, built once per lint: every corpus rule,
/// in its check and in its score, asks for the same section's query and fit, and building the
/// query analyses the section's texts again each time.
final class CorpusSectionMemo: @unchecked Sendable {
    /// A section of the profile: its path and where its map stands in the file.
    private struct Key: Hashable {
        var path: String
        var range: ByteRange
    }

    private let lock = NSLock()
    private var sections: [Key: CorpusSection?] = [:]

    /// The memoized section for `section`, building it with `make` the first time.
    func section(for section: ProfileSection, make: () -> CorpusSection?) -> CorpusSection? {
        let key = Key(path: section.pathPrefix, range: section.node.range)
        if let known = lock.withLock({ sections[key] }) { return known }
        let made = make()
        lock.withLock { sections[key] = made }
        return made
    }
}
