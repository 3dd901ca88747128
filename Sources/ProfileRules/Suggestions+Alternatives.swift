import ProfileCorpus

/// Tags the fitting posts carry *instead of* the section's own, offered as alternatives clients
/// also ask for, not as tags to add. Two signs, read by hand on the evaluation's labelled tags
/// (ADVICE.md, "Round nine: suggestions" and "Round ten: alternatives by title"):
/// - the posts asking for one carry fewer of the section's skills among their other tags (`PHP`
///   or `Django` beside a MERN developer's tags, `Node.js` beside a React front-end
///   developer's): under `maxAlternativeOverlap`, 13 of 68 rejected tags and none of 25
///   accepted ones (AUC 0.68);
/// - the posts carrying it name it, and none of the section's skills, in their title
///   (`minTitleNamingShare`): they hire for that platform or tool instead (`Flutter`, `React
///   Native` beside a native Android developer's tags, which clients list with `Android` and so
///   pass the first test); a title naming both (`Android and iOS app`) asks for both.
extension Suggestions {
    /// A tag is an alternative when the share of its fitting posts' other tags that are the
    /// section's is under this many times the share of the tagged fitting posts' tags that are.
    static let maxAlternativeOverlap = 0.95

    /// A tag is an alternative when at least this share of the fitting posts carrying it name
    /// it, and none of the section's skills, in their title. On the evaluation's 94 labelled
    /// tags: 11 rejected ones and 1 accepted one (`Looker Studio` for an Excel analyst) reach
    /// 0.2; the next accepted tag, 0.15.
    static let minTitleNamingShare = 0.2

    /// Splits the tags to add into those to add and the alternatives (`maxAlternativeOverlap`,
    /// `minTitleNamingShare`). The tag's own slot is left out of its posts' tags: a post
    /// listing four tags has one fewer for the section's when one is this tag, whatever the tag is.
    static func splitAlternatives(_ tags: [Evidence], corpusSection: CorpusSection) -> (add: [Evidence], alternatives: [Evidence]) {
        let overlap = corpusSection.sectionTagOverlap
        var add: [Evidence] = [], alternatives: [Evidence] = []
        for tag in tags {
            let carrying = overlap.byTag[tag.id] ?? (posts: 0, sectionShare: 0)
            let mean = carrying.posts > 0 ? carrying.sectionShare / Double(carrying.posts) : overlap.base
            let fewerOfTheSections = overlap.base > 0 && mean < maxAlternativeOverlap * overlap.base
            if fewerOfTheSections || corpusSection.titleNamingShare(of: tag) >= minTitleNamingShare {
                alternatives.append(tag)
            } else {
                add.append(tag)
            }
        }
        return (add, alternatives)
    }
}

extension CorpusSection {
    /// The share of the fitting posts carrying `tag` whose title names it and none of the
    /// section's skills (each as written, by its canonical name or another alias:
    /// `namingTerms`); 0 when none carries it or no term names it.
    func titleNamingShare(of tag: Evidence) -> Double {
        let names = namingTerms(of: tag.display)
        guard !names.isEmpty else { return 0 }
        let own = sectionNamingTerms
        var carrying = 0, titled = 0
        for post in fit.posts where stats.tags(ofPost: post).contains(tag.id) {
            carrying += 1
            let title = stats.titleTerms(ofPost: post)
            if title.contains(where: names.contains), !title.contains(where: own.contains) { titled += 1 }
        }
        return carrying > 0 ? Double(titled) / Double(carrying) : 0
    }

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
