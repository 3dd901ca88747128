import Testing
@testable import ProfileCorpus

/// A phrase is found from the postings of its rarer edge word (`Corpus.edgeWord`): every post
/// holding the phrase holds that word, stop words and numbers inside phrases included; and the
/// fitting posts holding terms (or whether one does) and the posts holding any of some terms,
/// found that way, are those whose term rows hold them, on random corpora of such texts.
@Suite struct CorpusEdgeWordTests {
    static let words = ["return on investment", "power of data", "the sales report", "2024 budget", "c++ developer",
                        "power bi", "dashboard", "data", "report", "and", "of", "the", "model", "weekly report", "3 dashboards",
                        "data and model", "sales"]

    static func corpus(seed: UInt64) -> Corpus {
        var random = RandomCorpus(seed: seed)
        let posts = (0..<60).map { index in
            let text = { (count: ClosedRange<Int>) in
                (0..<Int.random(in: count, using: &random.generator)).map { _ in words.randomElement(using: &random.generator)! }
                    .joined(separator: " ")
            }
            return JobPost(title: text(1...4), description: text(2...10), skills: [], category: nil,
                           location: PostLocation(path: "random.jsonl", line: index + 1))
        }
        return Corpus(stats: CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0)))
    }

    @Test func everyPostHoldingAPhraseHoldsItsEdgeWord() {
        var withEdge = 0, stopWordInside = 0
        for seed in UInt64(1)...20 {
            let corpus = Self.corpus(seed: seed)
            let stats = corpus.stats
            for phrase in 0..<UInt32(stats.termKeys.count) where stats.termLengths[Int(phrase)] > 1 {
                guard let edge = corpus.edgeWord(of: phrase) else { continue }
                withEdge += 1
                if stats.termKeys[Int(phrase)].split(separator: " ").count == 3 && stats.termIndex[stats.termKeys[Int(phrase)].split(separator: " ")[1].description] == nil {
                    stopWordInside += 1
                }
                for post in 0..<stats.postCount where stats.terms(ofPost: post).ids.contains(phrase) {
                    #expect(stats.terms(ofPost: post).ids.contains(edge), "seed \(seed), '\(stats.termKeys[Int(phrase)])'")
                }
            }
        }
        #expect(withEdge > 100)
        #expect(stopWordInside > 0, "phrases with a stop word inside are exercised")
    }

    @Test func termsFoundFromPostingsAreThoseTheRowsHold() {
        for seed in UInt64(1)...20 {
            let corpus = Self.corpus(seed: seed)
            let stats = corpus.stats
            var random = RandomCorpus(seed: seed + 500)
            let posts = random.subset(of: stats.postCount)
            let fit = Fit(posts: posts, scores: posts.map { _ in 1 }, corpusSize: stats.postCount)
            for _ in 0..<10 {
                let terms = Array(random.subset(of: stats.termKeys.count).prefix(5).map(UInt32.init))
                let found = corpus.fitPosts(holding: Set(terms), in: fit)
                // Either way of finding them (the postings, or a pass over the fit's rows).
                let posted = corpus.postedTermPlaces(Set(terms), in: fit), scanned = corpus.scannedTermPlaces(terms, in: fit)
                for term in terms {
                    let plain = fit.posts.filter { stats.terms(ofPost: $0).ids.contains(term) }
                    #expect(found[term] ?? [] == plain, "seed \(seed)")
                    #expect((posted[term] ?? []).map { fit.posts[Int($0)] } == plain, "seed \(seed), postings")
                    #expect((scanned[term] ?? []).map { fit.posts[Int($0)] } == plain, "seed \(seed), rows")
                    #expect(corpus.fitHolds(term, in: fit) == !plain.isEmpty, "seed \(seed), any")
                }
                let ascending = posts.sorted().map(UInt32.init)
                let plain = ascending.count { post in terms.contains { stats.terms(ofPost: Int(post)).ids.contains($0) } }
                #expect(corpus.count(of: ascending, holdingAny: terms) == plain, "seed \(seed), terms \(terms)")
            }
        }
    }
}
