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

/// The cache against a plain list of entries stamped with their last use, on random operations.
@Suite struct LRUCacheModelTests {
    @Test func behavesLikeAListStampedWithLastUse() {
        var generator = SystemRandomNumberGenerator()
        for capacity in 1...4 {
            var cache = LRUCache<Int, Int>(capacity: capacity)
            var model: [(key: Int, value: Int, lastUse: Int)] = []
            var clock = 0
            for step in 0..<2_000 {
                let key = Int.random(in: 0..<6, using: &generator)
                clock += 1
                if Bool.random(using: &generator) {
                    let expected = model.firstIndex { $0.key == key }.map { index -> Int in
                        model[index].lastUse = clock
                        return model[index].value
                    }
                    #expect(cache.value(for: key) == expected)
                } else {
                    if let index = model.firstIndex(where: { $0.key == key }) {
                        model[index] = (key, step, clock)
                    } else {
                        if model.count >= capacity, let oldest = model.indices.min(by: { model[$0].lastUse < model[$1].lastUse }) {
                            model.remove(at: oldest)
                        }
                        model.append((key, step, clock))
                    }
                    cache.insert(step, for: key)
                }
                #expect(cache.count == model.count)
            }
            for entry in model { #expect(cache.value(for: entry.key) == entry.value) }
        }
    }
}
