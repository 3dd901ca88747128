import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The example corpus shipped in `examples/jobs`.
enum ExampleCorpus {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/jobs").path

    static func loaded() throws -> LoadedPosts {
        CorpusLoader.load(try CorpusLoader.read(CorpusLoader.filePaths([path])), mapper: try PostFieldMapper())
    }
}

@Suite struct CorpusStatsTests {
    static func posts(_ items: [(String, String, [String], String?)]) -> LoadedPosts {
        LoadedPosts(posts: items.enumerated().map { index, item in
            JobPost(title: item.0, description: item.1, skills: item.2, category: item.3,
                    location: PostLocation(path: "t.jsonl", line: index + 1))
        }, issues: [], duplicates: 0)
    }

    @Test func countsTermsTagsPairsAndCategories() {
        let stats = CorpusStats.build(Self.posts([
            ("Power BI dashboard", "Build a Power BI dashboard for sales.", ["Power BI", "SQL"], "data"),
            ("SQL reports", "Weekly sales reports in SQL and Power BI.", ["SQL", "power bi", "Excel"], "data"),
            ("Flutter app", "A Flutter app for bookings.", ["Flutter"], "mobile"),
        ]))
        #expect(stats.postCount == 3)
        func df(_ key: String) -> UInt32? { stats.termIndex[key].map { stats.documentFrequency[Int($0)] } }
        #expect(df("sale") == 2)
        #expect(df("power bi") == 2)
        #expect(df("power bi dashboard") == nil, "a phrase in one post only is dropped")
        #expect(df("flutter") == 1)
        #expect(df("flutter app") == nil, "a phrase in one post only is dropped")
        // Tags are canonicalized: "Power BI" and "power bi" are one tag, shown as first written.
        let powerBI = stats.tagIndex["powerbi"]
        #expect(powerBI.map { stats.tagFrequency[Int($0)] } == 2)
        #expect(powerBI.map { stats.tagDisplays[Int($0)] } == "Power BI")
        let sql = stats.tagIndex["sql"], excel = stats.tagIndex["excel"], flutter = stats.tagIndex["flutter"]
        if let powerBI, let sql, let excel, let flutter {
            #expect(stats.cooccurrence(powerBI, sql) == 2)
            #expect(stats.cooccurrence(sql, excel) == 1)
            #expect(stats.cooccurrence(flutter, sql) == 0)
        } else {
            Issue.record("tags missing: \(stats.tagKeys)")
        }
        #expect(stats.categories == ["data", "mobile"])
        #expect(stats.postCategory == [0, 0, 1])
        #expect(stats.titleTerms(ofPost: 0).contains(stats.termIndex["dashboard"] ?? .max))
        #expect(!stats.titleTerms(ofPost: 1).contains(stats.termIndex["dashboard"] ?? .max))
        #expect(stats.isConsistent)
    }

    @Test func buildIsIdenticalOnOneThreadAndMany() throws {
        let loaded = try ExampleCorpus.loaded()
        let single = CorpusStats.build(loaded, workers: 1)
        for workers in [2, 3, 8] {
            #expect(CorpusStats.build(loaded, workers: workers) == single)
        }
        #expect(single.postCount == 90)
    }

    @Test func budgetsAndHourlyRanges() throws {
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        let hourly = HourlyRanges(Array(0..<stats.postCount), stats: stats).ranges
        let fixed = stats.fixedBudget.filter { !$0.isNaN }
        #expect(hourly.count + fixed.count == stats.postCount - 1, "every example post but the .txt one has a budget")
        #expect(hourly.contains { $0.min == 30 && $0.max == 50 })
        #expect(fixed.contains(1500))
    }
}

