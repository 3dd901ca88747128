import Testing
@testable import ProfileCorpus

/// What `off-niche` reads of a title part, found without its fit: the posts a query of words
/// alone matches are its fit's posts in corpus order (`Corpus.wordMatches`), and a split of
/// posts by a fit and a set of tags (`Corpus.split`, from the tags' postings) is what reading
/// each post's tag row gives, on random corpora.
@Suite struct CorpusWordMatchesTests {
    static let seeds: [UInt64] = Array(1...40)

    @Test func wordMatchesAreTheFitOfTheWordsAloneInCorpusOrder() {
        var matched = 0
        for seed in Self.seeds {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: 80))
            let stats = corpus.stats
            for round in 0..<6 {
                let words = random.subset(of: stats.termKeys.count).prefix(1 + round % 4).map(UInt32.init)
                let query = FitQuery(tags: [], words: words, unknownWords: round % 3)
                let criterion = FitCriterion(minTextOnlyScore: [0, 0.3, 0.05][round % 3], minFittingPosts: 1)
                let found = corpus.wordMatches(query, criterion: criterion)
                #expect(found == corpus.fit(query, criterion: criterion).posts.sorted(), "seed \(seed) round \(round)")
                matched += found.count
            }
            // A query no post can match (no known word) matches nothing, as its fit.
            let unknown = FitQuery(tags: [], words: [], unknownWords: 2)
            #expect(corpus.wordMatches(unknown) == corpus.fit(unknown).posts.sorted())
        }
        #expect(matched > 100)
    }

    @Test func aSplitIsWhatEachPostsTagRowSays() {
        var (inside, outside) = (0, 0)
        for seed in Self.seeds {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: 60))
            let stats = corpus.stats
            for round in 0..<5 {
                let fitPosts = random.subset(of: stats.postCount)
                let fit = Fit(posts: fitPosts, scores: fitPosts.map { _ in 1 }, corpusSize: stats.postCount)
                let posts = random.subset(of: stats.postCount)
                // Tags of the corpus, and now and then one past its ids.
                var tags = Set(random.subset(of: stats.tagKeys.count).prefix(round).map(UInt32.init))
                if round == 4 { tags.insert(UInt32(stats.tagKeys.count + 3)) }
                let split = corpus.split(posts, by: fit, outsideCarryingNoneOf: tags)
                let plainIn = posts.filter(fitPosts.contains)
                let plainOut = posts.count { !fitPosts.contains($0) && !stats.tags(ofPost: $0).contains(where: tags.contains) }
                #expect(split.inFit == plainIn && split.outside == plainOut, "seed \(seed) round \(round)")
                inside += plainIn.count
                outside += plainOut
            }
        }
        #expect(inside > 100 && outside > 100)
    }
}
