import ProfileCorpus

/// Tags the fitting posts carry *instead of* the section's own: the posts asking for one carry
/// fewer of the section's skills among their other tags (`PHP` or `Django` beside a MERN
/// developer's tags, `Node.js` beside a React front-end developer's). Offered as alternatives clients also ask for, not as tags to add. Read by hand
/// on the evaluation's labelled tags (ADVICE.md, "Round nine: suggestions"): under
/// `maxAlternativeOverlap`, 13 of 68 rejected tags and none of 25 accepted ones; the separation
/// is weak overall (AUC 0.68): clients list most alternatives with the skills they replace
/// (`iOS` beside `Android`), and those stay.
extension Suggestions {
    /// A tag is an alternative when the share of its fitting posts' other tags that are the
    /// section's is under this many times the share of the tagged fitting posts' tags that are.
    static let maxAlternativeOverlap = 0.95

    /// Splits the tags to add into those to add and the alternatives (`maxAlternativeOverlap`).
    /// The tag's own slot is left out of its posts' tags: a post listing four tags has one
    /// fewer for the section's when one is this tag, whatever the tag is.
    static func splitAlternatives(_ tags: [Evidence], corpusSection: CorpusSection) -> (add: [Evidence], alternatives: [Evidence]) {
        let overlap = corpusSection.sectionTagOverlap
        guard overlap.base > 0 else { return (tags, []) }
        var add: [Evidence] = [], alternatives: [Evidence] = []
        for tag in tags {
            let carrying = overlap.byTag[tag.id] ?? (posts: 0, sectionShare: 0)
            let mean = carrying.posts > 0 ? carrying.sectionShare / Double(carrying.posts) : overlap.base
            if mean < maxAlternativeOverlap * overlap.base { alternatives.append(tag) } else { add.append(tag) }
        }
        return (add, alternatives)
    }
}

extension CorpusSection {
    /// The mean share of the tagged fitting posts' tags that are the section's (`base`), and per
    /// other tag of those posts, how many carry it and the sum over them of the share of their
    /// other tags that are the section's.
    var sectionTagOverlap: (base: Double, byTag: [UInt32: (posts: Int, sectionShare: Double)]) {
        let own = Set(query.fitQuery.tags)
        var tagged = 0, total = 0.0
        var byTag: [UInt32: (posts: Int, sectionShare: Double)] = [:]
        for post in fit.posts {
            let tags = stats.tags(ofPost: post)
            guard !tags.isEmpty else { continue }
            let shared = Double(tags.reduce(0) { $0 + (own.contains($1) ? 1 : 0) })
            tagged += 1
            total += shared / Double(tags.count)
            let others = shared / Double(max(1, tags.count - 1))
            for tag in tags where !own.contains(tag) {
                let known = byTag[tag] ?? (0, 0)
                byTag[tag] = (known.posts + 1, known.sectionShare + others)
            }
        }
        return (tagged > 0 ? total / Double(tagged) : 0, byTag)
    }
}
