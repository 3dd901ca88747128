import Testing
@testable import ProfileCorpus
@testable import ProfileRules

/// Counting the posts that hold a term from the words' postings gives what reading each
/// post's term row gives, and the memoized tag-naming test answers as the plain one, on
/// random small corpora and on a corpus built so that tags go both ways.
@Suite struct CorpusTermPostingsTests {
    @Test func postsHoldingAnyTermAreCountedAsTheRowsCountThem() {
        for seed in UInt64(1)...40 {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: 80))
            let stats = corpus.stats
            for tag in 0..<UInt32(stats.tagKeys.count) {
                let posts = stats.posts(withTag: tag)
                // Words, phrases (no postings) and a mix, up to four terms.
                let terms = random.subset(of: stats.termKeys.count).prefix(4).map(UInt32.init)
                for count in 0...terms.count {
                    let asked = Array(terms.prefix(count))
                    let plain = posts.filter { post in asked.contains { stats.terms(ofPost: Int(post)).ids.contains($0) } }.count
                    #expect(corpus.count(of: posts, holdingAny: asked) == plain, "seed \(seed), tag \(tag), terms \(asked)")
                    // Stopped at `enough`: the count up to there.
                    for enough in Set([1, plain, plain + 1]) where enough > 0 {
                        #expect(corpus.count(of: posts, holdingAny: asked, enough: enough) == min(plain, enough),
                                "seed \(seed), tag \(tag), terms \(asked), enough \(enough)")
                    }
                }
            }
        }
    }

    /// The galloping search finds the first posting at or past a post as a linear scan does,
    /// from any start, in lists with runs, gaps and repeats.
    @Test func gallopingFindsWhatALinearScanFinds() {
        var random = RandomCorpus(seed: 7)
        var mismatches: [String] = []
        for round in 0..<60 {
            var postings: [UInt32] = []
            var post: UInt32 = 0
            for _ in 0..<round {
                post += UInt32(random.subset(of: 9).count)  // gaps of 0 to 9
                postings.append(post)
            }
            postings.withUnsafeBufferPointer { list in
                for start in 0...list.count {
                    for end in Set([start, (start + list.count) / 2, list.count]) {
                        for target in UInt32(0)...(post + 2) {
                            var linear = start
                            while linear < end && list[linear] < target { linear += 1 }
                            if Corpus.firstPosting(atLeast: target, in: list, from: start, to: end) != linear {
                                mismatches.append("round \(round), start \(start), end \(end), target \(target)")
                            }
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The naming test counts up to the least number of naming posts: that number is the
    /// smallest that passes the share test, for every number of carriers.
    @Test func theNeededNamingPostsAreTheFewestThatPassTheShare() {
        for carriers in 0...2_000 {
            var fewest = 0
            while Double(fewest) < Corpus.minNamedShare * Double(carriers) { fewest += 1 }
            #expect(Corpus.neededNamingPosts(carriers) == fewest, "\(carriers) carriers")
        }
    }

    @Test func theMemoizedNamingTestAnswersAsThePlainOne() {
        var answers: Set<Bool> = [], fitAnswers: Set<Bool> = []
        for seed in UInt64(1)...20 {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: 200))
            let stats = corpus.stats
            for tag in 0..<UInt32(stats.tagKeys.count) {
                let evidence = Evidence(id: tag, key: stats.tagKeys[Int(tag)], display: stats.tagDisplays[Int(tag)], inFit: 0,
                                        fitSize: 0, inCorpus: 0, corpusSize: stats.postCount, weight: 0)
                let plain = corpus.rowWalkingIsNamedInText(evidence)
                #expect(corpus.isNamedInText(evidence) == plain, "seed \(seed), tag \(evidence.display)")
                #expect(corpus.isNamedInText(evidence) == plain, "memoized, seed \(seed)")
                answers.insert(plain)
                // Among the posts of a random fit too (a fit of about half the posts has enough carriers).
                let posts = random.subset(of: stats.postCount)
                let fit = Fit(posts: posts, scores: posts.map { _ in 1 }, corpusSize: stats.postCount)
                let inFit = corpus.rowWalkingIsNamedInText(evidence, in: fit)
                #expect(corpus.isNamedInText(evidence, in: fit) == inFit, "seed \(seed), tag \(evidence.display), in a fit")
                fitAnswers.insert(inFit)
            }
        }
        // Tags no random text names (`SQL`, `Figma`) and tags the vocabulary names (`Python`).
        #expect(answers == [true, false])
        #expect(fitAnswers == [true, false])
    }
}

private extension Corpus {
    /// The tag-naming test by its definition: each carrier's term row read.
    func rowWalkingIsNamedInText(_ tag: Evidence, in fit: Fit? = nil) -> Bool {
        let carriers = Array(stats.posts(withTag: tag.id))
        let fitting = Set(fit?.posts ?? [])
        let inFit = carriers.filter { fitting.contains(Int($0)) }
        let terms = namingTerms(of: tag.display, carriers: carriers.count)
        func named(_ posts: [UInt32]) -> Bool {
            let naming = posts.lazy.filter { post in
                let ids = self.stats.terms(ofPost: Int(post)).ids
                return terms.contains { BM25.find($0, in: ids) != nil }
            }.count
            return Double(naming) >= Self.minNamedShare * Double(posts.count)
        }
        return (carriers.count < Self.minCarriersForTextTest || named(carriers))
            && (inFit.count < Self.minFitCarriersForTextTest || named(inFit))
    }
}
