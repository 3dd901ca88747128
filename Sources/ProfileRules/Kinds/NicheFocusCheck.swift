import Foundation
import ProfileCorpus
import ProfileModel

/// `niche-focus`: whether a section reads as one niche.
/// - `check: rare-skills`: a skill tag that rarely appears on posts together with any of the
///   section's other tags (in less than `min_cooccurrence` of the posts tagging it);
/// - `check: categories`: the section's tags belong to several job categories (each tag
///   counts for the category most of its posts are in); reported when the normalized entropy
///   of that spread exceeds `max_entropy`;
/// - `check: generic-title`: a title made only of generic words (`generic_words`).
///
/// Score `niche_focus` (0-100): 50 × (1 − category entropy) + 50 × mean co-occurrence, where
/// a tag's co-occurrence is the share of its posts that also carry another of the section's
/// tags; without categories in the corpus, 100 × mean co-occurrence.
public struct NicheFocusCheck: ScoringCheckKind {
    public static let name = "niche-focus"
    public static let scoreName = "niche_focus"
    public static let parameterKeys = ["check", "min_cooccurrence", "max_entropy", "min_posts", "generic_words"]
    public static let needsField = false
    public static let argumentNames = ["skill", "together", "posts", "share", "categories", "entropy", "spread", "title", "examples"]

    let mode: String
    let minCooccurrence: Double
    let maxEntropy: Double
    /// Tags used by fewer posts are not judged.
    let minPosts: Int
    let genericWords: Set<String>

    public init(rule: Rule) throws(RuleFileError) {
        mode = try rule.parameters.choice("check", ["rare-skills", "categories", "generic-title"], default: "rare-skills")
        minCooccurrence = try rule.parameters.double("min_cooccurrence", default: 0.1, in: 0...1)
        maxEntropy = try rule.parameters.double("max_entropy", default: 0.45, in: 0...1)
        minPosts = try rule.parameters.int("min_posts", default: 5, in: 1...1_000_000)
        genericWords = try rule.parameters.termKeys("generic_words")
        if mode == "generic-title" && genericWords.isEmpty {
            throw rule.parameters.has("generic_words") ? rule.parameters.invalid("generic_words", "must list at least one word")
                : RuleFileError(file: rule.file, range: ByteRange(0, 0), message: "check 'generic-title' needs 'generic_words'")
        }
    }

    /// The section's known tags: (index in skills, tag id) for tags with at least `min_posts` posts.
    func knownSkills(_ corpusSection: CorpusSection) -> [(index: Int, tag: UInt32)] {
        let ids = corpusSection.corpus.tagIDs(corpusSection.query.skills.map(\.text))
        var seen = Set<UInt32>()
        return ids.enumerated().compactMap { index, id in
            guard let id, Int(corpusSection.stats.tagFrequency[Int(id)]) >= minPosts, seen.insert(id).inserted else { return nil }
            return (index, id)
        }
    }

    /// Per known tag: posts tagging it, and those also tagging another known tag.
    func cooccurrence(_ tags: [UInt32], stats: CorpusStats) -> [UInt32: (posts: Int, together: Int)] {
        let wanted = Set(tags)
        var result: [UInt32: (posts: Int, together: Int)] = [:]
        for post in 0..<stats.postCount {
            let present = stats.tags(ofPost: post).filter(wanted.contains)
            for tag in present {
                var entry = result[tag] ?? (0, 0)
                entry.posts += 1
                if present.count >= 2 { entry.together += 1 }
                result[tag] = entry
            }
        }
        return result
    }

