import Foundation

/// Finds a corpus's cache key without reading the corpus: the identity of its files as the
/// file system reports it (path, size, modification and status-change times to the
/// nanosecond, device and inode) and every other input of the key, hashed into a stamp. A small
/// `stamp-<stamp>` file in the cache directory records the content key computed the last time
/// files with that identity were read, so a warm lint costs a `stat` per corpus file instead of
/// reading and hashing every byte.
///
/// Trade-off: a file rewritten in place with the same size and the same modification *and*
/// status-change times would be taken as unchanged. The status-change time moves on every write
/// and cannot be set back from user space (only by setting the system clock back), so in
/// practice any edit, copy, `touch` or checkout changes the stamp and the files are read and
/// hashed again. `--no-cache` skips the cache altogether.
package struct CorpusStamp: Sendable, Equatable {
    /// 32 hex digits.
    package let hex: String

    /// The stamp of `paths` read with `columnMap` and `canonicalizer`; nil when a file cannot
    /// be examined (the caller then reads the files, which reports the problem).
    package init?(paths: [String], columnMap: [String: String], canonicalizer: TagCanonicalizer) {
        var hasher = CorpusCache.keyHasher(columnMap: columnMap, canonicalizer: canonicalizer)
        hasher.combine("stamp")
        for path in paths {
            guard let identity = FileIdentity(path: path) else { return nil }
            hasher.combine(path)
            for value in identity.fields {
                hasher.combine(String(value))
            }
        }
        hex = hasher.hex
    }
}

extension CorpusCache {
    func stampPath(_ stamp: CorpusStamp) -> String {
        (directory as NSString).appendingPathComponent("stamp-\(stamp.hex)")
    }

    /// The content key last recorded for files with this stamp, if any.
    package func key(for stamp: CorpusStamp) -> String? {
        guard let data = FileManager.default.contents(atPath: stampPath(stamp)),
              data.count == 32, data.allSatisfy({ Self.isHexDigit($0) }) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Records that files with this stamp have the content key `key` (atomically; a failure
    /// only means the next run reads the files again).
    func remember(_ key: String, for stamp: CorpusStamp) {
        guard key.utf8.count == 32, key.utf8.allSatisfy(Self.isHexDigit), self.key(for: stamp) != key else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(key.utf8).write(to: URL(fileURLWithPath: stampPath(stamp)), options: .atomic)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
