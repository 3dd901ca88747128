import Testing
@testable import ProfileCorpus

@Suite struct LRUCacheTests {
    @Test func evictsTheLeastRecentlyUsedEntry() {
        var cache = LRUCache<String, Int>(capacity: 2)
        cache.insert(1, for: "a")
        cache.insert(2, for: "b")
        #expect(cache.value(for: "a") == 1) // "b" is now the least recently used
        cache.insert(3, for: "c")
        #expect(cache.count == 2)
        #expect(cache.value(for: "b") == nil)
        #expect(cache.value(for: "a") == 1)
        #expect(cache.value(for: "c") == 3)
        cache.insert(4, for: "c") // replacing a key evicts nothing
        #expect(cache.count == 2)
        #expect(cache.value(for: "a") == 1)
    }

    @Test func theFitMemoStaysBounded() throws {
        let corpus = Corpus(stats: CorpusStats.build(try ExampleCorpus.loaded()))
        let queries = (0..<(Corpus.fitMemoCapacity * 2)).map {
            FitQuery(tags: [], words: [UInt32($0 % corpus.stats.termKeys.count)], unknownWords: $0)
        }
        let first = corpus.fit(queries[0])
        for query in queries { _ = corpus.fit(query) }
        #expect(corpus.memoizedFitCount == Corpus.fitMemoCapacity)
        let again = corpus.fit(queries[0]) // recomputed after eviction: the same answer
        #expect(again.posts == first.posts && again.scores == first.scores)
    }
}
