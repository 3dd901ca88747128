#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ProfileModel

/// The on-disk cache of `CorpusStats`, keyed by a hash of the corpus files (paths and bytes),
/// the column map, the cache format version and the analysis version.
///
/// Location: `$PROFILELINT_CACHE_DIR` if set, else `$XDG_CACHE_HOME/profilelint`, else
/// `~/.cache/profilelint`. One file per key, `corpus-<key>.plstats`, mapped into memory and
/// used in place (see `CorpusCache+Format.swift` for the layout); a file that is truncated, of
/// another version or with a damaged header is ignored (and rebuilt), and damage inside its
/// sections gives wrong numbers at worst, never a crash or a read out of bounds.
public struct CorpusCache: Sendable {
    /// Bump when the layout of the cache file changes (2: `CacheChecksum` instead of a
    /// byte-at-a-time hash; the statistics are written exactly as in 1; 4: each post's currency;
    /// 5: sections mapped in place, with the key indexes, the tag postings and the BM25 index; 6: each
    /// post's language).
    static let formatVersion: UInt32 = 6
    /// Bump when the analysis (terms, tags, de-duplication, which columns are read) changes
    /// meaning (2: decorated column names such as `description_html` are read; 3: a list
    /// string splits at `;` or `|` before `,`; 4: amount ranges, decimal commas and the `rate`
    /// column; 5: whether a post's hourly amount is a freelancer's own rate; files that are not UTF-8
    /// decoded; 6: BM25's idf floor is positive; 7: `required` and `needed` decorate a column
    /// name, so `skills_required` is read as the skills, and nested objects give `key.field`; 8: each
    /// post's language; 9: `keywords`, `skill_set`, `technologies` and `tech_stack` columns are skills).
    static let analysisVersion = "profilelint-corpus-9"

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

    /// The cached statistics for `key` and their BM25 index, read in place from the mapped
    /// file; nil when there are none or they cannot be used.
    package func open(key: String) -> CachedCorpus? {
        MappedFile(path: path(forKey: key)).flatMap { Self.open($0, key: key) }
    }

    /// Stores the statistics (atomically: written section by section to a temporary file in
    /// the cache directory, renamed into place). Errors are returned, not thrown: a cache that
    /// cannot be written only costs time. The message names the cache file and the reason.
    @discardableResult
    package func write(_ stats: CorpusStats, key: String) -> String? {
        let target = path(forKey: key)
        let temporary = (directory as NSString).appendingPathComponent(".corpus-\(key).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let descriptor = try CacheFileWriter.create(temporary)
            defer { close(descriptor) }
            var file = CacheFileWriter(descriptor: descriptor, headerBytes: Self.headerBytes(key: key))
            try Self.write(stats, key: key, to: &file)
            guard rename(temporary, target) == 0 else { throw CacheFileWriter.Failure(reason: String(cString: strerror(errno))) }
            prune(keeping: target)
            return nil
        } catch {
            unlink(temporary)
            let reason = (error as? CacheFileWriter.Failure)?.reason ?? SystemErrorText.reason(error)
            return "cannot write the corpus cache '\(target)': \(reason)"
                + "; the corpus is read in full on every run until it can be"
        }
    }

    /// The bytes of a cache file of `stats` (tests compare builds by them; the fuzzer damages
    /// them); nil when the statistics cannot be cached (they are not consistent).
    package static func encode(_ stats: CorpusStats, key: String) -> [UInt8]? {
        var file = CacheFileWriter(descriptor: nil, headerBytes: headerBytes(key: key))
        do {
            try write(stats, key: key, to: &file)
        } catch {
            return nil
        }
        return file.memory
    }

    /// Opens cache bytes as `open(key:)` opens a file (tests and the fuzzer: the bytes are copied).
    package static func open(bytes: [UInt8], key: String) -> CachedCorpus? {
        MappedFile(copying: bytes).flatMap { open($0, key: key) }
    }

    static func decode(_ bytes: [UInt8], key: String) -> CorpusStats? {
        open(bytes: bytes, key: key)?.stats
    }
}

/// Statistics read from the cache with their BM25 index.
package struct CachedCorpus: Sendable {
    package let stats: CorpusStats
    package let bm25: BM25
}
