import Testing
@testable import ProfileCorpus

/// How the categories read each tag (`tagReaches`, from the categories' tag distributions) and
/// the group most fitting posts point to (`mainGroup`, counted in tables) and the support of a
/// fit (a query of words alone: every post) give what the plain
/// computations give (each tag's postings and each post's tags read, counted in dictionaries),
/// on random small corpora whose categories lean on tags of their own.
@Suite struct CorpusTagReachTests {
    static let categories = ["data", "mobile", "design", "writing"]
    static let tags = ["Power BI", "SQL", "Excel", "Flutter", "Dart", "Figma", "Logo Design", "Copywriting", "Python", "Git"]

    /// Posts whose tags mostly come from their category's own pair of tags (some posts of no
    /// category, some tags shared by all).
    static func corpus(seed: UInt64, posts count: Int) -> Corpus {
        var random = RandomCorpus(seed: seed)
        let posts = (0..<count).map { index in
            let category = Int.random(in: -1..<categories.count, using: &random.generator)
            let tags = (0..<Int.random(in: 0...3, using: &random.generator)).map { _ -> String in
                guard category >= 0, Int.random(in: 0..<10, using: &random.generator) < 7 else {
                    return Self.tags.randomElement(using: &random.generator)!
                }
                return Self.tags[2 * category + Int.random(in: 0...1, using: &random.generator)]
            }
            return JobPost(title: random.text(words: 1...3), description: random.text(words: 2...6), skills: Array(Set(tags)).sorted(),
                           category: category >= 0 ? categories[category] : nil, location: PostLocation(path: "random.jsonl", line: index + 1))
        }
        return Corpus(stats: CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0)))
    }

    /// `tagReaches` as first written: each tag's postings read, posts counted by group of
    /// sibling categories.
    static func plainReaches(_ corpus: Corpus, minShare: Double) -> [Corpus.TagReach]? {
        let stats = corpus.stats
        let categories = stats.categories.count
        guard categories > 1 else { return nil }
        let groups = corpus.siblingGroups((0..<Int32(categories)).map { $0 }, minOverlap: Corpus.siblingOverlap)
        guard groups.count > 1 else { return nil }
        var groupOf: [Int: Int] = [:]
        for (group, members) in groups.enumerated() {
            for member in members { groupOf[Int(member)] = group }
        }
        var reaches: [Corpus.TagReach] = []
        var uses = 0, marked = 0
        for tag in 0..<UInt32(stats.tagKeys.count) {
            var byGroup: [Int: Int] = [:]
            for post in stats.posts(withTag: tag) where stats.postCategory[Int(post)] >= 0 {
                byGroup[groupOf[Int(stats.postCategory[Int(post)])]!, default: 0] += 1
            }
            let total = byGroup.values.reduce(0, +)
            guard total >= Corpus.minJudgedTagPosts else {
                reaches.append(.unjudged)
                continue
            }
            let top = byGroup.max { ($0.value, $1.key) < ($1.value, $0.key) }!
            let marks = Double(top.value) / Double(total) >= minShare
            reaches.append(marks ? .marks(top.key) : .spread)
            uses += total
            if marks { marked += total }
        }
        guard uses > 0, Double(marked) / Double(uses) >= Corpus.minMarkedUses else { return nil }
        return reaches
    }

    /// `mainGroup` as first written: a set of groups per post, counted in a dictionary.
    static func plainMainGroup(_ corpus: Corpus, posts: [Int], sectionTags: Set<UInt32>, reaches: [Corpus.TagReach]) -> Int? {
        var counts: [Int: Int] = [:]
        for post in posts {
            var groups = Set<Int>()
            for tag in corpus.stats.tags(ofPost: post) where sectionTags.contains(tag) {
                if case .marks(let group) = reaches[Int(tag)] { groups.insert(group) }
            }
            for group in groups { counts[group, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    @Test func reachesAndMainGroupsEqualThePlainCountsOnRandomCorpora() {
        var judged = 0
        for seed in UInt64(1)...30 {
            let corpus = Self.corpus(seed: seed, posts: 120)
            var random = RandomCorpus(seed: seed + 1000)
            for minShare in [0.0, 0.4, 0.6, 0.9] {
                let reaches = corpus.tagReaches(minShare: minShare)
                #expect(reaches == Self.plainReaches(corpus, minShare: minShare), "seed \(seed), share \(minShare)")
                guard let reaches else { continue }
                judged += 1
                for _ in 0..<5 {
                    let posts = random.subset(of: corpus.stats.postCount)
                    let tags = Set((0..<UInt32(corpus.stats.tagKeys.count)).filter { _ in Bool.random(using: &random.generator) })
                    let fit = Fit(posts: posts, scores: posts.map { _ in 1 }, corpusSize: corpus.stats.postCount,
                                  criterion: FitCriterion(minCategoryShare: minShare))
                    #expect(corpus.mainGroup(of: fit, sectionTags: tags) == Self.plainMainGroup(corpus, posts: posts, sectionTags: tags, reaches: reaches),
                            "seed \(seed), share \(minShare)")
                    // The support of a query with these tags, or with none (a title part's words).
                    for query in [FitQuery(tags: tags.sorted(), words: []), FitQuery(tags: [], words: [0])] {
                        let plain = posts.count { post in
                            let shared = corpus.stats.tags(ofPost: post).filter { query.tags.contains($0) }
                            return shared.isEmpty || shared.contains { reaches[Int($0)] != .spread }
                        }
                        #expect(corpus.support(of: posts, query: query, criterion: fit.criterion) == plain, "seed \(seed), share \(minShare)")
                    }
                }
            }
        }
        // The corpora must exercise the tables, not only the cases where the categories judge nothing.
        #expect(judged >= 30)
    }
}
