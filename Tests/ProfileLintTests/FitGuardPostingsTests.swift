import Foundation
import Testing
@testable import ProfileCorpus

/// A fit's guard scores read from the guard words' postings (`Relevance.GuardMemo`) are the
/// scores of a binary search in each post's term row (`Relevance.wordScore`), bit for bit, for
/// posts asked in corpus order and out of it; its order of ranks is the closure sort's; and a
/// fit of words alone takes exactly the posts that judging every post takes.
@Suite struct FitGuardPostingsTests {
    /// For posts of `stats` asked in corpus order with gaps, then in a random order: the memo's
    /// score of random word lists against the row search's. Returns how many scores were compared.
    static func compareGuardScores(_ stats: CorpusStats, random: inout RandomCorpus.Generator, lists: Int) -> Int {
        let (relevance, bm25) = (Relevance(stats: stats), BM25(stats: stats))
        let ids = Array(0..<UInt32(stats.termKeys.count))
        var compared = 0
        for _ in 0..<lists {
            let memo = Relevance.GuardMemo()
            // Sorted and distinct, as guards are; phrases among them weigh nothing.
            let list = Array(Set((0..<Int.random(in: 1...8, using: &random)).map { _ in ids.randomElement(using: &random)! })).sorted()
            var words = Relevance.WeightedWords(list, bm25: bm25)
            words.slots = words.words.map { memo.slot(of: $0, bm25: bm25) }
            let inOrder = (0..<stats.postCount).filter { _ in Int.random(in: 0..<3, using: &random) > 0 }
            let shuffled = (0..<stats.postCount).shuffled(using: &random).prefix(30)
            for post in inOrder + shuffled {
                let fast = memo.score(post, words: words, bm25: bm25)
                let plain = relevance.wordScore(post, words: list, stats: stats, bm25: bm25)
                #expect(fast?.bitPattern == plain?.bitPattern, "post \(post) words \(list)")
                compared += 1
            }
        }
        return compared
    }

    @Test func guardScoresFromPostingsAreTheRowScoresOnRandomCorpora() {
        for seed in CorpusFitIndexTests.seeds {
            var random = RandomCorpus(seed: seed)
            let stats = random.stats(posts: 70)
            #expect(Self.compareGuardScores(stats, random: &random.generator, lists: 6) > 0)
        }
    }

    @Test func guardScoresFromPostingsAreTheRowScoresOnTheExampleCorpus() throws {
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        var random = RandomCorpus.Generator(state: 11)
        #expect(Self.compareGuardScores(stats, random: &random, lists: 40) > 1000)
    }

    @Test func ranksSortAsTheClosureSortedScores() {
        var random = RandomCorpus.Generator(state: 5)
        for _ in 0..<300 {
            let scores = (0..<Int.random(in: 0...80, using: &random)).map { _ in
                [0, 0.25, 0.5, 0.5, 1, 1, 0.75, .infinity].randomElement(using: &random)!
            }
            let ranks = scores.enumerated().map { Relevance.Rank(score: $0.element, index: $0.offset) }.sorted()
            let plain = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            #expect(ranks.map(\.index) == plain, "\(scores)")
        }
    }

    @Test func aFitOfWordsAloneGetsWhatJudgingEveryPostGets() {
        var fitting = 0
        for seed in CorpusFitIndexTests.seeds {
            var random = RandomCorpus(seed: seed)
            let stats = random.stats(posts: 80)
            let (relevance, bm25) = (Relevance(stats: stats), BM25(stats: stats))
            let unigrams = (0..<UInt32(stats.termKeys.count)).filter { stats.termLengths[Int($0)] == 1 }
            var scores: [Double] = []
            for round in 0..<4 {
                let query = FitQuery(tags: [], words: random.subset(of: unigrams.count).prefix(1 + round).map { unigrams[$0] },
                                     unknownWords: round % 2)
                let criterion = FitCriterion(minTextOnlyScore: [0, 0.3, 0.05, 0.6][round], minFittingPosts: 1)
                let fast = relevance.fit(query, criterion: criterion, stats: stats, bm25: bm25, scores: &scores)
                let plain = CorpusFitIndexTests.judgingEveryPost(query, criterion: criterion, relevance: relevance,
                                                                 stats: stats, bm25: bm25)
                #expect(fast.posts == plain.map(\.post) && fast.scores == plain.map(\.score), "seed \(seed) round \(round)")
                fitting += fast.count
            }
        }
        #expect(fitting > 0)
    }
}

extension Relevance {
    /// `post`'s BM25 score for `words` (distinct) over the score of an average-length post using
    /// each once; nil when none of them weighs anything. The same formula as `BM25.scores`, for
    /// one post: the row search the fit used before `GuardMemo`, kept here as its oracle.
    func wordScore(_ post: Int, words: [UInt32], stats: CorpusStats, bm25: BM25) -> Double? {
        let (ids, counts) = stats.terms(ofPost: post)
        var score = 0.0, weight = 0.0
        for word in words where Int(word) < bm25.idf.count && bm25.idf[Int(word)] != 0 {
            let idf = bm25.idf[Int(word)]
            weight += idf
            guard let slot = BM25.find(word, in: ids), counts.indices.contains(slot), post < bm25.norms.count else { continue }
            let frequency = Double(counts[slot])
            score += idf * (frequency * (BM25.k1 + 1) / (frequency + bm25.norms[post]))
        }
        return weight > 0 ? score / weight : nil
    }
}
