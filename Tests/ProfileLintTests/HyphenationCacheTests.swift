import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileText

/// The compiled hyphenation patterns kept in the cache directory: used while the dictionary is
/// unchanged, rebuilt (never trusted) when the entry is damaged, foreign or stale.
@Suite struct HyphenationCacheTests {
    /// A scratch directory holding a small dictionary and the cache.
    struct Scratch {
        let root: URL
        var dictionary: String { root.appendingPathComponent("hyph_test.dic").path }
        var cache: HyphenationCache { HyphenationCache(directory: root.appendingPathComponent("cache").path) }
        var entry: String { cache.entryPath(dictionary: dictionary) }

        init(patterns: String = "UTF-8\n1ba\na1n\n2nb\n.ex5\n") throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("hyphenation-cache-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try write(patterns)
        }

        func write(_ patterns: String) throws {
            try Data(patterns.utf8).write(to: URL(fileURLWithPath: dictionary))
        }

        func entryBytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: entry))) }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let words = ["banana", "banban", "exam", "example", "abnab"]

    func points(_ hyphenator: Hyphenator?) -> [[Int]] { Self.words.map { hyphenator?.points(in: $0) ?? [-1] } }

    @Test func firstLoadStoresTheCompiledPatternsAndLaterLoadsUseThem() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let parsed = try Hyphenator(contentsOf: scratch.dictionary)
        #expect(points(scratch.cache.load(dictionary: scratch.dictionary)) == points(parsed))
        let stored = try scratch.entryBytes()
        // An entry whose header matches is used as it is: replace its payload with other
        // (well-formed, checksummed) patterns and the load returns those.
        let other = try Scratch(patterns: "UTF-8\n1n\n")
        defer { other.remove() }
        let otherPatterns = try Hyphenator(contentsOf: other.dictionary)
        let header = HyphenationCache.header(dictionary: scratch.dictionary, identity: try #require(FileIdentity(path: scratch.dictionary)))
        #expect(stored.starts(with: header))
        try Data(HyphenationCache.entry(payload: otherPatterns.compiled(), header: header)).write(to: URL(fileURLWithPath: scratch.entry))
        #expect(points(scratch.cache.load(dictionary: scratch.dictionary)) == points(otherPatterns))
        #expect(points(otherPatterns) != points(parsed))
    }

    @Test func aChangedDictionaryIsParsedAgain() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = scratch.cache.load(dictionary: scratch.dictionary)
        try scratch.write("UTF-8\n1n\n")
        let changed = try Hyphenator(contentsOf: scratch.dictionary)
        #expect(points(scratch.cache.load(dictionary: scratch.dictionary)) == points(changed))
        #expect(try Hyphenator(compiled: scratch.entryBytes().suffix(changed.compiled().count))?.compiled() == changed.compiled())
    }

    /// Truncations, flipped bits and foreign files: the load gives what parsing gives, and the
    /// entry is written again whole.
    @Test func damagedAndForeignEntriesAreRebuilt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let expected = points(try Hyphenator(contentsOf: scratch.dictionary))
        _ = scratch.cache.load(dictionary: scratch.dictionary)
        let whole = try scratch.entryBytes()
        // Every byte of the header, length and checksum; every fifth of the payload (each write syncs the file).
        let payloadStart = whole.count - (try Hyphenator(contentsOf: scratch.dictionary)).compiled().count
        let indices = Array(0..<payloadStart) + Array(stride(from: payloadStart, to: whole.count, by: 5))
        var damages: [[UInt8]] = indices.map { Array(whole.prefix($0)) }
        for index in indices {
            var flipped = whole
            flipped[index] ^= UInt8(1 << (index % 8))
            damages.append(flipped)
        }
        damages += [Array("not a cache entry".utf8), [UInt8](repeating: 0, count: whole.count), whole + [0]]
        for damaged in damages {
            try Data(damaged).write(to: URL(fileURLWithPath: scratch.entry))
            #expect(points(scratch.cache.load(dictionary: scratch.dictionary)) == expected)
            #expect(try scratch.entryBytes() == whole)
        }
    }

    @Test func aMissingOrUnusableDictionaryGivesNothing() throws {
        let scratch = try Scratch(patterns: "KOI8-R\n1ba\n")
        defer { scratch.remove() }
        #expect(scratch.cache.load(dictionary: scratch.dictionary) == nil)
        #expect(scratch.cache.load(dictionary: scratch.root.appendingPathComponent("missing.dic").path) == nil)
        #expect(!FileManager.default.fileExists(atPath: scratch.entry))
    }

    @Test func theEnglishPatternsLoadAsWithoutTheCache() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let direct = Hyphenator.loadEnglish()
        let words = ["readability", "hyphenation", "characteristically", "responsibilities"]
        for _ in 0..<2 {  // the first load writes the entry, the second reads it
            let cached = scratch.cache.loadEnglish()
            #expect(words.map { cached?.points(in: $0) } == words.map { direct?.points(in: $0) })
        }
    }
}
