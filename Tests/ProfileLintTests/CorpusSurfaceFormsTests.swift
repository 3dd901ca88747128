import Testing
@testable import ProfileCorpus

/// The written forms of terms (`Corpus.surfaceForms`, which builds only the keys of n-grams
/// whose first stem starts a wanted key, and reads tag names through the per-corpus
/// `tagStemKey` table) equal the plain computation: every n-gram of every fitting tag and of
/// every fitting title that holds a term, on random small corpora whose titles and tags spell
/// the same words in several ways.
@Suite struct CorpusSurfaceFormsTests {
    static let spellings = ["Power BI", "power bi", "POWER BI", "PowerBI", "iOS", "ios", "IOS", "SQL", "sql", "Data", "data",
                            "Dashboard", "dashboard", "report", "Report", "Sales Report", "mobile app", "Mobile App", "and", "for"]
    static let tags = ["Power BI", "Microsoft Power BI", "PowerBI Dashboard", "iOS", "SQL", "Data Visualization",
                       "Mobile App Development", "Sales Report"]

    /// A corpus whose titles and tags spell the vocabulary in mixed case.
    static func corpus(seed: UInt64) -> (Corpus, RandomCorpus) {
        var random = RandomCorpus(seed: seed)
        let posts = (0..<70).map { index in
            let title = (0..<Int.random(in: 1...6, using: &random.generator))
                .map { _ in spellings.randomElement(using: &random.generator)! }.joined(separator: " ")
            let tags = (0..<Int.random(in: 0...3, using: &random.generator)).map { _ in Self.tags.randomElement(using: &random.generator)! }
            return JobPost(title: title, description: random.text(words: 2...6), skills: Array(Set(tags)).sorted(),
                           location: PostLocation(path: "forms.jsonl", line: index + 1))
        }
        return (Corpus(stats: CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0))), random)
    }

    /// `surfaceForms` as first written: every gram's key built, every fitting title read.
    static func plainForms(of terms: [Evidence], in fit: Fit, corpus: Corpus) -> [String: String] {
        let keys = Set(terms.map(\.key))
        guard !keys.isEmpty else { return [:] }
        func forms(_ texts: [(text: String, weight: Int)]) -> [String: String] {
            var counts: [String: [String: Int]] = [:]
            for (text, weight) in texts {
                let utf8 = Array(text.utf8)
                for gram in CorpusText.ngrams(text) where keys.contains(gram.key) {
                    guard gram.range.upperBound <= utf8.count,
                          let written = String(bytes: utf8[gram.range], encoding: .utf8) else { continue }
                    counts[gram.key, default: [:]][written, default: 0] += weight
                }
            }
            return counts.compactMapValues { forms in forms.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
        }
        let stats = corpus.stats
        let tags = corpus.fitTags(fit)
        let wholeTags = Set(tags.map { CorpusText.stems($0.display).joined(separator: " ") })
        let fromTags = forms(tags.map { ($0.display, $0.inFit) }).filter { key, form in
            wholeTags.contains(key) || Corpus.hasInnerCapitals(form)
        }
        let titled = fit.posts.filter { post in terms.contains { stats.titleTerms(ofPost: post).contains($0.id) } }
        let fromTitles = forms(titled.map { (stats.titles[$0], 1) }).mapValues { form in
            Corpus.hasInnerCapitals(form) ? form : form.lowercased()
        }
        return fromTitles.merging(fromTags) { _, tag in tag }
    }

    @Test func writtenFormsEqualThoseThatReadEveryGram() {
        var compared = 0
        for seed in CorpusFitIndexTests.seeds {
            let (corpus, made) = Self.corpus(seed: seed)
            var random = made
            let stats = corpus.stats
            let fit = CorpusFitIndexTests.fit(random.subset(of: stats.postCount), stats)
            for round in 0..<4 {
                // Terms of the fit's titles and descriptions (some in no title), single words and phrases.
                let ids = (0..<stats.termKeys.count).filter { _ in Int.random(in: 0..<4, using: &random.generator) <= round }
                let terms = ids.map { id in
                    Evidence(id: UInt32(id), key: stats.termKeys[id], display: stats.termDisplays[id], inFit: 1, fitSize: fit.count,
                             inCorpus: 1, corpusSize: stats.postCount, weight: 0)
                }
                let found = corpus.surfaceForms(of: terms, in: fit)
                #expect(found == Self.plainForms(of: terms, in: fit, corpus: corpus), "seed \(seed) round \(round)")
                compared += found.count
            }
        }
        #expect(compared > 0, "the random corpora give written forms to compare")
    }

    @Test func aTagsStemKeyIsItsAnalysedNameAndAsksTwiceGiveTheSame() {
        for seed in CorpusFitIndexTests.seeds.prefix(10) {
            let (corpus, _) = Self.corpus(seed: seed)
            for tag in corpus.stats.tagDisplays.indices {
                let plain = CorpusText.stems(corpus.stats.tagDisplays[tag]).joined(separator: " ")
                #expect(corpus.tagStemKey(UInt32(tag)) == plain)
                #expect(corpus.tagStemKey(UInt32(tag)) == plain, "from the table")
            }
        }
    }
}
