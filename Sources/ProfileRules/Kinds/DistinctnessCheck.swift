import ProfileModel
import ProfileCorpus

/// `distinctness`: a specialized profile should target other posts than the general profile
/// and the other specialized profiles. Reports a specialized profile when more than
/// `max_overlap` of its fitting posts also fit the general profile or an earlier specialized
/// profile (overlap = shared posts / the smaller fit).
public struct DistinctnessCheck: CheckKind {
    public static let name = "distinctness"
    public static let summary = "A specialized profile targets other posts than the general profile and the earlier specialized profiles."
    static let maxOverlap = Parameter.number("max_overlap", default: 0.7, min: 0, max: 1,
                                             "Reported when more than this share of the fitting posts also fit another section (shared / the smaller fit).")
    package static let parameters = [maxOverlap.spec]
    public static let needsField = false
    public static let argumentNames = ["section", "other", "shared", "count", "share"]

    let maxOverlap: Double

    public init(rule: Rule) throws(RuleFileError) {
        maxOverlap = try rule.parameters.value(Self.maxOverlap)
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
            let examples = mine.fit.posts.filter(Set(theirs.fit.posts).contains).prefix(2).map(mine.corpus.postReference)
            let notes = [Note("the rule allows \(Percent.format(maxOverlap)); shared posts include \(examples.joined(separator: " and "))"),
                         Note("the two share \(sharedSkills) of this profile's \(mySkills.count) skill tags")]
            findings.append(Finding(range: mine.titleRange, fieldPath: section.fullPath(mine.query.title == nil ? "" : "title"),
                arguments: ["section": Self.label(section), "other": Self.label(other), "shared": "\(shared)",
                            "count": "\(smaller)", "share": Percent.format(overlap)],
                notes: notes))
        }
        return findings
    }

    /// How a message names a section: `the general profile`, `specialized profile 'Shopify
    /// Sales Analyst'` (its number when it has no title).
    static func label(_ section: ProfileSection) -> String {
        guard section.kind == .specialized else { return "the general profile" }
        if let title = section.node["title"]?.string, !title.trimmingSpaces.isEmpty { return "specialized profile '\(title)'" }
        return section.displayName
    }
}
