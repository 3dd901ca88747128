import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Runs `scripts/oracles/bm25_scores.py` (PyPI rank-bm25 0.2.2) on the same tokens.
enum BM25Oracle {
    static func scores(documents: [[String]], query: [String]) throws -> [Double] {
        let result = try PythonOracle.run("bm25_scores.py", input: ["documents": documents, "query": query])
        guard let scores = result as? [Double] else {
            throw PythonOracle.OracleError(message: "the BM25 oracle printed no list of scores")
        }
        return scores
    }

    /// Each post's BM25 tokens (its single-word terms, repeated as often as they occur).
    static func documents(_ stats: CorpusStats) -> [[String]] {
        (0..<stats.postCount).map { post in
            let (ids, counts) = stats.terms(ofPost: post)
            var tokens: [String] = []
            for (id, count) in zip(ids, counts) where stats.termLengths[Int(id)] == 1 {
                tokens += Array(repeating: stats.termKeys[Int(id)], count: Int(count))
            }
            return tokens
        }
    }

    /// Checks our scores against the oracle's for a query; returns the number of posts compared.
    static func compare(_ stats: CorpusStats, queryText: String) throws {
        let bm25 = BM25(stats: stats)
        let query = ProfileQuery.termIDs(of: queryText, stats: stats)
        #expect(!query.isEmpty)
        let ours = bm25.scores(query, stats: stats)
        let theirs = try scores(documents: documents(stats), query: query.map { stats.termKeys[Int($0)] })
        #expect(ours.count == theirs.count)
        var worst = 0.0
        for (a, b) in zip(ours, theirs) { worst = max(worst, abs(a - b) / max(1, abs(b))) }
        #expect(worst < 1e-9, "largest relative difference \(worst)")
        #expect(theirs.contains { $0 > 0 })
    }
}

@Suite struct CorpusBM25Tests {
    @Test func scoresMatchRankBM25OnTheExampleCorpus() throws {
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        try BM25Oracle.compare(stats, queryText: "Power BI dashboard developer: SQL reports, Power BI dashboards and Excel")
        try BM25Oracle.compare(stats, queryText: "Flutter app developer for iOS and Android")
    }

    @Test func scoresMatchRankBM25OnTheRealDataAnalystCorpus() throws {
        let path = URL(fileURLWithPath: ExampleCorpus.path).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/jobs/data-analyst-340.json").standardizedFileURL.path
        let stats = try Corpus.load(paths: [path]).stats
        #expect(stats.postCount == 332)
        try BM25Oracle.compare(stats, queryText: "Data analyst: SQL, Excel and Power BI dashboards for sales reporting")
    }

    @Test func documentLengthsAreTheUnigramCounts() throws {
        let stats = CorpusStats.build(try ExampleCorpus.loaded())
        let documents = BM25Oracle.documents(stats)
        #expect(documents.map(\.count) == stats.postLength.map(Int.init))
    }

    @Test func closestPostsAreTheBestScoresUpToTheLimit() throws {
        let corpus = Corpus(stats: CorpusStats.build(try ExampleCorpus.loaded()))
        let query = ProfileQuery.termIDs(of: "Flutter Dart mobile app iOS Android", stats: corpus.stats)
        let posts = corpus.closestPosts(termIDs: query, limit: 16)
        #expect(posts.count == 16)
        let scores = corpus.bm25.scores(query, stats: corpus.stats)
        #expect(posts.map { scores[$0] } == posts.map { scores[$0] }.sorted(by: >))
        let mobile = corpus.stats.categories.firstIndex(of: "mobile_apps").map(Int32.init)
        // The 7 best are mobile posts, and most of them are (26 of the 90 posts are mobile; the
        // 8th is a short e-commerce post naming 'mobile', a word of a quarter of the corpus).
        #expect(posts.filter { corpus.stats.postCategory[$0] == mobile }.count >= 11)
        let top = posts.prefix(7)
        #expect(top.allSatisfy { corpus.stats.postCategory[$0] == mobile }, "\(top.map { corpus.stats.titles[$0] })")
    }
}

extension BM25 {
    /// Every post's score for `query` in a fresh array (the lint writes over a lent one).
    func scores(_ query: [UInt32], stats: CorpusStats) -> [Double] {
        var scores: [Double] = []
        self.scores(query, stats: stats, into: &scores)
        return scores
    }
}