@Suite struct CorpusCacheTests {
    @Test func roundTripsExactly() throws {
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        let bytes = try #require(CorpusCache.encode(stats, key: "k"))
        let decoded = try #require(CorpusCache.decode(bytes, key: "k"))
        #expect(decoded == stats)
        #expect(CorpusCache.decode(bytes, key: "other") == nil)
        // The derived fields read in place answer as the ones built in memory.
        for key in stats.termKeys { #expect(decoded.termIndex[key] == stats.termIndex[key]) }
        for key in stats.tagKeys { #expect(decoded.tagIndex[key] == stats.tagIndex[key]) }
        #expect(decoded.termIndex["no such term"] == nil)
        #expect(decoded.titleDocumentFrequency == stats.titleDocumentFrequency)
    }

    @Test func aCacheWithTwoTermsOfOneKeyIsNotWritten() throws {
        var stats = CorpusStats.build(try ExampleCorpus.loaded())
        try #require(stats.termKeys.count >= 2)
        stats.termKeys[1] = stats.termKeys[0]
        #expect(CorpusCache.encode(stats, key: "k") == nil)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plcache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let problem = try #require(CorpusCache(directory: directory).write(stats, key: "k"))
        #expect(problem.contains("the corpus statistics are inconsistent"))
        // No temporary file is left behind.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: directory)) == [])
    }

    @Test func aCacheFileIsReadFromDiskAsWritten() throws {
        let corpus = try TemporaryCorpus(["jobs.jsonl": "{\"title\": \"One\", \"description\": \"x\"}\n"])
        defer { corpus.remove() }
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        let cache = CorpusCache(directory: corpus.path(".cache"))
        #expect(cache.write(stats, key: "k") == nil)
        #expect(cache.open(key: "k")?.stats == stats)
        #expect(cache.open(key: "missing") == nil)
        try Data().write(to: URL(fileURLWithPath: cache.path(forKey: "empty")))
        #expect(cache.open(key: "empty") == nil)
    }

    @Test func aCacheThatCannotBeWrittenSaysWhereAndWhyInTheSystemsWords() throws {
        let corpus = try TemporaryCorpus(["jobs.jsonl": "{\"title\": \"One\", \"description\": \"x\"}\n"])
        defer { corpus.remove() }
        // The cache directory would sit under a regular file.
        let cache = CorpusCache(directory: corpus.path("jobs.jsonl") + "/cache")
        let problem = try #require(cache.write(CorpusStats.build(try ExampleCorpus.loaded()), key: "k"))
        #expect(problem == "cannot write the corpus cache '\(cache.path(forKey: "k"))': Not a directory; the corpus is read in full on every run until it can be")
        // Loading still works; the trouble is a plain warning, not a finding at a post.
        let loaded = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        #expect(loaded.issues.isEmpty)
        #expect(loaded.cacheWarnings.count == 1)
        #expect(loaded.cacheWarnings.first?.contains("NSCocoaErrorDomain") == false)
    }

    @Test func systemErrorTextGivesTheOperatingSystemsReason() throws {
        #expect(SystemErrorText.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))) == "Permission denied")
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: 512,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(SystemErrorText.reason(wrapped) == "No space left on device")
        let bare = SystemErrorText.reason(NSError(domain: NSCocoaErrorDomain, code: 512))
        #expect(!bare.contains("ErrorDomain"), "\(bare)")
        #expect(!bare.isEmpty)
    }

    @Test func secondLoadReadsTheCacheAndAChangedFileInvalidatesIt() throws {
        let corpus = try TemporaryCorpus([
            "jobs.jsonl": "{\"title\": \"Power BI dashboard\", \"description\": \"sales\"}\n{\"title\": \"Flutter app\", \"description\": \"bookings\"}\n",
        ])
        defer { corpus.remove() }
        let cache = CorpusCache(directory: corpus.path(".cache"))
        let first = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        #expect(!first.fromCache)
        let second = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        #expect(second.fromCache)
        #expect(second.stats == first.stats)
        // A different column map is a different cache entry.
        #expect(try !Corpus.load(paths: [corpus.path("jobs.jsonl")], columnMap: ["title": "description"], cache: cache).fromCache)

        try Data("{\"title\": \"Power BI dashboard\", \"description\": \"sales\"}\n".utf8)
            .write(to: URL(fileURLWithPath: corpus.path("jobs.jsonl")))
        let changed = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        #expect(!changed.fromCache)
        #expect(changed.stats.postCount == 1)
        #expect(try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache).fromCache)
    }

    @Test func corruptCacheFileIsRebuilt() throws {
        let corpus = try TemporaryCorpus(["jobs.jsonl": "{\"title\": \"One\", \"description\": \"x\"}\n"])
        defer { corpus.remove() }
        let cache = CorpusCache(directory: corpus.path(".cache"))
        let first = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.directory)
        #expect(entries.filter { $0.hasPrefix("corpus-") }.count == 1)
        // Replaced by renaming (as the cache replaces its files): `first` still reads its mapped file.
        for entry in entries {
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: (cache.directory as NSString).appendingPathComponent(entry)),
                                           options: .atomic)
        }
        let rebuilt = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.stats == first.stats)
        #expect(try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache).fromCache)
    }

    @Test func aSameSizeRewriteWithItsOldModificationTimeIsStillSeen() throws {
        let corpus = try TemporaryCorpus(["jobs.jsonl": "{\"title\": \"Power BI dashboard\", \"description\": \"sales\"}\n"])
        defer { corpus.remove() }
        let path = corpus.path("jobs.jsonl")
        let cache = CorpusCache(directory: corpus.path(".cache"))
        #expect(try !Corpus.load(paths: [path], cache: cache).fromCache)
        let stamp = try #require(CorpusStamp(paths: [path], columnMap: [:], canonicalizer: TagCanonicalizer()))
        #expect(cache.key(for: stamp) != nil)
        #expect(try Corpus.load(paths: [path], cache: cache).fromCache)

        // Same size, modification time set back: the status-change time still tells them apart.
        let modified = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        try Data("{\"title\": \"Flutter mobile app\", \"description\": \"sales\"}\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let changed = try Corpus.load(paths: [path], cache: cache)
        #expect(!changed.fromCache)
        #expect(changed.stats.titles == ["Flutter mobile app"])
        #expect(try Corpus.load(paths: [path], cache: cache).stats.titles == ["Flutter mobile app"])
    }

    @Test func aGarbledStampIsIgnored() throws {
        let corpus = try TemporaryCorpus(["jobs.jsonl": "{\"title\": \"One\", \"description\": \"x\"}\n"])
        defer { corpus.remove() }
        let path = corpus.path("jobs.jsonl")
        let cache = CorpusCache(directory: corpus.path(".cache"))
        _ = try Corpus.load(paths: [path], cache: cache)
        let stamp = try #require(CorpusStamp(paths: [path], columnMap: [:], canonicalizer: TagCanonicalizer()))
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: cache.stampPath(stamp)))
        #expect(cache.key(for: stamp) == nil)
        // The files are read and hashed again: still a cache hit, and the stamp is repaired.
        #expect(try Corpus.load(paths: [path], cache: cache).fromCache)
        #expect(cache.key(for: stamp) != nil)
    }

    @Test func loadIssuesAreReplayedFromTheCache() throws {
        let corpus = try TemporaryCorpus(["jobs.jsonl": "{\"title\": \"One\", \"description\": \"x\"}\nnot json\n"])
        defer { corpus.remove() }
        let cache = CorpusCache(directory: corpus.path(".cache"))
        let first = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        let second = try Corpus.load(paths: [corpus.path("jobs.jsonl")], cache: cache)
        #expect(second.fromCache)
        #expect(first.issues.count == 1)
        #expect(second.issues == first.issues)
    }

    @Test func defaultDirectoryFollowsTheEnvironment() {
        #expect(CorpusCache.defaultDirectory(environment: ["PROFILELINT_CACHE_DIR": "/x"]) == "/x")
        #expect(CorpusCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/profilelint")
        #expect(CorpusCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/profilelint")
    }
}
