import ProfileCorpus

/// Tags the fitting posts carry *instead of* the section's own: clients who ask for one ask for
/// fewer of the section's skills (`AI Agent Development` or `Chatbot Development` beside a
/// computer-vision engineer's tags, `WordPress` beside a React developer's). Offered as
/// alternatives clients also ask for, not as tags to add. Read by hand on the evaluation's 87
/// labelled tags (ADVICE.md, "Round nine: suggestions"): under `maxAlternativeOverlap` 12 of 63
/// rejected tags and none of 24 accepted ones; the separation is weak overall (AUC 0.63): clients
/// list most alternatives with the skills they replace (`iOS` beside `Android`), and those stay.
extension Suggestions {
    /// A tag is an alternative when its fitting posts carry, on average, fewer than this share
    /// of the section's tags that the average tagged fitting post carries.
    static let maxAlternativeOverlap = 0.9

    /// Splits the tags to add into those to add and the alternatives: tags whose fitting posts
    /// carry on average under `maxAlternativeOverlap` times as many of the section's tags as
    /// the tagged fitting posts do.
    static func splitAlternatives(_ tags: [Evidence], corpusSection: CorpusSection) -> (add: [Evidence], alternatives: [Evidence]) {
        let overlap = corpusSection.sectionTagOverlap
        guard overlap.base > 0 else { return (tags, []) }
        var add: [Evidence] = [], alternatives: [Evidence] = []
        for tag in tags {
            let carrying = overlap.byTag[tag.id] ?? (posts: 0, sectionTags: 0)
            let mean = carrying.posts > 0 ? Double(carrying.sectionTags) / Double(carrying.posts) : overlap.base
            if mean < maxAlternativeOverlap * overlap.base { alternatives.append(tag) } else { add.append(tag) }
        }
        return (add, alternatives)
    }
}

extension CorpusSection {
    /// The mean number of the section's tags on the tagged fitting posts (`base`), and per tag
    /// of those posts, how many carry it and the section's tags they carry in all.
    var sectionTagOverlap: (base: Double, byTag: [UInt32: (posts: Int, sectionTags: Int)]) {
        let own = Set(query.fitQuery.tags)
        var tagged = 0, total = 0
        var byTag: [UInt32: (posts: Int, sectionTags: Int)] = [:]
        for post in fit.posts {
            let tags = stats.tags(ofPost: post)
            guard !tags.isEmpty else { continue }
            let shared = tags.reduce(0) { $0 + (own.contains($1) ? 1 : 0) }
            tagged += 1
            total += shared
            for tag in tags where !own.contains(tag) {
                let known = byTag[tag] ?? (0, 0)
                byTag[tag] = (known.posts + 1, known.sectionTags + shared)
            }
        }
        return (tagged > 0 ? Double(total) / Double(tagged) : 0, byTag)
    }
}