    /// Each known tag's majority category (nil when its posts have none).
    func majorityCategories(_ tags: [UInt32], stats: CorpusStats) -> [UInt32: Int32] {
        let wanted = Set(tags)
        var counts: [UInt32: [Int32: Int]] = [:]
        for post in 0..<stats.postCount where stats.postCategory[post] >= 0 {
            for tag in stats.tags(ofPost: post) where wanted.contains(tag) {
                counts[tag, default: [:]][stats.postCategory[post], default: 0] += 1
            }
        }
        return counts.compactMapValues { histogram in
            histogram.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        // Tag co-occurrence and categories come from the whole corpus, not the fit, so they
        // hold however few posts fit; the title examples come from the fit.
        guard let corpusSection = mode == "generic-title" ? CorpusSection(section, context: context)
                : CorpusSection.any(section, context: context) else { return [] }
        switch mode {
        case "rare-skills": return rareSkills(section, corpusSection)
        case "categories": return categories(section, corpusSection)
        default: return genericTitle(section, corpusSection)
        }
    }

    func rareSkills(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        let known = knownSkills(corpusSection)
        guard known.count >= 3 else { return [] }
        let stats = corpusSection.stats
        let counts = cooccurrence(known.map(\.tag), stats: stats)
        return known.compactMap { index, tag in
            guard let entry = counts[tag], entry.posts > 0 else { return nil }
            // A skill no fitting post names is the off-niche rule's finding, not repeated here.
            if corpusSection.fit.isEnough && corpusSection.fitPostsNaming(corpusSection.query.skills[index].text) == 0 { return nil }
            let share = Double(entry.together) / Double(entry.posts)
            guard share < minCooccurrence else { return nil }
            let skill = corpusSection.query.skills[index]
            let partner = known.filter { $0.tag != tag }.max { stats.cooccurrence(tag, $0.tag) < stats.cooccurrence(tag, $1.tag) }
            var notes: [Note] = []
            if let partner, stats.cooccurrence(tag, partner.tag) > 0 {
                notes.append(Note("the closest of your other skills is '\(corpusSection.query.skills[partner.index].text)', tagged together on \(stats.cooccurrence(tag, partner.tag)) posts"))
            }
            // Which tags clients pair it with is advice from other niches unless enough posts fit.
            let companions = corpusSection.fit.isEnough ? companionTags(of: tag, stats: stats, excluding: Set(known.map(\.tag))) : []
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
    func companionTags(of tag: UInt32, stats: CorpusStats, excluding: Set<UInt32>) -> [String] {
        var counts: [UInt32: Int] = [:]
        for post in 0..<stats.postCount where stats.tags(ofPost: post).contains(tag) {
            for other in stats.tags(ofPost: post) where other != tag && !excluding.contains(other) { counts[other, default: 0] += 1 }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { stats.tagDisplays[Int($0.key)] }
    }

    /// "data_analysis: 'SQL', 'Excel'; video: 'Video Editing'", categories with most tags first.
    func tagsByCategory(_ corpusSection: CorpusSection) -> String {
        let stats = corpusSection.stats
        let known = knownSkills(corpusSection)
        let majority = majorityCategories(known.map(\.tag), stats: stats)
        var groups: [Int32: [String]] = [:]
        for (index, tag) in known { if let category = majority[tag] { groups[category, default: []].append(corpusSection.query.skills[index].text) } }
        return groups.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
            .map { "\(stats.categories[Int($0.key)]): \($0.value.map { "'\($0)'" }.joined(separator: ", "))" }
            .joined(separator: "; ")
    }

    /// Tags per majority category and the normalized entropy of that spread.
    func categorySpread(_ corpusSection: CorpusSection) -> (counts: [(String, Int)], entropy: Double)? {
        let stats = corpusSection.stats
        guard stats.categories.count >= 2 else { return nil }
        let known = knownSkills(corpusSection)
        let majority = majorityCategories(known.map(\.tag), stats: stats)
        var votes: [Int32: Int] = [:]
        for (_, tag) in known { if let category = majority[tag] { votes[category, default: 0] += 1 } }
        guard votes.values.reduce(0, +) >= 2 else { return nil }
        let entropy = Statistics.normalizedEntropy(votes.values.map(Double.init), outcomes: stats.categories.count)
        let counts = votes.map { (stats.categories[Int($0.key)], $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        return (counts, entropy)
    }

    func categories(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        guard let spread = categorySpread(corpusSection), spread.counts.count >= 2, spread.entropy > maxEntropy else { return [] }
        let range = corpusSection.query.skillsNode?.range ?? corpusSection.missingFieldRange
        let list = spread.counts.map { "\($0.1) in \($0.0)" }.joined(separator: ", ")
        return [Finding(range: range, fieldPath: section.fullPath("skills"),
                        arguments: ["categories": "\(spread.counts.count)", "entropy": Format.decimal(spread.entropy),
                                    "spread": list],
                        notes: [Note("by the job category most of their posts belong to: \(tagsByCategory(corpusSection))"),
                                Note("spread (normalized entropy) \(Format.decimal(spread.entropy)); 0 is one category, 1 is all \(corpusSection.stats.categories.count) equally; the rule allows \(Format.decimal(maxEntropy))"),
                                Note("keep the general profile on one category and give each other niche a specialized profile")])]
    }

    func genericTitle(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        guard let title = corpusSection.query.title else { return [] }
        let words = ProfileQuery.termKeys(title.text).filter { !$0.contains(" ") }
        guard !words.isEmpty, words.isSubset(of: genericWords) else { return [] }
        let phrases = corpusSection.corpus.characteristicTerms(corpusSection.fit, minShare: 0.05, ignore: genericWords,
                                                               limit: 3, titlesOnly: true)
        var notes = [Note("every word of the title is generic; clients search for a specialty")]
        if !phrases.isEmpty {
            notes.append(Note("titles of \(corpusSection.fit.phrase) name one: \(Format.list(phrases))"))
        }
        return [Finding(range: title.node.range, fieldPath: section.fullPath("title"),
                        arguments: ["title": title.text, "examples": Format.list(phrases)], notes: notes)]
    }

    public func scoreContribution(_ section: ProfileSection, context: LintContext) -> ScoreContribution {
        ScoreContribution(score: score(section, context: context))
    }

    /// The section's score (0-100), nil without a corpus.
    func score(_ section: ProfileSection, context: LintContext) -> Double? {
        guard let corpusSection = CorpusSection.any(section, context: context) else { return nil }
        let known = knownSkills(corpusSection)
        guard known.count >= 2 else { return nil }
        let counts = cooccurrence(known.map(\.tag), stats: corpusSection.stats)
        let shares = known.compactMap { counts[$0.tag] }.filter { $0.posts > 0 }.map { Double($0.together) / Double($0.posts) }
        let cohesion = shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
        guard let spread = categorySpread(corpusSection) else { return 100 * cohesion }
        return 50 * (1 - spread.entropy) + 50 * cohesion
    }
}
