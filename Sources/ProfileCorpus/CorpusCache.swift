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
    /// Bump when the layout of the cache file changes.
    public static let formatVersion: UInt32 = 2
    /// Bump when the analysis (terms, tags, de-duplication) changes meaning.
    public static let analysisVersion = "profilelint-corpus-1"
    static let magic: [UInt8] = Array("PLSTATS\u{0}".utf8)

    public let directory: String

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
    public static func key(files: [CorpusFile], columnMap: [String: String], canonicalizer: TagCanonicalizer) -> String {
        var hasher = StableHasher()
        hasher.combine(analysisVersion)
        hasher.combine(String(formatVersion))
        hasher.combine(textFingerprint)
        hasher.combine(canonicalizer.fingerprint)
        for (field, column) in columnMap.sorted(by: { $0.key < $1.key }) {
            hasher.combine(field)
            hasher.combine(column)
        }
        for file in files {
            hasher.combine(file.path)
            hasher.combine(String(file.bytes.count))
            hasher.combine(bytes: file.bytes)
        }
        return hasher.hex
    }

    /// The analysis of a probe sentence: a change of tokenizer, stemmer or stop words
    /// changes it and so invalidates caches built by an older text layer.
    static let textFingerprint: String = CorpusText.ngrams(
        "Running analyses of the C# and Node.js dashboards, Power BI reports; A/B testing in GA4 by résumé writers, return on investment"
    ).map(\.key).joined(separator: "|")

    func path(forKey key: String) -> String {
        (directory as NSString).appendingPathComponent("corpus-\(key).plstats")
    }

    /// The cached statistics for `key`, or nil when there are none or they cannot be used.
    public func read(key: String) -> CorpusStats? {
        guard let data = FileManager.default.contents(atPath: path(forKey: key)) else { return nil }
        return Self.decode(Array(data), key: key)
    }

    /// Stores the statistics (atomically: a temporary file renamed into place). Errors are
    /// returned, not thrown: a cache that cannot be written only costs time.
    @discardableResult
    public func write(_ stats: CorpusStats, key: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let bytes = Self.encode(stats, key: key)
            try Data(bytes).write(to: URL(fileURLWithPath: path(forKey: key)), options: .atomic)
            return nil
        } catch {
            return "cannot write the corpus cache in '\(directory)': \(error.localizedDescription)"
        }
    }

    // MARK: - Format

    static func encode(_ stats: CorpusStats, key: String) -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes += magic
        writer.u32(formatVersion)
        writer.string(analysisVersion)
        writer.string(key)
        writer.strings(stats.titles)
        writer.strings(stats.files)
        writer.u32s(stats.postFile)
        writer.u32s(stats.postLine)
        writer.strings(stats.postIDs)
        writer.strings(stats.postURLs)
        writer.strings(stats.termKeys)
        writer.strings(stats.termDisplays)
        writer.u8s(stats.termLengths)
        writer.u32s(stats.documentFrequency)
        writer.u32s(stats.postTermStart)
        writer.u32s(stats.postTermIDs)
        writer.u16s(stats.postTermCounts)
        writer.u32s(stats.postLength)
        writer.u32s(stats.titleTermStart)
        writer.u32s(stats.titleTermIDs)
        writer.strings(stats.tagKeys)
        writer.strings(stats.tagDisplays)
        writer.u32s(stats.tagFrequency)
        writer.u32s(stats.postTagStart)
        writer.u32s(stats.postTagIDs)
        writer.u64s(stats.tagPairs)
        writer.u32s(stats.tagPairCounts)
        writer.strings(stats.categories)
        writer.u32s(stats.postCategory.map { UInt32(bitPattern: $0) })
        writer.u64s(stats.hourlyMin.map(\.bitPattern))
        writer.u64s(stats.hourlyMax.map(\.bitPattern))
        writer.u64s(stats.fixedBudget.map(\.bitPattern))
        writer.u32(UInt32(stats.issues.count))
        for issue in stats.issues {
            writer.string(issue.location.path)
            writer.u32(UInt32(issue.location.line))
            writer.u32(UInt32(issue.location.column))
            writer.string(issue.severity.rawValue)
            writer.string(issue.message)
        }
        writer.u32(UInt32(stats.duplicates))
        var hasher = StableHasher()
        hasher.combine(bytes: writer.bytes)
        writer.u64(hasher.first)
        return writer.bytes
    }

    /// Decodes and validates a cache file; nil on any mismatch or inconsistency.
    static func decode(_ bytes: [UInt8], key: String) -> CorpusStats? {
        guard bytes.count >= magic.count + 12 else { return nil }
        var hasher = StableHasher()
        hasher.combine(bytes: bytes[0..<(bytes.count - 8)])
        var trailer = BinaryReader(bytes: bytes, offset: bytes.count - 8)
        guard trailer.u64() == hasher.first else { return nil }
        var reader = BinaryReader(bytes: Array(bytes[0..<(bytes.count - 8)]), offset: 0)
        guard reader.take(magic.count).map(Array.init) == magic, reader.u32() == formatVersion,
              reader.string() == analysisVersion, reader.string() == key else { return nil }
        guard let titles = reader.strings(), let files = reader.strings(), let postFile = reader.u32s(),
              let postLine = reader.u32s(), let postIDs = reader.strings(), let postURLs = reader.strings(),
              let termKeys = reader.strings(), let termDisplays = reader.strings(),
              let termLengths = reader.u8s(), let documentFrequency = reader.u32s(), let postTermStart = reader.u32s(),
              let postTermIDs = reader.u32s(), let postTermCounts = reader.u16s(), let postLength = reader.u32s(),
              let titleTermStart = reader.u32s(), let titleTermIDs = reader.u32s(), let tagKeys = reader.strings(),
              let tagDisplays = reader.strings(), let tagFrequency = reader.u32s(), let postTagStart = reader.u32s(),
              let postTagIDs = reader.u32s(), let tagPairs = reader.u64s(), let tagPairCounts = reader.u32s(),
              let categories = reader.strings(), let postCategory = reader.u32s(), let hourlyMin = reader.u64s(),
              let hourlyMax = reader.u64s(), let fixedBudget = reader.u64s(), let issueCount = reader.u32()
        else { return nil }
        var issues: [CorpusIssue] = []
        for _ in 0..<issueCount {
            guard let path = reader.string(), let line = reader.u32(), let column = reader.u32(),
                  let severity = reader.string().flatMap(Severity.init(rawValue:)), let message = reader.string() else { return nil }
            issues.append(CorpusIssue(PostLocation(path: path, line: Int(line), column: Int(column)), message, severity: severity))
        }
        guard let duplicates = reader.u32(), reader.atEnd else { return nil }
        var stats = CorpusStats(
            titles: titles, files: files, postFile: postFile, postLine: postLine, postIDs: postIDs, postURLs: postURLs,
            termKeys: termKeys,
            termDisplays: termDisplays, termLengths: termLengths, documentFrequency: documentFrequency,
            postTermStart: postTermStart, postTermIDs: postTermIDs, postTermCounts: postTermCounts,
            postLength: postLength, titleTermStart: titleTermStart, titleTermIDs: titleTermIDs, tagKeys: tagKeys,
            tagDisplays: tagDisplays, tagFrequency: tagFrequency, postTagStart: postTagStart, postTagIDs: postTagIDs,
            tagPairs: tagPairs, tagPairCounts: tagPairCounts, categories: categories,
            postCategory: postCategory.map { Int32(bitPattern: $0) }, hourlyMin: hourlyMin.map(Double.init(bitPattern:)),
            hourlyMax: hourlyMax.map(Double.init(bitPattern:)), fixedBudget: fixedBudget.map(Double.init(bitPattern:)),
            issues: issues, duplicates: Int(duplicates))
        guard stats.isConsistent else { return nil }
        stats.buildIndexes()
        return stats
    }
}

