import Foundation
import Testing
@testable import ProfileCorpus

/// The per-fit index, the tag statistics, the top-k selection and the fit's candidate posts
/// give what the plain computations (every post read, counted in dictionaries, all sorted)
/// give, on random small corpora; and their memo answers again without recomputing.
@Suite struct CorpusFitIndexTests {
    static let seeds: [UInt64] = Array(1...40)

    /// A fit of some posts of `stats` in a random order (scores do not matter here).
    static func fit(_ posts: [Int], _ stats: CorpusStats) -> Fit {
        Fit(posts: posts, scores: posts.map { _ in 1 }, corpusSize: stats.postCount)
    }

    /// For each seed: a random corpus of `posts` posts, a random fit of some of them, and the
    /// generator to draw more from.
    static func eachRandomFit(posts: Int, _ body: (UInt64, inout RandomCorpus, Corpus, Fit) -> Void) {
        for seed in seeds {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: posts))
            body(seed, &random, corpus, fit(random.subset(of: corpus.stats.postCount), corpus.stats))
        }
    }

    @Test func theIndexListsTheFitPlacesOfEachTag() {
        for seed in Self.seeds {
            var random = RandomCorpus(seed: seed)
            let stats = random.stats(posts: 60)
            let posts = random.subset(of: stats.postCount)
            // The default partitions (one, for corpora this small) and partitions of 1 to 8 ids.
            for bits in [FitIndex.partitionBits, 0, 1, 3] {
                let index = FitIndex(posts: posts, stats: stats, partitionBits: bits)
                var expected: [UInt32: [UInt32]] = [:]
                for (place, post) in posts.enumerated() {
                    for id in stats.tags(ofPost: post) { expected[id, default: []].append(UInt32(place)) }
                }
                #expect(index.ids == expected.keys.sorted(), "seed \(seed), bits \(bits)")
                for id in 0..<UInt32(stats.tagKeys.count) {
                    #expect(Array(index.places(of: id)) == expected[id] ?? [], "seed \(seed), bits \(bits), id \(id)")
                    #expect(index.count(of: id) == expected[id]?.count ?? 0)
                }
            }
        }
    }

    /// The distinct titles of the fitting posts whose title rows hold one of some terms, with
    /// their post counts, as a plain walk finds them.
    @Test func titlesHoldingTermsAreTheDistinctTitlesOfThoseTitleRows() {
        Self.eachRandomFit(posts: 60) { seed, random, corpus, fit in
            let stats = corpus.stats
            for _ in 0..<5 {
                let terms = Set(random.subset(of: stats.termKeys.count).prefix(3).map(UInt32.init))
                var plain: [String: Int] = [:]
                for post in fit.posts where stats.titleTerms(ofPost: post).contains(where: terms.contains) {
                    plain[stats.titles[post], default: 0] += 1
                }
                let found = corpus.titlesHolding(terms, in: fit)
                #expect(Dictionary(found.map { ($0.text, $0.weight) }, uniquingKeysWith: +) == plain, "seed \(seed)")
                #expect(Set(found.map(\.text)).count == found.count, "each title once")
            }
        }
    }

    /// `surfaceForms` reads only the titles whose title terms hold a key: that needs every
    /// n-gram of a title that the corpus knows among the title's terms.
    @Test func aTitlesTermsAreTheNGramsOfItsTitleThatTheCorpusKnows() throws {
        let realPath = URL(fileURLWithPath: ExampleCorpus.path).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/jobs/data-analyst-340.json").standardizedFileURL.path
        var corpora = [CorpusStats.build(try ExampleCorpus.loaded()), try Corpus.load(paths: [realPath]).stats]
        for seed in Self.seeds.prefix(10) {
            var random = RandomCorpus(seed: seed)
            corpora.append(random.stats(posts: 40))
        }
        for stats in corpora {
            for post in 0..<stats.postCount {
                let terms = Set(stats.titleTerms(ofPost: post).map { stats.termKeys[Int($0)] })
                let known = CorpusText.keys(stats.titles[post]).filter { stats.termIndex[$0] != nil }
                #expect(terms == known, "\(stats.titles[post])")
            }
        }
    }

    /// The fit's term counts: every term whose (title) document frequency reaches the minimum,
    /// counted as the plain walk over the fitting posts' rows counts it; the shared table is
    /// left all zeros, so the next fit counts from zero.
    @Test func termCountsAreThePlainCountsOfTheTermsThatCanReachTheMinimum() {
        var counted = 0
        for seed in Self.seeds {
            var random = RandomCorpus(seed: seed)
            let stats = random.stats(posts: 60)
            var table: [UInt32] = []
            for titles in [false, true] {
                for minimum in [0, 1, 2, 3, 5, 8] {
                    let posts = random.subset(of: stats.postCount)
                    var plain: [UInt32: UInt32] = [:]
                    for post in posts {
                        for id in titles ? stats.titleTerms(ofPost: post) : stats.terms(ofPost: post).ids {
                            plain[id, default: 0] += 1
                        }
                    }
                    let frequency = titles ? stats.titleDocumentFrequency : stats.documentFrequency
                    let kept = plain.keys.filter { frequency[Int($0)] >= minimum }.sorted()
                    let counts = FitTermCounts(posts: posts, stats: stats, titles: titles, minimum: minimum, table: &table)
                    #expect(counts.ids == kept, "seed \(seed), titles \(titles), minimum \(minimum)")
                    #expect(counts.counts == kept.map { plain[$0] ?? 0 })
                    #expect(table.count == stats.termKeys.count && table.allSatisfy { $0 == 0 }, "the table is left zeroed")
                    counted += kept.count
                }
            }
        }
        #expect(counted > 0)
    }

    @Test func fitPostsHoldingTermsAreThoseWhoseRowsHoldThem() {
        Self.eachRandomFit(posts: 50) { seed, random, corpus, fit in
            let stats = corpus.stats
            for _ in 0..<5 {
                let terms = Set(random.subset(of: stats.termKeys.count).prefix(4).map(UInt32.init))
                let found = corpus.fitPosts(holding: terms, in: fit)
                for term in terms {
                    let plain = fit.posts.filter { stats.terms(ofPost: $0).ids.contains(term) }
                    #expect(found[term] ?? [] == plain, "seed \(seed), term \(term)")
                }
                #expect(Set(found.keys).isSubset(of: terms))
            }
        }
    }

    /// A skill's fitting posts (carrying it or naming it) alone and asked in a batch, and
    /// whether there is one.
    @Test func skillMentionsInTheFitAreCountedOnce() {
        Self.eachRandomFit(posts: 50) { seed, random, corpus, fit in
            let stats = corpus.stats
            for tag in [nil] + (0..<UInt32(stats.tagKeys.count)).map(Optional.some) {
                let terms = Set(random.subset(of: stats.termKeys.count).prefix(3).map(UInt32.init))
                let plain = fit.posts.filter { post in
                    (tag.map { stats.tags(ofPost: post).contains($0) } ?? false)
                        || terms.contains { stats.terms(ofPost: post).ids.contains($0) }
                }.count
                #expect(corpus.fitPosts(carrying: tag, orHolding: terms, in: fit) == plain, "seed \(seed)")
                // Asked within a larger batch (the section's other skills' terms), the same count.
                let batch = terms.union(random.subset(of: stats.termKeys.count).prefix(5).map(UInt32.init))
                #expect(corpus.fitPosts(carrying: tag, orHolding: terms, in: fit, batch: batch) == plain, "seed \(seed), batch")
                #expect(corpus.anyFitPost(carrying: tag, orHolding: terms, in: fit) == (plain > 0), "seed \(seed), any")
            }
        }
    }

    @Test func fitTagsAreTheTagCountsOfTheFitMostUsedFirst() {
        Self.eachRandomFit(posts: 50) { seed, _, corpus, fit in
            var counts: [UInt32: Int] = [:]
            for post in fit.posts { for tag in corpus.stats.tags(ofPost: post) { counts[tag, default: 0] += 1 } }
            let expected = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            let tags = corpus.fitTags(fit)
            #expect(tags.map(\.id) == expected.map(\.key) && tags.map(\.inFit) == expected.map(\.value), "seed \(seed)")
            #expect(corpus.fitTags(fit) == tags)
        }
    }

    @Test func tagStatisticsMatchCountsOverEveryPost() {
        for seed in Self.seeds {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: 70))
            let stats = corpus.stats
            let tagIDs = (0..<UInt32(stats.tagKeys.count))
            for tag in tagIDs {
                let carrying = (0..<stats.postCount).filter { stats.tags(ofPost: $0).contains(tag) }
                var neighbours: [UInt32: Int] = [:]
                var categories: [Int32: Int] = [:]
                for post in carrying {
                    for other in stats.tags(ofPost: post) where other != tag { neighbours[other, default: 0] += 1 }
                    if stats.postCategory[post] >= 0 { categories[stats.postCategory[post], default: 0] += 1 }
                }
                let found = corpus.tagNeighbours(of: tag)
                #expect(found.posts == carrying.count)
                #expect(found.neighbours.map(\.tag) == neighbours.keys.sorted())
                #expect(found.neighbours.map(\.posts) == neighbours.keys.sorted().map { neighbours[$0]! })
                let histogram = corpus.tagCategories(tag)
                #expect(histogram.map(\.category) == categories.keys.sorted())
                #expect(histogram.map(\.posts) == categories.keys.sorted().map { categories[$0]! })
                // Beside a random set of other tags (the tag itself in it or not).
                let others = Set(random.subset(of: stats.tagKeys.count).map(UInt32.init))
                var beside: [Int32: Int] = [:]
                for post in carrying where stats.postCategory[post] >= 0
                    && stats.tags(ofPost: post).contains(where: { $0 != tag && others.contains($0) }) {
                    beside[stats.postCategory[post], default: 0] += 1
                }
                let besideHistogram = corpus.tagCategories(tag, beside: others)
                #expect(besideHistogram.map(\.category) == beside.keys.sorted(), "seed \(seed), tag \(tag), beside \(others)")
                #expect(besideHistogram.map(\.posts) == beside.keys.sorted().map { beside[$0]! }, "seed \(seed), tag \(tag)")
            }
            let set = Set(random.subset(of: stats.tagKeys.count).map(UInt32.init))
            let carrying = Set(set.flatMap { stats.posts(withTag: $0) })
            var near: [UInt32: Int] = [:]
            for post in carrying { for tag in stats.tags(ofPost: Int(post)) { near[tag, default: 0] += 1 } }
            let neighbours = corpus.postsCarryingAny(set)
            #expect(neighbours.count == carrying.count, "seed \(seed)")
            for tag in 0..<UInt32(stats.tagKeys.count) {
                #expect(neighbours.together(tag, stats: stats) == near[tag] ?? 0, "seed \(seed), tag \(tag)")
            }
            let together = corpus.tagCooccurrence(set)
            for tag in tagIDs {
                let carrying = (0..<stats.postCount).filter { stats.tags(ofPost: $0).contains(tag) }
                guard set.contains(tag), !carrying.isEmpty else {
                    #expect(together[tag] == nil)
                    continue
                }
                let both = carrying.filter { post in stats.tags(ofPost: post).filter(set.contains).count >= 2 }
                #expect(together[tag]?.posts == carrying.count && together[tag]?.together == both.count, "seed \(seed)")
            }
        }
    }

    @Test func theBestScoresAreTheFirstOfAStableSort() {
        var generator = RandomCorpus.Generator(state: 7)
        for _ in 0..<300 {
            // Up to a few hundred posts, so that most of them come after the heap is full.
            let scores = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                [0, -1, 0.5, 1, 1, 2, 3.25, .nan, 0, 0].randomElement(using: &generator)!
            }
            let limit = Int.random(in: 0...min(scores.count + 2, 40), using: &generator)
            let sorted = scores.indices.filter { scores[$0] > 0 }
                .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            #expect(TopScores.best(scores, limit: limit) == Array(sorted.prefix(limit)), "\(scores) limit \(limit)")
        }
    }

    /// The fit by its definition: every post judged, the accepted ones by score, then by post.
    static func judgingEveryPost(_ query: FitQuery, criterion: FitCriterion, relevance: Relevance, stats: CorpusStats,
                                 bm25: BM25) -> [Relevance.Candidate] {
        var words: [Double] = []
        let known = relevance.wordScores(query, stats: stats, bm25: bm25, into: &words)
        let section = Relevance.Section(query, knownWordShare: known, stats: stats)
        return stats.postTagIDs.withRows(start: stats.postTagStart, bound: stats.tagKeys.count) { tags in
            (0..<stats.postCount).compactMap { post in
                var shared: [UInt32] = []
                return relevance.judge(post, tags: tags[post], word: words[post], section: section, criterion: criterion,
                                       stats: stats, bm25: bm25, shared: &shared)
            }
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.post < $1.post }
    }

    @Test func aFitJudgesOnlyPostsItCanAcceptAndGetsWhatJudgingEveryPostGets() {
        var (tagged, untagged) = (0, 0)
        for seed in Self.seeds {
            var random = RandomCorpus(seed: seed)
            let stats = random.stats(posts: 80)
            let (relevance, bm25) = (Relevance(stats: stats), BM25(stats: stats))
            let unigrams = (0..<UInt32(stats.termKeys.count)).filter { stats.termLengths[Int($0)] == 1 }
            // One score array for every round, as a corpus lends it: each fit overwrites the last one's scores.
            var scores: [Double] = []
            for round in 0..<6 {
                let query = FitQuery(tags: random.subset(of: stats.tagKeys.count).prefix(4).map(UInt32.init),
                                     words: random.subset(of: unigrams.count).prefix(5).map { unigrams[$0] },
                                     unknownTags: round % 2, unknownWords: round % 3)
                let criterion = FitCriterion(minTagShare: [0.2, 0.4, 0.9][round % 3], minProfileShare: 0.7,
                                             minWeightedShare: 0.33, minWordScore: [0, 0.1, 0.3][round % 3],
                                             minTextOnlyScore: [0, 0.3, 0.05][round % 3], minFittingPosts: 1)
                let fast = relevance.fit(query, criterion: criterion, stats: stats, bm25: bm25, scores: &scores)
                let plain = Self.judgingEveryPost(query, criterion: criterion, relevance: relevance, stats: stats, bm25: bm25)
                #expect(fast.posts == plain.map(\.post), "seed \(seed) round \(round)")
                #expect(fast.scores == plain.map(\.score) && fast.wordScores == plain.map(\.words))
                #expect(fast.tagShares == plain.map(\.tagShare))
                tagged += fast.tagShares.filter { $0 != nil }.count
                untagged += fast.tagShares.filter { $0 == nil }.count
            }
        }
        #expect(tagged > 0 && untagged > 0, "posts fit on their tags and on their words alone")
    }
}
