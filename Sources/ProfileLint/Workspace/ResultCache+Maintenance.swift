import Foundation

/// Bounding and emptying the lint result cache. Only `result-*.plresult` and `rules-*.plresult`
/// files (and its own temporary files) are touched; anything else in the directory is left alone.
extension ResultCache {
    /// One entry file.
    typealias Entry = CorpusCache.Entry

    /// The entry files (findings and rule facts), oldest first; with `temporaries`, also
    /// temporary files left by a run that was killed while writing.
    func entries(temporaries: Bool = false) -> [Entry] {
        CorpusCache.regularFiles(in: directory) { name in
            [Self.prefix, Self.rulesPrefix].contains { prefix in
                (name.hasPrefix(prefix) && name.hasSuffix(Self.suffix))
                    || (temporaries && name.hasPrefix("." + prefix) && name.hasSuffix(".tmp"))
            }
        }
    }

    /// Removes the oldest entries until at most `maxEntries` of at most `maxBytes` in all remain.
    package func prune(maxEntries: Int = maxEntries, maxBytes: Int = maxTotalBytes) {
        var entries = entries()
        var total = entries.reduce(0) { $0 + $1.bytes }
        while entries.count > maxEntries || total > maxBytes, let oldest = entries.first {
            entries.removeFirst()
            if (try? FileManager.default.removeItem(atPath: oldest.path)) != nil { total -= oldest.bytes }
        }
    }

    /// Removes every entry; how many, their total size, and the files that could not be removed.
    package func clean() -> (removed: Int, bytes: Int, failures: [String]) {
        CorpusCache.remove(entries(temporaries: true))
    }
}