extension CorpusStats {
    /// Whether every array has the length and every index the range the accessors rely on.
    var isConsistent: Bool {
        let posts = titles.count, terms = termKeys.count, tags = tagKeys.count
        func rows(_ start: [UInt32], _ ids: [UInt32], bound: Int) -> Bool {
            start.count == posts + 1 && start.first == 0 && Int(start.last ?? 1) == ids.count
                && zip(start, start.dropFirst()).allSatisfy { $0 <= $1 } && ids.allSatisfy { Int($0) < bound }
        }
        return [postFile.count, postLine.count, postIDs.count, postURLs.count, postLength.count, postCategory.count, hourlyMin.count,
                hourlyMax.count, fixedBudget.count].allSatisfy { $0 == posts }
            && [termDisplays.count, termLengths.count, documentFrequency.count].allSatisfy { $0 == terms }
            && [tagDisplays.count, tagFrequency.count].allSatisfy { $0 == tags }
            && postFile.allSatisfy { Int($0) < files.count }
            && postCategory.allSatisfy { $0 >= -1 && Int($0) < categories.count }
            && rows(postTermStart, postTermIDs, bound: terms) && postTermCounts.count == postTermIDs.count
            && rows(titleTermStart, titleTermIDs, bound: terms) && rows(postTagStart, postTagIDs, bound: tags)
            && tagPairs.count == tagPairCounts.count
            && tagPairs.allSatisfy { Int($0 >> 32) < tags && Int($0 & 0xFFFF_FFFF) < tags }
            && Set(termKeys).count == terms && Set(tagKeys).count == tags
    }
}

