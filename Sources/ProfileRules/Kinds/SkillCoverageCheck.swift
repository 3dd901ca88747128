import ProfileModel
import ProfileCorpus

/// `skill-coverage`: the section's skill tags against the tags of the posts that fit it.
/// `check: missing` reports tags at least `min_share` of the fitting posts use, and at least
/// `min_lift` times as often as the other posts (at the lower bound of the share the fitting
/// posts support), and that live near the section (at least
/// `min_cooccurrence` of the corpus posts carrying them carry one of its tags, or twice as many
/// as of all posts; see `Corpus.distinctiveTags`), that the section lacks; `check: near-duplicates` reports a tag spelled differently from the
/// corpus's spelling (with a fix). Two tags of the section that are one tag are left to the
/// `unique` kind (`skills-unique`), so one problem gets one finding.
package struct SkillCoverageCheck: CheckKind {
    package static let name = "skill-coverage"
    package static let summary = "The skill tags against the tags of the posts that fit the section: missing ones and other spellings."

    /// What a rule of this kind reports.
    enum Mode: String, CaseIterable, Sendable {
        /// Tags common on the fitting posts that the section lacks.
        case missing
        /// A tag spelled otherwise than most posts spell it.
        case nearDuplicates = "near-duplicates"
    }

    static let mode = Parameter.choice("check", default: Mode.missing,
                                       "What to report: tags the section lacks, or tags spelled otherwise than the posts spell them.")
    static let minShare = Parameter.number("min_share", default: 0.2, min: 0, max: 1,
                                           "missing: a tag must be on at least this share of the fitting posts.")
    static let minLift = Parameter.number("min_lift", default: 1.5, min: 0, max: 1000,
                                          "missing: ...and at least this many times as common there as on the other posts, at the lower bound of what the fitting posts support.")
    static let maxFindings = Parameter.integer("max_findings", default: 5, min: 0, max: 100, "The most tags reported per section.")
    static let minPosts = Parameter.integer("min_posts", default: 3, min: 1, max: 1_000_000,
                                            "near-duplicates: a corpus spelling must be used by at least this many posts.")
    static let minCooccurrence = Parameter.number("min_cooccurrence", default: 0.5, min: 0, max: 1,
                                                  "missing: a tag must also live near the section: at least this share of the posts carrying it also carry one of its tags (or twice the share of all posts that do).")
    package static let parameters = [mode.spec, minShare.spec, minLift.spec, maxFindings.spec, minPosts.spec, minCooccurrence.spec]
    package static let needsField = false
    package static let argumentNames = ["tag", "in_fit", "fit_size", "evidence", "share", "other", "detail"]

    let mode: Mode
    let minShare: Double
    /// A missing tag must be at least this many times as common on the fitting posts as on the
    /// rest of the corpus (when the rest is at least as large as the fit), so tags every
    /// track uses (`JavaScript` for an Android profile) are not pressed on the profile.
    let minLift: Double
    /// The share of a missing tag's corpus posts that must also carry one of the section's
    /// tags (unless they do twice as often as posts in general), so another niche's tag that a
    /// few fitting posts carry is not pressed on the profile.
    let minCooccurrence: Double
    let maxFindings: Int
    /// A corpus spelling must be used by at least this many posts to be suggested.
    let minPosts: Int

    package init(rule: Rule) throws(RuleFileError) {
        mode = try rule.parameters.value(Self.mode)
        minShare = try rule.parameters.value(Self.minShare)
        minLift = try rule.parameters.value(Self.minLift)
        minCooccurrence = try rule.parameters.value(Self.minCooccurrence)
        maxFindings = try rule.parameters.value(Self.maxFindings)
        minPosts = try rule.parameters.value(Self.minPosts)
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        // A spelling is judged against the whole corpus's tags, however few posts fit.
        guard let corpusSection = mode == .missing ? CorpusSection(section, context: context)
                : CorpusSection.any(section, context: context) else { return [] }
        switch mode {
        case .missing: return missing(section, corpusSection)
        case .nearDuplicates: return nearDuplicates(section, corpusSection)
        }
    }

    func missing(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        let canonicalizer = corpusSection.corpus.canonicalizer
        let have = Set(corpusSection.query.skills.map { canonicalizer.key($0.text) })
        let range = corpusSection.query.skillsNode?.range ?? corpusSection.missingFieldRange
        let path = section.fullPath(corpusSection.query.skillsNode == nil ? "" : "skills")
        let count = corpusSection.query.skills.count
        let fitTags = corpusSection.corpus.fitTags(corpusSection.fit)
        let tagPosts = Dictionary(fitTags.map { ($0.key, $0.inFit) }, uniquingKeysWith: { first, _ in first })
        let leastUsed = corpusSection.query.skills.map { (text: $0.text, posts: tagPosts[canonicalizer.key($0.text)] ?? 0) }
            .enumerated().min { ($0.element.posts, $0.offset) < ($1.element.posts, $1.offset) }?.element
        return corpusSection.corpus.distinctiveTags(corpusSection.fit, minShare: minShare, minLift: minLift,
                                                    alongside: corpusSection.knownTags, minCooccurrence: minCooccurrence)
            .filter { !have.contains($0.key) && corpusSection.corpus.isNamedInText($0, in: corpusSection.fit) }
            .prefix(maxFindings)
            .map { tag in
                var notes: [Note] = []
                if let contrast = tag.contrast { notes.append(Note("it is \(contrast)")) }
                if count >= 15, let weakest = leastUsed {
                    let carriers = weakest.posts == 0 ? "none of \(corpusSection.fit.phrase) carry" : "only \(weakest.posts) of \(corpusSection.fit.phrase) carry"
                    let slots = count == 15 ? "all 15 tag slots are used" : "your \(count) tags are over the limit of 15"
                    notes.append(Note("\(slots); if you do this work, replace '\(weakest.text)', which \(carriers)"))
                } else {
                    notes.append(Note("you list \(count) of 15 tags; add it if you do this work"))
                }
                return Finding(range: range, fieldPath: path,
                               arguments: ["tag": tag.display, "in_fit": tag.inFit.grouped, "fit_size": tag.fitSize.grouped,
                                           "evidence": tag.sentence, "share": Percent.format(tag.fitShare)],
                               notes: notes)
            }
    }

    /// A tag written otherwise than most posts write it (`PowerBI` for `Power BI`), with a fix
    /// to the posts' spelling; only the first of two spellings of one tag is judged.
    func nearDuplicates(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        let canonicalizer = corpusSection.corpus.canonicalizer
        let stats = corpusSection.stats
        var findings: [Finding] = []
        var seen = Set<String>()
        for (index, skill) in corpusSection.query.skills.enumerated() {
            let key = canonicalizer.key(skill.text)
            let path = section.fullPath("skills[\(index)]")
            // A second spelling of a listed tag is `skills-unique`'s finding, not repeated here.
            guard seen.insert(key).inserted else { continue }
            guard let tag = stats.tagIndex[key], Int(stats.tagFrequency[Int(tag)]) >= minPosts else { continue }
            let spelling = stats.tagDisplays[Int(tag)]
            guard canonicalizer.spelling(spelling) != canonicalizer.spelling(skill.text) else { continue }
            let posts = Int(stats.tagFrequency[Int(tag)])
            let contentRange = skill.node.scalar?.spans.contentRange ?? skill.node.range
            findings.append(Finding(range: skill.node.range, fieldPath: path,
                arguments: ["tag": skill.text, "other": spelling,
                            "detail": "usually written '\(spelling)' (the spelling of most of the \(posts) posts tagging it)"],
                notes: [Note("clients search for the tag as the marketplace lists it: '\(spelling)'")],
                fixes: Self.isSafePlainScalar(spelling)
                    ? [Fix(description: "Spell the tag '\(spelling)'", edits: [TextEdit(range: contentRange, replacement: spelling)])]
                    : []))
        }
        return Array(findings.prefix(maxFindings))
    }

    /// Whether a replacement can stand in the source unquoted or inside quotes alike
    /// (letters, digits, spaces and `.+#/-&`, not starting with a symbol).
    static func isSafePlainScalar(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first.properties.numericType != nil else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || " .+#/-&".unicodeScalars.contains($0)
        }
    }
}
