import Foundation
import ProfileModel

/// The on-disk cache of `CorpusStats`, keyed by a hash of the corpus files (paths and bytes),
/// the column map, the cache format version and the analysis version.
///
/// Location: `$PROFILELINT_CACHE_DIR` if set, else `$XDG_CACHE_HOME/profilelint`, else
/// `~/.cache/profilelint`. One file per key, `corpus-<key>.plstats`. The format is a versioned
/// little-endian binary dump with a trailing checksum; a file that is truncated, corrupt or of
/// another version is ignored (and rebuilt), never trusted and never a crash.
public struct CorpusCache: Sendable {
    /// Bump when the layout of the cache file changes (2: `CacheChecksum` instead of a
    /// byte-at-a-time hash; the statistics are written exactly as in 1; 4: each post's currency).
    static let formatVersion: UInt32 = 4
    /// Bump when the analysis (terms, tags, de-duplication, which columns are read) changes
    /// meaning (2: decorated column names such as `description_html` are read; 3: a list
    /// string splits at `;` or `|` before `,`).
    static let analysisVersion = "profilelint-corpus-3"
    static let magic: [UInt8] = Array("PLSTATS\u{0}".utf8)

    package let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The default cache directory (see the type's documentation).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["PROFILELINT_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("profilelint") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/profilelint")
    }

    /// The cache key of a corpus: its files (paths and bytes), the column map and versions.
    package static func key(files: [CorpusFile], columnMap: [String: String], canonicalizer: TagCanonicalizer) -> String {
        var hasher = keyHasher(columnMap: columnMap, canonicalizer: canonicalizer)
        for file in files { combine(file, into: &hasher) }
        return hasher.hex
    }

    /// `key(files:...)` of the files at `paths`, read one at a time (never all in memory).
    static func key(paths: [String], columnMap: [String: String], canonicalizer: TagCanonicalizer,
                    maxFileBytes: Int) throws(CorpusError) -> String {
        var hasher = keyHasher(columnMap: columnMap, canonicalizer: canonicalizer)
        for path in paths {
            for file in try CorpusLoader.read([path], maxFileBytes: maxFileBytes) { combine(file, into: &hasher) }
        }
        return hasher.hex
    }

    /// Adds one file (path and bytes) to a key.
    static func combine(_ file: CorpusFile, into hasher: inout StableHasher) {
        hasher.combine(file.path)
        hasher.combine(String(file.bytes.count))
        hasher.combine(bytes: file.bytes)
    }

    /// A hasher holding every input of the key except the files: versions and column map.
    static func keyHasher(columnMap: [String: String], canonicalizer: TagCanonicalizer) -> StableHasher {
        var hasher = StableHasher()
        hasher.combine(analysisVersion)
        hasher.combine(String(formatVersion))
        hasher.combine(textFingerprint)
        hasher.combine(canonicalizer.fingerprint)
        for (field, column) in columnMap.sorted(by: { $0.key < $1.key }) {
            hasher.combine(field)
            hasher.combine(column)
        }
        return hasher
    }

    /// The analysis of a probe sentence: a change of tokenizer, stemmer or stop words
    /// changes it and so invalidates caches built by an older text layer.
    static let textFingerprint: String = CorpusText.ngrams(
        "Running analyses of the C# and Node.js dashboards, Power BI reports; A/B testing in GA4 by résumé writers, return on investment"
    ).map(\.key).joined(separator: "|")

    /// The file that holds the statistics of `key`.
    package func path(forKey key: String) -> String {
        (directory as NSString).appendingPathComponent("corpus-\(key).plstats")
    }

    /// The cached statistics for `key`, or nil when there are none or they cannot be used.
    package func read(key: String) -> CorpusStats? {
        MappedFile.withBytes(atPath: path(forKey: key)) { Self.decode($0, key: key) }
    }

    /// Stores the statistics (atomically: a temporary file renamed into place). Errors are
    /// returned, not thrown: a cache that cannot be written only costs time. The message names
    /// the cache file and the system's reason.
    @discardableResult
    package func write(_ stats: CorpusStats, key: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let bytes = Self.encode(stats, key: key)
            try Data(bytes).write(to: URL(fileURLWithPath: path(forKey: key)), options: .atomic)
            prune(keeping: path(forKey: key))
            return nil
        } catch {
            return "cannot write the corpus cache '\(path(forKey: key))': \(SystemErrorText.reason(error))"
                + "; the corpus is read in full on every run until it can be"
        }
    }

    // MARK: - Format

    static func encode(_ stats: CorpusStats, key: String) -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes += magic
        writer.u32(formatVersion)
        writer.string(analysisVersion)
        writer.string(key)
        for field in CorpusStats.schema { field.write(stats, to: &writer) }
        let checksum = writer.bytes.withUnsafeBytes(CacheChecksum.of)
        writer.u64(checksum)
        return writer.bytes
    }

    /// Decodes and validates a cache file; nil on any mismatch or inconsistency.
    static func decode(_ bytes: [UInt8], key: String) -> CorpusStats? {
        bytes.withUnsafeBytes { decode($0, key: key) }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, key: String) -> CorpusStats? {
        guard bytes.count >= magic.count + 12 else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 8)])
        var trailer = BinaryReader(bytes: bytes, offset: body.count)
        guard trailer.u64() == CacheChecksum.of(body) else { return nil }
        var reader = BinaryReader(bytes: body)
        guard reader.take(magic.count) == magic, reader.u32() == formatVersion,
              reader.string() == analysisVersion, reader.string() == key else { return nil }
        var stats = CorpusStats()
        for field in CorpusStats.schema {
            guard field.read(from: &reader, into: &stats) else { return nil }
        }
        guard reader.atEnd, stats.isConsistent, stats.buildIndexes() else { return nil }
        return stats
    }
}
