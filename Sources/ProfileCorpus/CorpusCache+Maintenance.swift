import Foundation

/// Listing, cleaning and pruning the cache directory (`profilelint cache dir|clean`). Only
/// files the cache writes (`corpus-*.plstats`) are touched; anything else in the directory
/// is left alone.
extension CorpusCache {
    /// Past this total size the oldest entries are removed after a write (one corpus's
    /// statistics take a few MiB; edited corpora leave stale entries behind).
    package static let maxTotalBytes = 256 << 20

    /// One cache file.
    package struct Entry: Sendable {
        package var path: String
        package var bytes: Int
        var modified: Date
    }

    /// The cache's files, oldest first.
    package func entries() -> [Entry] {
        Self.regularFiles(in: directory) { $0.hasPrefix("corpus-") && $0.hasSuffix(".plstats") }
    }

    /// The regular files of `directory` whose names pass `include`, oldest first: what the
    /// corpus cache and the lint result cache list to prune or clean their own files.
    package static func regularFiles(in directory: String, where include: (String) -> Bool) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter(include).compactMap { name in
            let path = (directory as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
            return Entry(path: path, bytes: (attributes[.size] as? NSNumber)?.intValue ?? 0,
                         modified: attributes[.modificationDate] as? Date ?? .distantPast)
        }.sorted { $0.modified < $1.modified }
    }

    /// Removes every cache file; returns how many and their total size. A file that cannot be
    /// removed is named in `failures`.
    package func clean() -> (removed: Int, bytes: Int, failures: [String]) {
        Self.remove(entries())
    }

    /// Removes `entries`: what every cache of the directory does to empty itself.
    package static func remove(_ entries: [Entry]) -> (removed: Int, bytes: Int, failures: [String]) {
        var outcome = (removed: 0, bytes: 0, failures: [String]())
        for entry in entries {
            do {
                try FileManager.default.removeItem(atPath: entry.path)
                outcome.removed += 1
                outcome.bytes += entry.bytes
            } catch {
                outcome.failures.append(entry.path)
            }
        }
        return outcome
    }

    /// Removes the oldest entries (never `keeping`) until the cache fits `limit` bytes.
    func prune(keeping: String, limit: Int = maxTotalBytes) {
        var entries = entries()
        var total = entries.reduce(0) { $0 + $1.bytes }
        while total > limit, let oldest = entries.first {
            entries.removeFirst()
            guard oldest.path != keeping else { continue }
            if (try? FileManager.default.removeItem(atPath: oldest.path)) != nil { total -= oldest.bytes }
        }
    }
}
