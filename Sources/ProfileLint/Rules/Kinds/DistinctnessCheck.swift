/// `distinctness`: a specialized profile should target other posts than the general profile
/// and the other specialized profiles. Reports a specialized profile when more than
/// `max_overlap` of its fitting posts also fit the general profile or an earlier specialized
/// profile (overlap = shared posts / the smaller fit).
public struct DistinctnessCheck: CheckKind {
    public static let name = "distinctness"
    public static let parameterKeys = ["max_overlap"]
    public static let needsField = false
    public static let argumentNames = ["other", "shared", "count", "share"]

    let maxOverlap: Double

    public init(rule: Rule) throws(RuleFileError) {
        maxOverlap = try rule.parameters.double("max_overlap", default: 0.7, in: 0...1)
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard section.kind == .specialized, let index = section.index,
              let mine = CorpusSection(section, context: context) else { return [] }
        let others = context.profile.sections.filter { other in other.kind == .profile || (other.index ?? .max) < index }
        var findings: [Finding] = []
        let myPosts = Set(mine.fit.posts)
        let canonicalizer = mine.corpus.canonicalizer
        let mySkills = Set(mine.query.skills.map { canonicalizer.key($0.text) })
        for other in others {
            guard let theirs = CorpusSection(other, context: context) else { continue }
            let shared = myPosts.intersection(theirs.fit.posts).count
            let smaller = min(mine.fit.count, theirs.fit.count)
            let overlap = Double(shared) / Double(smaller)
            guard overlap > maxOverlap else { continue }
            let theirSkills = Set(theirs.query.skills.map { canonicalizer.key($0.text) })
            let sharedSkills = mySkills.intersection(theirSkills).count
            findings.append(Finding(range: mine.titleRange, fieldPath: section.fullPath(mine.query.title == nil ? "" : "title"),
                arguments: ["other": other.displayName, "shared": "\(shared)", "count": "\(smaller)",
                            "share": Percent.format(overlap)],
                notes: [Note("\(shared) of the \(smaller) posts closest to the smaller of the two are the same (\(Percent.format(overlap)); the rule allows \(Percent.format(maxOverlap)))"),
                        Note("the two share \(sharedSkills) of this profile's \(mySkills.count) skill tags"),
                        Note("a specialized profile earns its place by targeting other posts: give it its own title, skills and portfolio")]))
        }
        return findings
    }
}
