import Foundation
import ProfileCorpus
import ProfileModel

/// A title naming two niches that both fit (`Android Developer and Data Analyst`, with the
/// skills of both): each part matches many fitting posts, so neither is weak, but the posts
/// they match carry different skill tags (the word matching of a part is loose: a post naming
/// data and a developer matches both parts, so the tags, not the shared posts, tell). Parts of
/// one niche (`React and Node.js Developer`, `Dashboards and Data Models`) match posts that
/// carry the same tags.
extension OffNicheCheck {
    /// Tag overlap of the posts two parts match below which they are two niches: the
    /// threshold at which `corpus-category-spread` joins sibling categories. On four-tracks,
    /// parts of one niche overlap by 0.67 to 0.98 (`DAX` and `Data Models`, `Flutter Developer
    /// for Android` and `iOS Apps`), parts of two by 0.36 to 0.48.
    static let maxTagOverlap = 0.5

    /// The first two parts that each match at least `minPosts` fitting posts the other does
    /// not, and whose matched posts' tags overlap less than `maxTagOverlap`; nil when none do.
    static func separateNiches(_ matches: [PartMatch], corpus: Corpus, minPosts: Int) -> (PartMatch, PartMatch, overlap: Double)? {
        for (index, first) in matches.enumerated() {
            for second in matches[(index + 1)...] {
                let shared = Set(first.fitting).intersection(second.fitting).count
                guard min(first.posts, second.posts) - shared >= minPosts else { continue }
                let overlap = corpus.postsTagOverlap(first.fitting, second.fitting)
                if overlap < maxTagOverlap { return (first, second, overlap) }
            }
        }
        return nil
    }

    func twoFittingNiches(_ pair: (PartMatch, PartMatch, overlap: Double), section: ProfileSection,
                          title: (text: String, node: Node), corpusSection: CorpusSection) -> Finding {
        let (first, second) = pair.0.posts >= pair.1.posts ? (pair.0, pair.1) : (pair.1, pair.0)
        return Finding(range: title.node.range, fieldPath: section.fullPath("title"),
                       arguments: ["part": second.text, "part_posts": "\(second.posts)", "other": first.text,
                                   "other_posts": "\(first.posts)", "fit": corpusSection.fit.phrase],
                       notes: [Note("both parts fit, but the skill tags of the posts each matches overlap by only \(Int((pair.overlap * 100).rounded()))%: clients of two niches"),
                               Note("a title that names two niches reads as a generalist's to clients of both"),
                               Note("keep the title on '\(first.text)' and give '\(second.text)' a specialized profile of its own")])
    }
}
