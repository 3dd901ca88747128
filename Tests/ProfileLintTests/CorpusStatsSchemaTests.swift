import Testing
@testable import ProfileCorpus

@Suite struct CorpusStatsSchemaTests {
    /// Derived from the stored fields on load, so deliberately not in the schema.
    static let derived: Set<String> = ["termIndex", "tagIndex", "titleDocumentFrequency", "tagPostStart", "tagPosts"]

    @Test func schemaListsEveryStoredFieldOnce() {
        let stored = Mirror(reflecting: CorpusStats()).children.compactMap(\.label).filter { !Self.derived.contains($0) }
        let keyPaths = CorpusStats.schema.map(\.storedKeyPath)
        #expect(keyPaths.count == stored.count, "stored fields: \(stored)")
        #expect(Set(keyPaths).count == keyPaths.count)
    }

    @Test func equalityFollowsTheSchemaAndTreatsNaNBudgetsAsEqual() throws {
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        #expect(stats.hourlyMin.contains { $0.isNaN })
        #expect(stats == stats)
        var changed = stats
        changed.duplicates += 1
        #expect(changed != stats)
        changed = stats
        changed.fixedBudget[0] = 12345
        #expect(changed != stats)
    }

    @Test func statisticsWithAFieldOfTheWrongLengthOrABadRowAreNotCached() throws {
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        #expect(stats.isConsistent)
        var short = stats
        short.hourlyMax.removeLast()
        #expect(!short.isConsistent)
        #expect(!short.hasConsistentShape)
        #expect(CorpusCache.encode(short, key: "k") == nil)
        var badRow = stats
        badRow.postTagStart[1] = UInt32(badRow.postTagIDs.count + 1)
        #expect(!badRow.isConsistent)
        #expect(CorpusCache.encode(badRow, key: "k") == nil)
    }
}
