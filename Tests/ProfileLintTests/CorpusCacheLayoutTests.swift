import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel

/// The cache file is used in place: a truncated or foreign file, or one whose header or section
/// table is damaged, is refused when opened; damage inside a section can give wrong numbers but
/// never a crash or a read outside the file.
@Suite struct CorpusCacheLayoutTests {
    static let stats: CorpusStats = {
        do {
            return CorpusStats.build(try ExampleCorpus.loaded())
        } catch {
            fatalError("the example corpus does not load: \(error)")
        }
    }()

    static let bytes: [UInt8] = CorpusCache.encode(stats, key: "k") ?? []

    /// Where the section table starts: magic, version, section count, file size, then the
    /// analysis version and the key (length-prefixed).
    static let tableOffset = 8 + 4 + 4 + 8 + 4 + CorpusCache.analysisVersion.utf8.count + 4 + 1

    /// The header's end (its checksum's offset).
    static let checksumOffset = tableOffset + 24 * CorpusCache.sectionCount

    /// `bytes` with the header checksum computed again (a damaged table that passes the checksum).
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let checksum = bytes.withUnsafeBytes { CacheChecksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<checksumOffset])) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(checksumOffset..<(checksumOffset + 8), with: $0) }
        return bytes
    }

    static func setTable(_ bytes: [UInt8], section: Int, field: Int, to value: UInt64) -> [UInt8] {
        var bytes = bytes
        let at = tableOffset + 24 * section + 8 * field
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at..<(at + 8), with: $0) }
        return resealed(bytes)
    }

    @Test func everyTruncationIsRefused() throws {
        try #require(Self.bytes.count > 1000)
        #expect(CorpusCache.decode(Self.bytes, key: "k") != nil)
        for length in stride(from: 0, to: Self.bytes.count, by: 97) + [Self.bytes.count - 1] {
            #expect(CorpusCache.decode(Array(Self.bytes.prefix(length)), key: "k") == nil, "\(length) bytes")
        }
        #expect(CorpusCache.decode(Self.bytes + [0], key: "k") == nil, "a byte too many")
    }

    @Test func everyBitFlipInTheHeaderIsRefused() {
        for index in 0..<(Self.checksumOffset + 8) {
            for bit in 0..<8 {
                var changed = Self.bytes
                changed[index] ^= 1 << bit
                #expect(CorpusCache.decode(changed, key: "k") == nil, "byte \(index), bit \(bit)")
            }
        }
    }

    @Test func aSectionOutsideTheFileMisalignedOrOfTheWrongLengthIsRefused() throws {
        #expect(CorpusCache.decode(Self.resealed(Self.bytes), key: "k") != nil, "resealing alone changes nothing")
        let size = UInt64(Self.bytes.count)
        for section in 0..<CorpusCache.sectionCount {
            #expect(CorpusCache.decode(Self.setTable(Self.bytes, section: section, field: 0, to: size + 8), key: "k") == nil)
            #expect(CorpusCache.decode(Self.setTable(Self.bytes, section: section, field: 1, to: size), key: "k") == nil)
            #expect(CorpusCache.decode(Self.setTable(Self.bytes, section: section, field: 0, to: 4), key: "k") == nil)
            #expect(CorpusCache.decode(Self.setTable(Self.bytes, section: section, field: 2, to: size), key: "k") == nil)
        }
        // A column one element short (the titles: one post fewer than the other columns).
        let titles = Self.bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: Self.tableOffset + 16, as: UInt64.self) }
        #expect(CorpusCache.decode(Self.setTable(Self.bytes, section: 0, field: 2, to: titles - 1), key: "k") == nil)
    }

    @Test func aForeignFileIsRefused() {
        var other = Self.bytes
        other.replaceSubrange(0..<8, with: Array("PK\u{3}\u{4}....".utf8))
        #expect(CorpusCache.decode(other, key: "k") == nil)
        #expect(CorpusCache.decode(Array(repeating: 0, count: Self.bytes.count), key: "k") == nil)
        #expect(CorpusCache.decode([], key: "k") == nil)
    }

    /// `bytes` with every third byte inside the sections set to `fill`, except what opening a
    /// file checks (the first and last row starts and string offsets, and the loading problems,
    /// which are decoded whole): damage that the cheap checks cannot see.
    static func damaged(_ bytes: [UInt8], fill: UInt8) -> [UInt8] {
        let issues = CorpusStats.schema.firstIndex { $0.storedKeyPath == \CorpusStats.issues }
        var damaged = bytes
        for section in 0..<CorpusCache.sectionCount where section != issues {
            let entry = bytes.withUnsafeBytes { raw in
                (0..<3).map { Int(raw.loadUnaligned(fromByteOffset: tableOffset + 24 * section + 8 * $0, as: UInt64.self)) }
            }
            let (offset, size, count) = (entry[0], entry[1], entry[2])
            let kept = [offset..<(offset + 8), (offset + size - 8)..<(offset + size), (offset + 8 * count)..<(offset + 8 * count + 8)]
            for index in stride(from: offset, to: offset + size, by: 3) where !kept.contains(where: { $0.contains(index) }) {
                damaged[index] = fill
            }
        }
        return damaged
    }

    /// Sections overwritten with a pattern of large values (ids, offsets and counts far out of
    /// range): the file opens (its header is intact) and everything the lint reads stays in
    /// range, and a lint of the example profiles with every built-in rule completes.
    @Test(arguments: [UInt8(0xFF), 0x7F, 0x01])
    func damageInsideTheSectionsIsReadInBounds(fill: UInt8) throws {
        let damaged = Self.damaged(Self.bytes, fill: fill)
        #expect(damaged != Self.bytes)
        let file = try #require(MappedFile(copying: damaged))
        let cached = try #require(CorpusCache.open(file, key: "k"))
        let stats = cached.stats
        #expect(stats.postCount == Self.stats.postCount)
        for post in 0..<stats.postCount {
            #expect(stats.tags(ofPost: post).allSatisfy { Int($0) < stats.tagKeys.count })
            #expect(stats.terms(ofPost: post).ids.allSatisfy { Int($0) < stats.termKeys.count })
            #expect(stats.titleTerms(ofPost: post).allSatisfy { Int($0) < stats.termKeys.count })
            _ = stats.location(ofPost: post)
        }
        for key in Self.stats.termKeys { #expect(stats.termIndex[key].map { Int($0) < stats.termKeys.count } ?? true) }
        #expect(cached.bm25.scores([0, 1, 2], stats: stats).count == stats.postCount)
        let corpus = Corpus(stats: stats, bm25: cached.bm25, fromCache: true)
        let rules = try RulePack.load([RulePack.builtIn])
        let session = try LintSession(rules: rules.rules, skillAliases: rules.skillAliases, configuration: nil)
        for name in ["strong-profile.yaml", "weak-profile.yaml"] {
            let path = (ExampleCorpus.path as NSString).deletingLastPathComponent + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let result = Linter(ruleSet: session.ruleSet, corpus: corpus).lint(SourceFile(path: name, text: text), insights: true)
            #expect(!result.diagnostics.isEmpty, "the profile was linted")
        }
    }
}
