import ProfileModel

/// What the corpus checks read from one profile section: its texts (with their nodes, for
/// locations) and the BM25 query built from them.
///
/// The query is the words of the title and the skill tags (each counted twice: clients
/// search by them), the overview, and the portfolio items' titles, descriptions and skills.
package struct ProfileQuery: Sendable {
    package var title: (text: String, node: Node)?
    var overview: (text: String, node: Node)?
    /// Skill tags as written, with their nodes.
    package var skills: [(text: String, node: Node)]
    /// The `skills` list node.
    package var skillsNode: Node?
    /// Each portfolio item: its text (title, description, skills) and its node.
    package var portfolio: [(text: String, node: Node, path: String)]
    package var hourlyRate: (amount: Double, node: Node)?
    /// The rate's `currency` (`hourly_rate: {amount: 40, currency: EUR}`), nil when not given.
    package var hourlyCurrency: String?
    /// The section map node (for findings about the section as a whole).
    package var sectionNode: Node
    /// BM25 query term ids (known unigrams, repeats for weight); the fit memo key.
    package var termIDs: [UInt32]
    /// The query without the portfolio (title, skills, overview): what portfolio items are
    /// compared with, so an item does not pull the profile's fit toward itself.
    package var coreTermIDs: [UInt32]
    /// The skill tags and core words the fit is decided by (see `FitCriterion`).
    package var fitQuery: FitQuery

    package init(section: ProfileSection, corpus: Corpus) {
        let stats = corpus.stats
        let node = section.node
        sectionNode = node
        title = node["title"].flatMap { value in value.string.map { ($0, value) } }
        overview = node["overview"].flatMap { value in value.string.map { ($0, value) } }
        skillsNode = node["skills"]
        skills = (node["skills"]?.list ?? []).compactMap { item in
            item.string.map { ($0, item) }.flatMap { $0.0.trimmingSpaces.isEmpty ? nil : $0 }
        }
        portfolio = (node["portfolio"]?.list ?? []).enumerated().compactMap { index, item in
            guard item.map != nil else { return nil }
            let parts = [item["title"]?.string, item["description"]?.string] + (item["skills"]?.list ?? []).map(\.string)
            return (parts.compactMap { $0 }.joined(separator: ". "), item, section.fullPath("portfolio[\(index)]"))
        }
        if let rate = node["hourly_rate"] {
            if let amount = rate.scalar?.number {
                hourlyRate = (amount, rate)
            } else if let amount = rate["amount"]?.scalar?.number, let amountNode = rate["amount"] {
                hourlyRate = (amount, amountNode)
                hourlyCurrency = rate["currency"]?.string.map(CurrencyAmount.code)
            }
        }
        var ids: [UInt32] = []
        var fitIDs: [UInt32] = []
        var unknown = Set<String>()
        var fitUnknown = Set<String>()
        func add(_ string: String?, times: Int, fit: Bool = true) {
            guard let string else { return }
            for stem in CorpusText.stems(string) {
                guard let id = stats.termIndex[stem] else {
                    unknown.insert(stem)
                    if fit { fitUnknown.insert(stem) }
                    continue
                }
                for _ in 0..<times { ids.append(id) }
                if fit { fitIDs.append(id) }
            }
        }
        add(title?.text, times: 2)
        // A skill counts by its canonical name's words (`PowerBI` as `Microsoft Power BI`); a
        // skill no post is tagged with counts as an unknown tag of the fit, not by its words,
        // so a few off-niche skills do not drown the words of the niche.
        for skill in skills {
            let tagged = stats.tagIndex[corpus.canonicalizer.key(skill.text)] != nil || stats.tagKeys.isEmpty
            add(corpus.canonicalizer.aliases?.canonical(for: skill.text) ?? skill.text, times: 2, fit: tagged)
        }
        let titleAndSkills = fitIDs, titleAndSkillsUnknown = fitUnknown.count
        add(overview?.text, times: 1)
        coreTermIDs = ids
        let coreUnknown = unknown.count
        for item in portfolio { add(item.text, times: 1) }
        termIDs = ids
        let tags = corpus.tagIDs(skills.map(\.text))
        let unknownTags = Set(skills.map(\.text).map(corpus.canonicalizer.key)).count - Set(tags.compactMap { $0 }).count
        let useCore = Set(titleAndSkills).count >= 2
        fitQuery = FitQuery(tags: tags.compactMap { $0 }, words: useCore ? titleAndSkills : coreTermIDs,
                            titleWords: Self.termIDs(of: title?.text ?? "", stats: stats), unknownTags: unknownTags,
                            unknownWords: useCore ? titleAndSkillsUnknown : coreUnknown)
    }

    /// The term keys (1-3-gram stems) of a text, to test which corpus terms it contains.
    package static func termKeys(_ string: String) -> Set<String> {
        CorpusText.keys(string)
    }

    /// The first `characters` characters of the overview (what search results show).
    package func overviewOpening(characters: Int) -> String {
        String((overview?.text ?? "").prefix(characters))
    }

    /// The query of one portfolio item alone.
    package static func termIDs(of string: String, stats: CorpusStats) -> [UInt32] {
        CorpusText.stems(string).compactMap { stats.termIndex[$0] }
    }
}
