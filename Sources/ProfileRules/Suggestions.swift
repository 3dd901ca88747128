import ProfileModel
import ProfileCorpus

/// What the corpus suggests for one profile section (`profilelint suggest`): skill tags to add
/// and to drop, title wording and missing keywords, each with its count in the fitting posts.
public struct Suggestions: Sendable, Codable, Equatable {
    /// One suggestion and its evidence.
    public struct Item: Sendable, Codable, Equatable {
        public var text: String
        /// Fitting posts that contain it.
        public var posts: Int
        /// Posts of the whole corpus that contain it.
        public var corpusPosts: Int
    }

    /// The section (`profile`, `specialized profile 1`).
    public var section: String
    /// Posts that fit the section, and the corpus size.
    public var fitSize: Int
    public var corpusSize: Int
    /// Tags the fitting posts use that the section lacks, most used first.
    public var addTags: [Item]
    /// The section's tags least used by the fitting posts (under `dropShare`), least first.
    public var dropTags: [Item]
    /// Words and phrases of the fitting posts' titles (at least 1.5 times as common there as in
    /// the other titles), most used first.
    public var titleWording: [Item]
    /// Characteristic terms of the fitting posts the title, skills, overview opening and
    /// portfolio lack.
    public var missingKeywords: [Item]

    /// Builds the suggestions. `keywords` gives the keyword options (generic words to ignore,
    /// minimum share, overview length); `limit` caps each list.
    public static func make(for section: ProfileSection, corpus: Corpus, keywords: KeywordCoverageCheck,
                            limit: Int = 10, addShare: Double = 0.05, dropShare: Double = 0.05) -> Suggestions {
        let query = ProfileQuery(section: section, stats: corpus.stats)
        let fit = corpus.fit(query)
        let canonicalizer = corpus.canonicalizer
        func item(_ evidence: Evidence) -> Item {
            Item(text: evidence.display, posts: evidence.inFit, corpusPosts: evidence.inCorpus)
        }
        let have = Set(query.skills.map { canonicalizer.key($0.text) })
        let fitTags = fit.count > 0 ? corpus.fitTags(fit) : []
        let add = fitTags.filter { !have.contains($0.key) && $0.fitShare >= addShare }.prefix(limit).map(item)

        let tagCounts = Dictionary(fitTags.map { ($0.key, $0.inFit) }, uniquingKeysWith: { first, _ in first })
        var drop: [Item] = []
        var seen = Set<String>()
        for skill in query.skills {
            let key = canonicalizer.key(skill.text)
            guard seen.insert(key).inserted else { continue }
            let inFit = tagCounts[key] ?? 0
            guard fit.count == 0 || Double(inFit) / Double(fit.count) < dropShare else { continue }
            let inCorpus = corpus.stats.tagIndex[key].map { Int(corpus.stats.tagFrequency[Int($0)]) } ?? 0
            drop.append(Item(text: skill.text, posts: inFit, corpusPosts: inCorpus))
        }
        drop = drop.enumerated().sorted { ($0.element.posts, $0.element.corpusPosts, $0.offset) < ($1.element.posts, $1.element.corpusPosts, $1.offset) }
            .map(\.element)

        let titleKeys = ProfileQuery.termKeys(query.title?.text ?? "")
        let wording = fit.count > 0
            ? corpus.characteristicTerms(fit, minShare: 0.03, ignore: keywords.ignore, limit: limit * 2, titlesOnly: true,
                                         minLift: 1.5)
                .filter { !titleKeys.contains($0.key) }.prefix(limit).map(item)
            : []
        let missing = fit.count > 0 ? keywords.coverage(CorpusSection(corpus: corpus, query: query, fit: fit))
            .filter { !$0.covered }.prefix(limit).map { item($0.term) } : []
        return Suggestions(section: section.displayName, fitSize: fit.count, corpusSize: corpus.stats.postCount,
                           addTags: Array(add), dropTags: Array(drop.prefix(limit)), titleWording: Array(wording),
                           missingKeywords: Array(missing))
    }

    /// The human-readable report.
    public var text: String {
        var lines = ["\(section): \(fitSize) of \(corpusSize) posts fit"]
        func block(_ heading: String, _ items: [Item], _ empty: String) {
            lines.append("")
            lines.append(heading)
            if items.isEmpty { lines.append("  (\(empty))") }
            for item in items { lines.append("  \(item.text) — in \(item.posts) of \(fitSize) fitting posts (\(item.corpusPosts) of all \(corpusSize))") }
        }
        block("Skill tags to add:", addTags, "none: your tags cover what these posts use")
        block("Skill tags to drop or move to a specialized profile:", dropTags, "none")
        block("Title wording clients use:", titleWording, "your title already uses it")
        block("Missing keywords (title, skills, overview opening, portfolio):", missingKeywords, "none")
        return lines.joined(separator: "\n") + "\n"
    }
}
