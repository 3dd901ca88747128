import Foundation
import ProfileCorpus
import ProfileModel
import ProfileText

/// `off-niche`: what a section lists or names outside the niche of the posts that fit it.
/// - `check: skills`: a skill tag that none of the fitting posts carries or mentions in its
///   title or description (also a tag no post of the whole corpus has), unless one of its
///   companions (a tag on at least half of the posts tagging it) is on at least
///   `min_companion_share` of the fitting posts: an in-niche tag the corpus rarely uses;
/// - `check: title`: a title of several parts (`Power BI Developer and Logo Designer`) where
///   one part matches fewer than `max_part_share` of the fitting posts while another matches
///   at least `min_other_share` of them: two niches in one title. A weak part needs evidence
///   that it is another niche: either at least `min_part_posts` posts outside the fit match it
///   (the corpus has its niche elsewhere), or, when the corpus has (almost) no post for it,
///   the profile does not support it either (its words are in none of the skills, the overview
///   and no other part of the title): `DAX` beside `Dashboards` in a Power BI developer's
///   title is a tool of the niche that short headlines never name, not a second niche, unless
///   the part ends with another occupation than the strong part (`Logo Designer` beside
///   `Power BI Developer`: the skills then list the second niche's tools). Posts
///   outside the fit that carry one of the fit's common tags (on a fifth of it) are the
///   niche's own, not evidence of another.
///
/// A part matches a post when the post's words alone would fit that part (the word score of
/// `FitCriterion`, for the part's words). Both checks need enough fitting posts.
package struct OffNicheCheck: CheckKind {
    package static let name = "off-niche"
    package static let summary = "What a section lists or names outside the niche of the posts that fit it."

    /// What a rule of this kind reports.
    enum Mode: String, CaseIterable, Sendable {
        /// A skill tag no fitting post carries or mentions.
        case skills
        /// A title that names two niches.
        case title
    }

    static let mode = Parameter.choice("check", default: Mode.skills,
                                       "What to report: skill tags outside the niche, or a title naming two niches.")
    static let maxPartShare = Parameter.number("max_part_share", default: 0.02, min: 0, max: 1,
                                               "title: a part matching fewer than this share of the fitting posts (or fewer than min_part_posts of them) is off the niche...")
    static let minOtherShare = Parameter.number("min_other_share", default: 0.2, min: 0, max: 1,
                                                "title: ...when another part matches at least this share of them.")
    static let minCompanionShare = Parameter.number("min_companion_share", default: 0.25, min: 0, max: 1,
                                                    "skills: a skill no fitting post names is still in the niche when a tag on at least half of its posts is on this share of the fitting posts.")
    static let minPartPosts = Parameter.integer("min_part_posts", default: 5, min: 1, max: 1_000_000,
                                                "title: a part matching fewer fitting posts is weak; a weak part is another niche when at least this many posts outside the fit match it; with fewer, only when it ends with another occupation or neither the skills nor the rest of the title name its words.")
    package static let parameters = [mode.spec, maxPartShare.spec, minOtherShare.spec, minCompanionShare.spec, minPartPosts.spec]
    package static let needsField = false
    package static let argumentNames = ["skill", "fit", "corpus", "part", "part_posts", "other", "other_posts"]

    let mode: Mode
    let maxPartShare: Double
    let minOtherShare: Double
    let minCompanionShare: Double
    let minPartPosts: Int

    package init(rule: Rule) throws(RuleFileError) {
        mode = try rule.parameters.value(Self.mode)
        maxPartShare = try rule.parameters.value(Self.maxPartShare)
        minOtherShare = try rule.parameters.value(Self.minOtherShare)
        minCompanionShare = try rule.parameters.value(Self.minCompanionShare)
        minPartPosts = try rule.parameters.value(Self.minPartPosts)
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context) else { return [] }
        switch mode {
        case .skills: return skills(section, corpusSection)
        case .title: return title(section, corpusSection, criterion: context.fitCriterion)
        }
    }

    func skills(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        let stats = corpusSection.stats
        var seen = Set<String>()
        return corpusSection.query.skills.enumerated().compactMap { index, skill in
            let key = corpusSection.corpus.canonicalizer.key(skill.text)
            guard seen.insert(key).inserted, corpusSection.isOffNiche(skill.text, companionShare: minCompanionShare) else { return nil }
            let tagged = stats.tagIndex[key].map { Int(stats.tagFrequency[Int($0)]) } ?? 0
            let corpusText: String
            if tagged == 0 {
                corpusText = "no post of the whole corpus carries it either"
            } else {
                let posts = stats.tagIndex[key].map { stats.posts(withTag: $0).map(Int.init) } ?? []
                let majority = corpusSection.corpus.categoryCounts(posts).first.map { ", mostly in '\(NicheFocusCheck.label($0.category))'" } ?? ""
                corpusText = (tagged == 1 ? "1 other post of the corpus carries it" : "\(tagged) other posts of the corpus carry it") + majority
            }
            return Finding(range: skill.node.range, fieldPath: section.fullPath("skills[\(index)]"),
                           arguments: ["skill": skill.text, "fit": corpusSection.fit.phrase, "corpus": corpusText],
                           notes: [Note("clients in this profile's niche neither tag nor mention it, so it spends one of your 15 tags on searches this profile does not target"),
                                   Note("move it to a specialized profile for that niche, or drop it")])
        }
    }

    /// How many posts match a title part: fitting posts, and others that carry none of the
    /// fit's common tags (posts of another niche; `hasNicheTags` are the rest).
    typealias PartMatch = (text: String, posts: Int, elsewhere: Int, fitting: [Int])

    func title(_ section: ProfileSection, _ corpusSection: CorpusSection, criterion: FitCriterion) -> [Finding] {
        guard let title = corpusSection.query.title else { return [] }
        let parts = Self.parts(of: title.text)
        guard parts.count >= 2 else { return [] }
        // A post outside the fit carrying one of the fit's common tags (a WooCommerce post
        // tagged WordPress) is the niche's, not another's.
        let nicheTags = corpusSection.commonTags
        let stems = parts.map(CorpusText.stems)
        let matches = parts.enumerated().map { index, part -> PartMatch in
            let shared = Set(stems.enumerated().filter { $0.offset != index }.flatMap(\.element))
            let own = stems[index].filter { !shared.contains($0) }
            let words = Set(own.isEmpty ? stems[index] : own)
            let ids = words.compactMap { corpusSection.stats.termIndex[$0] }
            let query = FitQuery(tags: [], words: ids, unknownWords: words.count - ids.count)
            let matched = corpusSection.corpus.wordMatches(query, criterion: criterion)
            let (inFit, elsewhere) = corpusSection.corpus.split(matched, by: corpusSection.fit, outsideCarryingNoneOf: nicheTags)
            return (part, inFit.count, elsewhere, inFit)
        }
        let size = Double(corpusSection.fit.count)
        let separate = { Self.separateNiches(matches, corpus: corpusSection.corpus, minPosts: self.minPartPosts)
            .map { [self.twoFittingNiches($0, section: section, title: title, corpusSection: corpusSection)] } ?? [] }
        guard let strongest = matches.max(by: { $0.posts < $1.posts }), Double(strongest.posts) >= minOtherShare * size else { return separate() }
        let skills = corpusSection.query.skills.map(\.text) + [section.node["overview"]?.string].compactMap { $0 }
        // Weak: under a small share of the fit, or under the fewest posts that are evidence of
        // anything (with 65 fitting posts, 2% is one post: a part matching 3 posts on a word
        // the niche also uses, 'design' of dashboard design, is no part of it).
        let candidates = matches.enumerated().compactMap { index, match -> (match: PartMatch, supported: Bool)? in
            guard match.posts < strongest.posts, Double(match.posts) < maxPartShare * size || match.posts < minPartPosts else { return nil }
            let supported = Self.isSupported(match.text, by: skills + parts.enumerated().filter { $0.offset != index }.map(\.element))
            let other = match.elsewhere >= minPartPosts || Self.isOtherOccupation(match.text, than: strongest.text) || !supported
            return other ? (match, supported) : nil
        }
        guard let (weakest, supported) = candidates.min(by: { ($0.match.posts, $1.match.elsewhere) < ($1.match.posts, $0.match.elsewhere) })
        else { return separate() }
        let evidence: String
        if weakest.elsewhere >= minPartPosts {
            evidence = "'\(weakest.text)' matches \(weakest.elsewhere) posts outside the fit that carry none of the fit's common tags: clients of another niche"
        } else if supported, let own = Self.occupation(of: weakest.text), let other = Self.occupation(of: strongest.text) {
            evidence = "'\(weakest.text)' names another line of work than '\(strongest.text)' (\(own), not \(other))"
        } else {
            evidence = "\(weakest.elsewhere == 0 ? "no post" : weakest.elsewhere == 1 ? "only 1 post" : "only \(weakest.elsewhere) posts") of another niche "
                + "\(weakest.elsewhere > 1 ? "match" : "matches") '\(weakest.text)', and neither your skills, your overview nor the rest of the title name its words"
        }
        return [Finding(range: title.node.range, fieldPath: section.fullPath("title"),
                        arguments: ["part": weakest.text, "part_posts": "\(weakest.posts)", "other": strongest.text,
                                    "other_posts": "\(strongest.posts)", "fit": corpusSection.fit.phrase],
                        notes: [Note(evidence),
                                Note("a title that names two unrelated niches reads as a generalist's to clients of both"),
                                Note("keep the title on '\(strongest.text)' and give '\(weakest.text)' a specialized profile of its own")])]
    }

    /// Whether the profile itself places a title part in its niche: every content word of the
    /// part (by stem) is a word of one of `names` (the skills, the overview, the title's other parts).
    static func isSupported(_ part: String, by names: [String]) -> Bool {
        let words = Set(CorpusText.stems(part))
        return !words.isEmpty && words.isSubset(of: Set(names.flatMap(CorpusText.stems)))
    }

    /// Head nouns that name a line of work. A weak part headed by one other than the strong
    /// part's (`Logo Designer` beside `Power BI Developer`) names a second occupation even when
    /// the profile's skills and overview name its words: they list the second niche's skills.
    static let occupations: Set<String> = [
        "accountant", "actor", "administrator", "analyst", "animator", "architect", "artist", "assistant",
        "bookkeeper", "coach", "composer", "consultant", "copywriter", "designer", "developer", "editor",
        "engineer", "illustrator", "manager", "marketer", "musician", "photographer", "planner", "producer",
        "programmer", "proofreader", "recruiter", "researcher", "scientist", "specialist", "strategist",
        "teacher", "tester", "transcriber", "translator", "tutor", "videographer", "writer",
    ]

    /// The occupation a title part ends with (its head noun, singular), if any.
    static func occupation(of part: String) -> String? {
        guard let last = part.split(whereSeparator: { !$0.isLetter }).last?.lowercased() else { return nil }
        if occupations.contains(last) { return last }
        let singular = last.hasSuffix("s") ? String(last.dropLast()) : last
        return occupations.contains(singular) ? singular : nil
    }

    /// Whether `part` and `strongest` end with two different occupations.
    static func isOtherOccupation(_ part: String, than strongest: String) -> Bool {
        guard let own = occupation(of: part), let other = occupation(of: strongest) else { return false }
        return own != other
    }

    /// What separates a title's parts, compiled once per process rather than per title.
    static let titleSeparators = ICUExpression.shared(#"\s+(?:and|&|\+)\s+|\s*[|/,•·]\s*|\s+[-–—]\s+"#, caseInsensitive: true)

    /// The parts of a title between separators (`and`, `&`, `|`, `/`, `,`, `+`, dashes, bullets)
    /// that have a word of at least two letters.
    static func parts(of title: String) -> [String] {
        let bytes = Array(title.utf8)
        // A title the expression cannot run on (past its time limit) is one part.
        guard let separators = try? titleSeparators.characterRanges(in: title, bytes: bytes) else { return [title] }
        var parts: [String] = []
        var start = 0
        for found in separators {
            parts.append(String(decoding: bytes[start..<found.lowerBound], as: UTF8.self))
            start = found.upperBound
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { part in
            part.split(separator: " ").contains { $0.filter(\.isLetter).count >= 2 }
        }
    }
}

extension CorpusSection {
    /// Whether a skill lies outside the niche of the fitting posts: none of them carries it or
    /// names it, and none of its companions is on `companionShare` of them (`Generative AI`,
    /// on 4 posts of a corpus, none fitting, beside `AI Agent Development` on every fitting
    /// post, is a rare tag of the niche, not another niche's).
    func isOffNiche(_ skill: String, companionShare: Double) -> Bool {
        let tag = stats.tagIndex[corpus.canonicalizer.key(skill)]
        return !corpus.anyFitPost(carrying: tag, orHolding: namingTerms(of: skill), in: fit)
            && nicheCompanion(of: skill, share: companionShare) == nil
    }

    /// Fitting posts that carry `skill` as a tag (canonical key) or name it in their text, as
    /// written, by its canonical name or by another alias of it (each as one term, for names
    /// of up to three words).
    func fitPostsNaming(_ skill: String) -> Int {
        let tag = stats.tagIndex[corpus.canonicalizer.key(skill)]
        return corpus.fitPosts(carrying: tag, orHolding: namingTerms(of: skill), in: fit, batch: sectionNamingTerms)
    }

    /// Posts of the whole corpus that carry or name `skill`, as `fitPostsNaming` counts them.
    func corpusPostsNaming(_ skill: String) -> Int {
        corpus.posts(carrying: stats.tagIndex[corpus.canonicalizer.key(skill)], orHolding: namingTerms(of: skill))
    }

    /// The terms that name `skill` in a post's text (`names(of:aliases:)`, each as one term).
    func namingTerms(of skill: String) -> Set<UInt32> {
        Set(Self.names(of: skill, aliases: corpus.canonicalizer.aliases).compactMap { name -> UInt32? in
            let term = CorpusText.stems(name).joined(separator: " ")
            return term.isEmpty ? nil : stats.termIndex[term]
        })
    }

    /// The naming terms of all the section's skills: the rules ask for each skill in turn, and
    /// the fit's rows are read once for all of them. Memoized per list of skills.
    var sectionNamingTerms: Set<UInt32> {
        corpus.memoized(SkillsKey(skills: query.skills.map(\.text))) {
            query.skills.reduce(into: Set<UInt32>()) { $0.formUnion(namingTerms(of: $1.text)) }
        }
    }

    /// The memo key of `sectionNamingTerms`.
    private struct SkillsKey: Hashable {
        var skills: [String]
    }

    /// The skill as written, its canonical name and the canonical name's other aliases.
    static func names(of skill: String, aliases: SkillAliases?) -> [String] {
        guard let aliases, let canonical = aliases.canonical(for: skill) else { return [skill] }
        let group = aliases.groups.first { $0.canonical == canonical }
        var seen = Set<String>()
        return ([skill, canonical] + (group?.aliases ?? [])).filter { seen.insert($0).inserted }
    }

    /// The first (by tag id) of the skill's companions — tags on at least half of the corpus
    /// posts tagging it, and on at least `minPosts` of them — that at least `share` of the
    /// fitting posts carry; nil when none is, or the corpus has no post tagging the skill.
    func nicheCompanion(of skill: String, share: Double, minPosts: Int = 1) -> UInt32? {
        guard let tag = stats.tagIndex[corpus.canonicalizer.key(skill)], fit.count > 0 else { return nil }
        let (posts, neighbours) = corpus.tagNeighbours(of: tag)
        let companions = neighbours.filter { 2 * $0.posts >= posts && $0.posts >= minPosts }.map(\.tag)
        return companions.first { companion in
            let inFit = corpus.fitPosts(carrying: companion, orHolding: [], in: fit)
            return inFit > 0 && Double(inFit) / Double(fit.count) >= share
        }
    }
}
