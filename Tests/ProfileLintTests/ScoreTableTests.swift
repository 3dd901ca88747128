import Foundation
import Testing
@testable import ProfileCorpus

/// BM25 scores written over a reused array are the fresh array's, and a corpus's closest posts
/// and fits do not depend on what its lent score table held before (`Corpus.withScoreTable`).
@Suite struct ScoreTableTests {
    @Test func scoresWrittenOverAReusedArrayAreTheFreshOnes() throws {
        var generator = RandomCorpus(seed: 5)
        let stats = generator.stats(posts: 60)
        let other = generator.stats(posts: 25)
        let bm25 = BM25(stats: stats)
        let words = (0..<UInt32(stats.termKeys.count)).filter { stats.termLengths[Int($0)] == 1 }
        // Stale scores of the same length, then an array of another corpus's length.
        var reused = [Double](repeating: 7.5, count: stats.postCount)
        for round in 0..<12 {
            if round == 6 { reused = [Double](repeating: 1, count: other.postCount) }
            let query = (0..<(1 + round % 4)).map { _ in words.randomElement(using: &generator.generator)! }
            bm25.scores(query, stats: stats, into: &reused)
            #expect(reused == bm25.scores(query, stats: stats), "round \(round)")
        }
    }

    @Test func closestPostsDoNotDependOnTheQueriesBefore() throws {
        var generator = RandomCorpus(seed: 9)
        let corpus = Corpus(stats: generator.stats(posts: 80))
        let words = (0..<UInt32(corpus.stats.termKeys.count)).filter { corpus.stats.termLengths[Int($0)] == 1 }
        let queries = (0..<8).map { round in (0..<(1 + round % 5)).map { _ in words.randomElement(using: &generator.generator)! } }
        let fresh = queries.map { TopScores.best(corpus.bm25.scores($0, stats: corpus.stats), limit: 20) }
        #expect(queries.map { corpus.closestPosts(termIDs: $0, limit: 20) } == fresh)
        #expect(queries.reversed().map { corpus.closestPosts(termIDs: $0, limit: 20) } == fresh.reversed())
    }

    @Test func aCorpusFitAfterOtherQueriesIsTheFreshFit() {
        var generator = RandomCorpus(seed: 21)
        let stats = generator.stats(posts: 80)
        let corpus = Corpus(stats: stats)
        let relevance = Relevance(stats: stats)
        let unigrams = (0..<UInt32(stats.termKeys.count)).filter { stats.termLengths[Int($0)] == 1 }
        var fitting = 0
        for round in 0..<8 {
            // Another query's scores left in the corpus's table first.
            _ = corpus.closestPosts(termIDs: generator.subset(of: unigrams.count).prefix(3).map { unigrams[$0] }, limit: 10)
            let query = FitQuery(tags: generator.subset(of: stats.tagKeys.count).prefix(round % 3).map(UInt32.init),
                                 words: generator.subset(of: unigrams.count).prefix(1 + round % 4).map { unigrams[$0] },
                                 unknownWords: round % 2)
            let criterion = FitCriterion(minTextOnlyScore: [0, 0.05, 0.3][round % 3], minFittingPosts: 1)
            var fresh: [Double] = []
            let plain = relevance.fit(query, criterion: criterion, stats: stats, bm25: corpus.bm25, scores: &fresh)
            let fit = corpus.fit(query, criterion: criterion)
            #expect(fit.posts == plain.posts && fit.scores == plain.scores, "round \(round)")
            #expect(corpus.postsInCorpusOrder(fit) == fit.posts.sorted())
            fitting += fit.count
        }
        #expect(fitting > 0)
    }
}
