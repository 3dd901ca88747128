import Testing
@testable import ProfileCorpus

/// The memo of what the corpus rules derive from a fit: a second ask is answered from it, a
/// different ask is not, it stays bounded, and characteristic terms read from the fit's term
/// counts (counting and looking only at the terms and phrases that can matter) equal those that
/// count every term and look at every phrase.
@Suite struct CorpusMemoTests {
    @Test func characteristicTermsEqualThoseThatReadEveryPhrase() {
        var phrases = 0
        for seed in CorpusFitIndexTests.seeds {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: 90))
            let fit = CorpusFitIndexTests.fit(random.subset(of: corpus.stats.postCount), corpus.stats)
            guard fit.count > 0 else { continue }
            for round in 0..<8 {
                let key = Corpus.CharacteristicTermsKey(
                    posts: fit.postsKey, minShare: [0.05, 0.2, 0.4, 0.6][round % 4],
                    ignore: round % 3 == 0 ? ["sale", "weekli"] : [], limit: [3, 10, 50][round % 3],
                    titlesOnly: round % 2 == 1, minLift: [0, 1, 1.5][round % 3], minPosts: [1, 2, 3][round % 3])
                var table: [UInt32] = []
                let every = FitTermCounts(posts: fit.posts, stats: corpus.stats, titles: key.titlesOnly, minimum: 0, table: &table)
                let plain = corpus.characteristicTerms(fit, index: every, key: key, containerFloor: 2)
                let found = corpus.characteristicTerms(fit, minShare: key.minShare, ignore: key.ignore, limit: key.limit,
                                                       titlesOnly: key.titlesOnly, minLift: key.minLift, minPosts: key.minPosts)
                #expect(found == plain, "seed \(seed) round \(round)")
                phrases += found.filter { $0.key.contains(" ") }.count
            }
        }
        #expect(phrases > 0, "the random corpora give phrases to compare")
    }

    @Test func aSecondAskIsAnsweredFromTheMemo() throws {
        let corpus = Corpus(stats: CorpusStats.build(try ExampleCorpus.loaded()))
        let fit = corpus.fit(FitQuery(tags: [], words: corpus.stats.termIndex["dashboard"].map { [$0] } ?? []))
        #expect(fit.count > 0)
        let first = corpus.characteristicTerms(fit, minShare: 0.1, ignore: [], limit: 5)
        let entries = corpus.memoizedDerivedCount
        #expect(entries > 0)
        #expect(corpus.characteristicTerms(fit, minShare: 0.1, ignore: [], limit: 5) == first)
        #expect(corpus.memoizedDerivedCount == entries, "a hit adds nothing")
        _ = corpus.characteristicTerms(fit, minShare: 0.1, ignore: [], limit: 6)
        #expect(corpus.memoizedDerivedCount == entries + 1, "other parameters are another entry")
        let tags = corpus.fitTags(fit)
        #expect(corpus.fitTags(fit) == tags)
        #expect(corpus.memoizedDerivedCount == entries + 1, "the fit's tags were memoized with the first terms")
    }

    @Test func theDerivedMemoStaysBoundedAndRecomputesTheSame() throws {
        let corpus = Corpus(stats: CorpusStats.build(try ExampleCorpus.loaded()))
        let fit = corpus.fit(FitQuery(tags: [], words: corpus.stats.termIndex["app"].map { [$0] } ?? []))
        #expect(fit.count > 0)
        let first = corpus.characteristicTerms(fit, minShare: 0.05, ignore: [], limit: 1)
        for limit in 1...(Corpus.derivedMemoCapacity + 10) {
            _ = corpus.characteristicTerms(fit, minShare: 0.05, ignore: [], limit: limit)
        }
        #expect(corpus.memoizedDerivedCount == Corpus.derivedMemoCapacity)
        #expect(corpus.characteristicTerms(fit, minShare: 0.05, ignore: [], limit: 1) == first)
    }
}
