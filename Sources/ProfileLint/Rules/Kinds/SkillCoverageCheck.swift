/// `skill-coverage`: the section's skill tags against the tags of the posts that fit it.
/// `check: missing` reports tags at least `min_share` of the fitting posts use that the
/// section lacks; `check: near-duplicates` reports a tag spelled differently from the
/// corpus's spelling (with a fix) and two tags of the section that are the same tag.
public struct SkillCoverageCheck: CheckKind {
    public static let name = "skill-coverage"
    public static let parameterKeys = ["check", "min_share", "max_findings", "min_posts"]
    public static let needsField = false
    public static let argumentNames = ["tag", "in_fit", "fit_size", "evidence", "share", "other", "detail"]

    let mode: String
    let minShare: Double
    let maxFindings: Int
    /// A corpus spelling must be used by at least this many posts to be suggested.
    let minPosts: Int

    public init(rule: Rule) throws(RuleFileError) {
        mode = try rule.parameters.choice("check", ["missing", "near-duplicates"], default: "missing")
        minShare = try rule.parameters.double("min_share", default: 0.2, in: 0...1)
        maxFindings = try rule.parameters.int("max_findings", default: 5, in: 0...100)
        minPosts = try rule.parameters.int("min_posts", default: 3, in: 1...1_000_000)
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context) else { return [] }
        return mode == "missing" ? missing(section, corpusSection) : nearDuplicates(section, corpusSection)
    }

    func missing(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        let canonicalizer = corpusSection.corpus.canonicalizer
        let have = Set(corpusSection.query.skills.map { canonicalizer.key($0.text) })
        let range = corpusSection.query.skillsNode?.range ?? corpusSection.missingFieldRange
        let path = section.fullPath(corpusSection.query.skillsNode == nil ? "" : "skills")
        let count = corpusSection.query.skills.count
        return corpusSection.corpus.fitTags(corpusSection.fit)
            .filter { $0.fitShare >= minShare && !have.contains($0.key) }
            .prefix(maxFindings)
            .map { tag in
                var notes = [Note("'\(tag.display)' is a skill tag \(tag.sentence)")]
                notes.append(Note(count >= 15
                    ? "your 15 tags are all used; replace the tag the closest posts use least"
                    : "you list \(count) of 15 tags; add it if you do this work"))
                return Finding(range: range, fieldPath: path,
                               arguments: ["tag": tag.display, "in_fit": "\(tag.inFit)", "fit_size": "\(tag.fitSize)",
                                           "evidence": tag.sentence, "share": Percent.format(tag.fitShare)],
                               notes: notes)
            }
    }

    /// Two tags of the section that are one tag, and a tag written otherwise than most posts
    /// write it (`PowerBI` for `Power BI`), with a fix to the posts' spelling.
    func nearDuplicates(_ section: ProfileSection, _ corpusSection: CorpusSection) -> [Finding] {
        let canonicalizer = corpusSection.corpus.canonicalizer
        let stats = corpusSection.stats
        var findings: [Finding] = []
        var seen: [String: (text: String, index: Int)] = [:]
        for (index, skill) in corpusSection.query.skills.enumerated() {
            let key = canonicalizer.key(skill.text)
            let path = section.fullPath("skills[\(index)]")
            if let first = seen[key] {
                findings.append(Finding(range: skill.node.range, fieldPath: path,
                    arguments: ["tag": skill.text, "other": first.text,
                                "detail": "the same tag as '\(first.text)' (skills[\(first.index)])"],
                    notes: [Note("duplicate tags waste one of your 15 slots; remove this one")]))
                continue
            }
            seen[key] = (skill.text, index)
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
