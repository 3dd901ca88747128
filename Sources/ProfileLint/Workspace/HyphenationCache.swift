import Foundation
import ProfileText

/// The hyphenation patterns compiled once and kept in the cache directory beside the corpus
/// statistics, so that a lint reads a compact file instead of parsing the ~11,000 patterns of
/// the system dictionary on every run (`Hyphenator.english`).
///
/// One file per dictionary path, `hyphenation-<hash of the path>.plhyph`: a magic string, the
/// dictionary's path and `FileIdentity` when it was parsed, the payload's length and checksum,
/// then `Hyphenator.compiled()`. An entry that is short, damaged, of another format or written
/// for another state of the dictionary is rebuilt from the dictionary, never trusted; it is
/// written to a temporary file and renamed into place, so concurrent runs see a whole entry or none.
package struct HyphenationCache: Sendable {
    static let magic = Array("PLHYPH01".utf8)
    static let prefix = "hyphenation-", suffix = ".plhyph"
    /// The largest entry read (the US English patterns take about 1 MiB).
    static let maxBytes = 16 << 20

    package let directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// What `Hyphenator.loadEnglish` gives, through the cache.
    package func loadEnglish() -> Hyphenator? {
        for path in Hyphenator.englishPaths {
            if let hyphenator = load(dictionary: path) { return hyphenator }
        }
        return nil
    }

    /// The patterns of the dictionary at `path`: the stored ones when the entry was written
    /// for the file as it is now, else parsed from it (and stored). Nil when the dictionary
    /// cannot be used, as `Hyphenator(contentsOf:)` fails.
    func load(dictionary path: String) -> Hyphenator? {
        guard let identity = FileIdentity(path: path) else { return nil }
        let header = Self.header(dictionary: path, identity: identity)
        if case .success(.whole(let bytes)) = BoundedRead.read(path: entryPath(dictionary: path), limit: Self.maxBytes),
           let payload = Self.payload(of: bytes, header: header), let stored = Hyphenator(compiled: payload) {
            return stored
        }
        guard let parsed = try? Hyphenator(contentsOf: path) else { return nil }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? AtomicFileWriter.write(Self.entry(payload: parsed.compiled(), header: header), to: entryPath(dictionary: path))
        return parsed
    }

    /// Where the entry of the dictionary at `path` is stored.
    /// Removes every compiled-patterns entry (and temporary files a killed run left), for
    /// `profilelint cache clean`; other files in the directory are left alone.
    package func clean() -> (removed: Int, bytes: Int, failures: [String]) {
        CorpusCache.remove(CorpusCache.regularFiles(in: directory) { name in
            (name.hasPrefix(Self.prefix) && name.hasSuffix(Self.suffix))
                || (name.hasPrefix("." + Self.prefix) && name.contains(Self.suffix + ".profilelint-"))
        })
    }

    func entryPath(dictionary path: String) -> String {
        var hasher = StableHasher()
        hasher.combine(path)
        return (directory as NSString).appendingPathComponent(Self.prefix + hasher.hex + Self.suffix)
    }

    /// What an entry for the dictionary at `path`, as `identity` describes it, starts with.
    static func header(dictionary path: String, identity: FileIdentity) -> [UInt8] {
        var header = magic + Array(path.utf8) + [0]
        for field in identity.fields { withUnsafeBytes(of: field.littleEndian) { header += $0 } }
        return header
    }

    /// The bytes of an entry: `header`, the payload's length and checksum, the payload.
    static func entry(payload: [UInt8], header: [UInt8]) -> [UInt8] {
        var bytes = header
        for word in [UInt64(payload.count), EntryChecksum.of(payload[...])] { withUnsafeBytes(of: word.littleEndian) { bytes += $0 } }
        return bytes + payload
    }

    /// The payload of entry `bytes` if they are a whole, undamaged entry starting with `header`.
    static func payload(of bytes: [UInt8], header: [UInt8]) -> ArraySlice<UInt8>? {
        let start = header.count + 16
        guard bytes.count >= start, bytes.starts(with: header) else { return nil }
        let words = bytes.withUnsafeBytes { raw in
            (0..<2).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: header.count + 8 * $0, as: UInt64.self)) }
        }
        let payload = bytes[start...]
        guard words[0] == UInt64(payload.count), words[1] == EntryChecksum.of(payload) else { return nil }
        return payload
    }
}