/// Appends little-endian values.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes += value.utf8
    }
    mutating func strings(_ values: [String]) {
        u32(UInt32(values.count))
        for value in values { string(value) }
    }
    mutating func u8s(_ values: [UInt8]) {
        u32(UInt32(values.count))
        bytes += values
    }
    mutating func u16s(_ values: [UInt16]) {
        u32(UInt32(values.count))
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    }
    mutating func u32s(_ values: [UInt32]) {
        u32(UInt32(values.count))
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { u32(value) }
    }
    mutating func u64s(_ values: [UInt64]) {
        u32(UInt32(values.count))
        for value in values { u64(value) }
    }
}

/// Reads little-endian values; every read returns nil past the end instead of trapping.
struct BinaryReader {
    let bytes: [UInt8]
    var offset: Int

    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    private mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard let slice = take(MemoryLayout<T>.size) else { return nil }
        var value: T = 0
        for (shift, byte) in slice.enumerated() { value |= T(byte) << (8 * shift) }
        return value
    }

    mutating func u32() -> UInt32? { integer(UInt32.self) }
    mutating func u64() -> UInt64? { integer(UInt64.self) }

    mutating func string() -> String? {
        guard let length = u32(), let slice = take(Int(length)) else { return nil }
        return String(decoding: slice, as: UTF8.self)
    }

    /// An array count, checked against the bytes left so a corrupt count cannot allocate huge arrays.
    private mutating func count(elementSize: Int) -> Int? {
        guard let count = u32().map(Int.init), count * elementSize <= bytes.count - offset else { return nil }
        return count
    }

    mutating func strings() -> [String]? {
        guard let count = count(elementSize: 4) else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func u8s() -> [UInt8]? {
        guard let count = count(elementSize: 1), let slice = take(count) else { return nil }
        return Array(slice)
    }

    mutating func u16s() -> [UInt16]? {
        guard let count = count(elementSize: 2) else { return nil }
        return (0..<count).compactMap { _ in integer(UInt16.self) }
    }

    mutating func u32s() -> [UInt32]? {
        guard let count = count(elementSize: 4), let slice = take(count * 4) else { return nil }
        return slice.withUnsafeBytes { raw in
            (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }

    mutating func u64s() -> [UInt64]? {
        guard let count = count(elementSize: 8), let slice = take(count * 8) else { return nil }
        return slice.withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }
}
