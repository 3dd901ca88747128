import Foundation
import ProfileCorpus
import ProfileModel

/// `niche-focus`: whether a section reads as one niche.
/// - `check: rare-skills`: a skill tag that rarely appears on posts together with any of the
///   section's other tags (in less than `min_cooccurrence` of the posts tagging it), on enough
///   posts to show it (`WilsonInterval.showsUnder`: 0 of 2 posts could as well be 1 of 3);
/// - `check: categories`: the section's tags belong to several job categories; reported when
///   the spread (normalized entropy) of the tags over categories exceeds `max_entropy`. A tag
///   is read where the section uses it: on the posts carrying it beside another of the
///   section's tags when at least `min_posts` of those have a category (`SQLite` beside
///   Android tags is on Android posts, though most posts tagged `SQLite` are web posts), else
///   on all its posts. It counts for a category only when at least `min_posts` of those posts
///   have a category and at least `min_share` of them are in that one (a clear majority; a tie
///   never is); other tags count for none. A category is one of the section's niches only with
///   at least `min_niche_tags` tags counted for it, and at least `min_niche_share` of the
///   section's skills (two e-commerce tags among fifteen analytics skills are the clients' domain,
///   not a second trade): one tag of another category is a stray
///   skill (`rare-skills` and the off-niche rule judge it), not a second niche. The entropy is
///   divided by that of `referenceNiches` even niches (capped at 1): a fixed scale, so two
///   even niches read 0.5 whether the corpus has 4 labels or 40, and whatever the number of
///   tags (dividing by the largest value for that many tags and labels made the same two
///   niches read 0.43 in a corpus with five or more labels, under the threshold). Sibling categories count as one:
///   two categories whose posts' tag distributions overlap by at least `min_sibling_overlap`
///   (`Corpus.categoryTagOverlap`: subcategories of one search, such as `Data Analysis` and
///   `Data Visualization`) are one niche;
/// - `check: generic-title`: a title made only of generic words (`generic_words`).
///
/// Score `niche_focus` (0-100): 50 × (1 − category spread) + 50 × mean co-occurrence, where
/// a tag's co-occurrence is the share of its posts that also carry another of the section's
/// tags; when the corpus has no categories or no tag counts for one, 100 × mean co-occurrence.
package struct NicheFocusCheck: ScoringCheckKind {
    package static let name = "niche-focus"
    package static let scoreName = "niche_focus"
    package static let summary = "Whether a section reads as one niche: rare skill pairs, tags spread over categories, a generic title."

    /// What a rule of this kind reports.
    enum Mode: String, CaseIterable, Sendable {
        /// A skill tag rarely found on posts with the section's other tags.
        case rareSkills = "rare-skills"
        /// Tags spread over several job categories.
        case categories
        /// A title made only of generic words.
        case genericTitle = "generic-title"
    }

    static let mode = Parameter.choice("check", default: Mode.rareSkills,
                                       "What to report: rarely paired skill tags, tags spread over categories, or a generic title.")
    static let minCooccurrence = Parameter.number("min_cooccurrence", default: 0.1, min: 0, max: 1,
                                                  "rare-skills: a tag on fewer than this share of its posts together with another of the tags is reported, when its posts are enough to show it (the 95% Wilson upper bound under twice this).")
    static let maxEntropy = Parameter.number("max_entropy", default: 0.45, min: 0, max: 1,
                                             "categories: a spread of the tags over categories above this (their entropy over that of four even niches; two even niches are 0.5) is reported.")
    /// The spread's scale: tags spread evenly over this many niches (or more) read 1. Fixed, so
    /// a profile's spread does not depend on how many labels the corpus has.
    static let referenceNiches = 4
    static let minPosts = Parameter.integer("min_posts", default: 5, min: 1, max: 1_000_000,
                                            "Tags used by fewer posts (with a category, for categories) are not judged.")
    static let minShare = Parameter.number("min_share", default: 0.6, min: 0.5, max: 1,
                                           "categories: the share of a tag's categorized posts its category needs.")
    static let genericWords = Parameter.terms("generic_words", "generic-title: the words a generic title is made of (needed by that check).")
    static let minSiblingOverlap = Parameter.number("min_sibling_overlap", default: 0.5, min: 0, max: 1,
                                                    "categories: two categories whose posts' tag distributions overlap by at least this much count as one niche.")
    static let minNicheTags = Parameter.integer("min_niche_tags", default: 2, min: 1, max: 1_000,
                                                "categories: the tags a category needs to count as one of the section's niches; fewer are stray skills.")
    static let minNicheShare = Parameter.number("min_niche_share", default: 0.15, min: 0, max: 1,
                                                "categories: the share of the section's skills a category needs to count as one of its niches (two e-commerce tags among fifteen data skills are a domain, not a niche).")
    package static let parameters = [mode.spec, minCooccurrence.spec, maxEntropy.spec, minPosts.spec, minShare.spec, minSiblingOverlap.spec,
                                     minNicheTags.spec, minNicheShare.spec, genericWords.spec]
    package static let needsField = false
    package static let argumentNames = ["skill", "together", "posts", "share", "categories", "entropy", "spread", "title", "examples"]

    let mode: Mode
    let minCooccurrence: Double
    let maxEntropy: Double
    /// Tags used by fewer posts (with a category, for `categories`) are not judged.
    let minPosts: Int
    /// The share of a tag's categorized posts its category needs (`categories`).
    let minShare: Double
    /// Categories overlapping this much in their tags are one niche (`categories`).
    let minSiblingOverlap: Double
    /// The tags a category needs to be one of the section's niches (`categories`).
    let minNicheTags: Int
    let minNicheShare: Double
    let genericWords: Set<String>

    package init(rule: Rule) throws(RuleFileError) {
        mode = try rule.parameters.value(Self.mode)
        minCooccurrence = try rule.parameters.value(Self.minCooccurrence)
        maxEntropy = try rule.parameters.value(Self.maxEntropy)
        minPosts = try rule.parameters.value(Self.minPosts)
        minShare = try rule.parameters.value(Self.minShare)
        minSiblingOverlap = try rule.parameters.value(Self.minSiblingOverlap)
        minNicheTags = try rule.parameters.value(Self.minNicheTags)
        minNicheShare = try rule.parameters.value(Self.minNicheShare)
        genericWords = try rule.parameters.value(Self.genericWords)
        if mode == .genericTitle && genericWords.isEmpty {
            throw rule.parameters.has(Self.genericWords) ? rule.parameters.invalid(Self.genericWords, "must list at least one word")
                : RuleFileError(file: rule.file, range: ByteRange(0, 0), message: "check '\(Mode.genericTitle.rawValue)' needs '\(Self.genericWords.spec.key)'")
        }
    }

    /// The section's known tags: (index in skills, tag id) for tags with at least `posts` posts
    /// (`min_posts` unless given).
    func knownSkills(_ corpusSection: CorpusSection, posts: Int? = nil) -> [(index: Int, tag: UInt32)] {
        let ids = corpusSection.corpus.tagIDs(corpusSection.query.skills.map(\.text))
        var seen = Set<UInt32>()
        return ids.enumerated().compactMap { index, id in
            guard let id, Int(corpusSection.stats.tagFrequency[Int(id)]) >= posts ?? minPosts, seen.insert(id).inserted else { return nil }
            return (index, id)
        }
    }

    /// The category each tag clearly belongs to where the section uses it: among the posts
    /// carrying it beside another of `tags` when at least `min_posts` of those have a
    /// category, else among all its posts, at least `min_posts` have a category, at least
    /// `min_share` of those have this one, and no other has as many. Tags without one are left
    /// out.
    func majorityCategories(_ tags: [UInt32], corpus: Corpus) -> [UInt32: Int32] {
        var result: [UInt32: Int32] = [:]
        let section = Set(tags)
        for tag in section {
            let beside = corpus.tagCategories(tag, beside: section)
            let histogram = beside.reduce(0) { $0 + $1.posts } >= minPosts ? beside : corpus.tagCategories(tag)
            let support = histogram.reduce(0) { $0 + $1.posts }
            let ranked = histogram.sorted { $0.posts > $1.posts }
            guard support >= minPosts, let top = ranked.first, Double(top.posts) >= minShare * Double(support),
                  ranked.count == 1 || ranked[1].posts < top.posts else { continue }
            result[tag] = top.category
        }
        return result
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        // Too few fitting posts say the corpus lacks the section's niche, or cannot tell which
        // of its niches is the section's: `corpus-fit` says so, and the niche's shape is not
        // read from other niches' tags.
        guard let corpusSection = CorpusSection(section, context: context) else { return [] }
        switch mode {
        case .rareSkills: return rareSkills(section, corpusSection)
        case .categories: return categories(section, corpusSection)
        case .genericTitle: return genericTitle(section, corpusSection)
        }
    }

    func rareSkills(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        let known = knownSkills(corpusSection)
        guard known.count >= 3 else { return [] }
        let stats = corpusSection.stats
        let counts = corpusSection.corpus.tagCooccurrence(Set(known.map(\.tag)))
        return known.compactMap { index, tag in
            guard let entry = counts[tag], entry.posts > 0 else { return nil }
            // A skill no fitting post names is the off-niche rule's finding, not repeated here.
            if corpusSection.isOffNiche(corpusSection.query.skills[index].text, companionShare: OffNicheCheck.minCompanionShare.defaultValue) { return nil }
            let share = Double(entry.together) / Double(entry.posts)
            // Its posts must show the pairing rare, as the drop list's fit shows a skill rare:
            // none of 2 posts could as well be one in three of the skill's posts; none of 16 cannot.
            guard WilsonInterval.showsUnder(minCooccurrence, count: entry.together, of: entry.posts) else { return nil }
            let skill = corpusSection.query.skills[index]
            let partner = known.filter { $0.tag != tag }.max { stats.cooccurrence(tag, $0.tag) < stats.cooccurrence(tag, $1.tag) }
            var notes: [Note] = []
            if let partner, stats.cooccurrence(tag, partner.tag) > 0 {
                notes.append(Note("the closest of your other skills is '\(corpusSection.query.skills[partner.index].text)', tagged together on \(stats.cooccurrence(tag, partner.tag)) posts"))
            }
            let companions = companionTags(of: tag, corpus: corpusSection.corpus, excluding: Set(known.map(\.tag)))
            if !companions.isEmpty {
                notes.append(Note("clients pair '\(skill.text)' with \(companions.map { "'\($0)'" }.joined(separator: ", ")), none of which you list"))
            }
            notes.append(Note("a skill outside your niche dilutes it; move it to a specialized profile or drop it"))
            return Finding(range: skill.node.range, fieldPath: section.fullPath("skills[\(index)]"),
                           arguments: ["skill": skill.text, "together": entry.together == 0 ? "none" : "only \(entry.together)", "posts": "\(entry.posts)",
                                       "share": Percent.format(share)],
                           notes: notes)
        }
    }

    /// The tags most often on the same posts as `tag`, other than `excluding` (up to three).
    func companionTags(of tag: UInt32, corpus: Corpus, excluding: Set<UInt32>) -> [String] {
        corpus.tagNeighbours(of: tag).neighbours.filter { !excluding.contains($0.tag) }
            .sorted { ($0.posts, $1.tag) > ($1.posts, $0.tag) }.prefix(3).map { corpus.stats.tagDisplays[Int($0.tag)] }
    }

    /// How the section's tags spread over the corpus's categories.
    struct CategorySpread {
        /// Each category (siblings joined with ` + `) with the section's skills counted for it,
        /// most skills first.
        var groups: [(category: String, skills: [String])]
        /// The sibling categories counted as one, each group's names.
        var siblings: [[String]]
        /// Skills the corpus knows that count for no category (too few categorized posts, no clear majority).
        var uncounted: [String]
        /// Skills whose category has fewer than `min_niche_tags` (or `min_niche_share`) of the section's skills: stray
        /// skills, not a niche, with their category.
        var stray: [(skill: String, category: String)]
        /// Entropy of the counts over that of `referenceNiches` even niches, capped at 1: 0 when
        /// all are in one category, 0.5 for two even niches, 1 for four or more.
        var entropy: Double
    }

    /// Nil when the corpus has fewer than two categories or no category has `min_niche_tags`
    /// of the section's skills.
    func categorySpread(_ corpusSection: CorpusSection) -> CategorySpread? {
        let stats = corpusSection.stats
        guard stats.categories.count >= 2 else { return nil }
        // Every tag the corpus knows, so the tags with too few posts are named as not counted.
        let known = knownSkills(corpusSection, posts: 1)
        let majority = majorityCategories(known.map(\.tag), corpus: corpusSection.corpus)
        var byCategory: [Int32: [String]] = [:]
        var uncounted: [String] = []
        for (index, tag) in known {
            let skill = corpusSection.query.skills[index].text
            if let category = majority[tag] { byCategory[category, default: []].append(skill) } else { uncounted.append(skill) }
        }
        let siblings = corpusSection.corpus.siblingGroups(byCategory.keys.sorted(), minOverlap: minSiblingOverlap)
        let all = siblings.map { members in
            (category: members.map { Self.label(stats.categories[Int($0)]) }.joined(separator: " + "), skills: members.flatMap { byCategory[$0] ?? [] })
        }
        // A niche needs its own tags and a share of all the section's skills.
        let needed = max(Double(minNicheTags), minNicheShare * Double(corpusSection.query.skills.count))
        let isNiche = { (group: (category: String, skills: [String])) in Double(group.skills.count) >= needed }
        let groups = all.filter(isNiche)
        let counted = groups.reduce(0) { $0 + $1.skills.count }
        guard counted >= 1 else { return nil }
        let stray = all.filter { !isNiche($0) }.flatMap { group in group.skills.map { (skill: $0, category: group.category) } }
        let entropy = min(1, Statistics.normalizedEntropy(groups.map { Double($0.skills.count) }, outcomes: Self.referenceNiches))
        return CategorySpread(groups: groups.sorted { ($0.skills.count, $1.category) > ($1.skills.count, $0.category) },
                              siblings: siblings.filter { $0.count > 1 }.map { $0.map { Self.label(stats.categories[Int($0)]) } },
                              uncounted: uncounted, stray: stray, entropy: entropy)
    }

    /// A category as the messages name it: a label without a letter (a numeric code, `3`)
    /// reads as "category 3", not as a count.
    static func label(_ category: String) -> String {
        category.contains(where: \.isLetter) ? category : "category \(category)"
    }

    func categories(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        guard let spread = categorySpread(corpusSection), spread.groups.count >= 2, spread.entropy > maxEntropy else { return [] }
        let range = corpusSection.query.skillsNode?.range ?? corpusSection.missingFieldRange
        let list = spread.groups.map { "\($0.skills.count) in \($0.category)" }.joined(separator: ", ")
        let byCategory = spread.groups.map { "\($0.category): \($0.skills.map { "'\($0)'" }.joined(separator: ", "))" }.joined(separator: "; ")
        var notes = [Note("by the category of at least \(Percent.format(minShare)) of the posts carrying them beside another of your skills (of all their posts when fewer than \(minPosts) such posts have a category): \(byCategory)")]
        for group in spread.siblings {
            notes.append(Note("\(group.map { "'\($0)'" }.joined(separator: ", ")) share most of their tags (at least \(Percent.format(minSiblingOverlap)) overlap): counted as one niche"))
        }
        if !spread.uncounted.isEmpty {
            notes.append(Note("not counted (fewer than \(minPosts) posts with a category, or no clear majority): \(spread.uncounted.map { "'\($0)'" }.joined(separator: ", "))"))
        }
        if !spread.stray.isEmpty {
            notes.append(Note("not a niche (fewer than \(minNicheTags) of your skills, or under \(Int((minNicheShare * 100).rounded()))% of them, in its category; judged one by one by the other corpus rules): \(spread.stray.map { "'\($0.skill)' (\($0.category))" }.joined(separator: ", "))"))
        }
        let counted = spread.groups.reduce(0) { $0 + $1.skills.count }
        notes += [Note("spread \(Format.decimal(spread.entropy)) over these \(counted) skills (the entropy of their counts; 0 is one category, 0.5 two even niches, 1 four or more); the rule allows \(Format.decimal(maxEntropy))"),
                  Note("keep the general profile on one category and give each other niche a specialized profile")]
        return [Finding(range: range, fieldPath: section.fullPath("skills"),
                        arguments: ["categories": "\(spread.groups.count)", "entropy": Format.decimal(spread.entropy), "spread": list],
                        notes: notes)]
    }

    func genericTitle(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        guard let title = corpusSection.query.title else { return [] }
        let words = ProfileQuery.termKeys(title.text).filter { !$0.contains(" ") }
        guard !words.isEmpty, words.isSubset(of: genericWords) else { return [] }
        // The examples are wording, read like the other word advice: from the fitting posts in
        // the title's language, without its stop words.
        let wordFit = corpusSection.wordFit
        let phrases = corpusSection.wordTerms(minShare: 0.05, ignore: genericWords, limit: 3, titlesOnly: true)
        var notes = [Note("every word of the title is generic; clients search for a specialty")]
        if !phrases.isEmpty {
            notes.append(Note("titles of \(wordFit.fit.phrase) name one: \(Format.list(phrases))"))
        }
        if let note = CorpusSection.languageNote(wordFit, language: corpusSection.language) { notes.append(note) }
        return [Finding(range: title.node.range, fieldPath: section.fullPath("title"),
                        arguments: ["title": title.text, "examples": Format.list(phrases)], notes: notes)]
    }

    package func scoreContribution(_ section: ProfileSection, context: LintContext) -> ScoreContribution {
        ScoreContribution(score: score(section, context: context))
    }

    /// The section's score (0-100), nil without a corpus.
    func score(_ section: ProfileSection, context: LintContext) -> Double? {
        guard let corpusSection = CorpusSection.any(section, context: context) else { return nil }
        let known = knownSkills(corpusSection)
        guard known.count >= 2 else { return nil }
        let counts = corpusSection.corpus.tagCooccurrence(Set(known.map(\.tag)))
        let shares = known.compactMap { counts[$0.tag] }.filter { $0.posts > 0 }.map { Double($0.together) / Double($0.posts) }
        let cohesion = shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
        guard let spread = categorySpread(corpusSection) else { return 100 * cohesion }
        return 50 * (1 - spread.entropy) + 50 * cohesion
    }
}
