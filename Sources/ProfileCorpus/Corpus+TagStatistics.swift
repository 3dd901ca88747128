/// What the corpus says about skill tags themselves, independent of any fit: which tags go
/// together and which categories a tag's posts are in. Counted from the tag postings with
/// tables indexed by id, and memoized: the rules ask for the same tags in their checks, their
/// scores and the insights, and the Language Server on every re-lint.
extension Corpus {
    /// For a set of tags: per tag, the posts carrying it and those of them carrying another tag
    /// of the set too (`posts` and `together`).
    package func tagCooccurrence(_ tags: Set<UInt32>) -> [UInt32: (posts: Int, together: Int)] {
        memoized(TagSetKey(tags: tags, of: .cooccurrence)) {
            let carried = carriedCounts(tags)
            var result: [UInt32: (posts: Int, together: Int)] = [:]
            for tag in tags {
                let posts = stats.posts(withTag: tag)
                guard !posts.isEmpty else { continue }
                result[tag] = (posts.count, posts.reduce(0) { carried[Int($1)] >= 2 ? $0 + 1 : $0 })
            }
            return result
        }
    }

    /// Per post, how many of `tags` it carries, up to 2 (all that is asked: whether it carries
    /// one, and whether another besides); from the tags' postings, no post's tag row read.
    /// Memoized: the category spread asks it for each tag of a section.
    private func carriedCounts(_ tags: Set<UInt32>) -> [UInt8] {
        memoized(TagSetKey(tags: tags, of: .carried)) {
            var carried = [UInt8](repeating: 0, count: stats.postCount)
            for tag in tags {
                for post in stats.posts(withTag: tag) { carried[Int(post)] = min(carried[Int(post)] + 1, 2) }
            }
            return carried
        }
    }

    private struct TagSetKey: Hashable {
        enum Statistic { case cooccurrence, neighbours, carried }
        var tags: Set<UInt32>
        var of: Statistic
    }

    /// The other tags on the posts carrying `tag`, by tag id, with how many of those posts
    /// carry each; and how many posts carry `tag`.
    package func tagNeighbours(of tag: UInt32) -> (posts: Int, neighbours: [(tag: UInt32, posts: Int)]) {
        memoized(TagKey(tag: tag, of: .neighbours)) {
            var counts = [Int](repeating: 0, count: stats.tagKeys.count)
            let posts = stats.posts(withTag: tag)
            for post in posts {
                for other in stats.tags(ofPost: Int(post)) where other != tag { counts[Int(other)] += 1 }
            }
            return (posts.count, counts.indices.compactMap { counts[$0] > 0 ? (UInt32($0), counts[$0]) : nil })
        }
    }

    /// The posts carrying one of `tags`: how many, and per tag asked, how many of its posts
    /// are among them (`CarryingAny`). Memoized.
    func postsCarryingAny(_ tags: Set<UInt32>) -> CarryingAny {
        memoized(TagSetKey(tags: tags, of: .neighbours)) {
            let carried = carriedCounts(tags)
            return CarryingAny(carried: carried, count: carried.count(where: { $0 > 0 }))
        }
    }

    /// The categories of the posts carrying `tag` (category index, posts), by category index;
    /// posts without a category are left out.
    package func tagCategories(_ tag: UInt32) -> [(category: Int32, posts: Int)] {
        memoized(TagKey(tag: tag, of: .categories)) { categoryCounts(stats.posts(withTag: tag)) }
    }

    /// The categories of the posts carrying `tag` together with at least one of `others`
    /// (`tag` itself does not count as one): where a tag is used beside a profile's other
    /// skills, as `tagCategories` gives where it is used at all.
    package func tagCategories(_ tag: UInt32, beside others: Set<UInt32>) -> [(category: Int32, posts: Int)] {
        memoized(TagContextKey(tag: tag, others: others)) {
            // A post carrying `tag` carries another of `others` when it carries more of them
            // than `tag` itself (tag rows hold each tag once): counted once per set from the
            // postings, where reading the tag row of every carrier for each tag of a section
            // was the spread's main cost.
            let carried = carriedCounts(others)
            let own: UInt8 = others.contains(tag) ? 1 : 0
            return categoryCounts(stats.posts(withTag: tag).lazy.filter { carried[Int($0)] > own })
        }
    }

    /// Posts per category among `posts` (category index, posts), by category index; posts
    /// without a category are left out.
    private func categoryCounts<Posts: Sequence>(_ posts: Posts) -> [(category: Int32, posts: Int)] where Posts.Element == UInt32 {
        var counts = [Int](repeating: 0, count: stats.categories.count)
        for post in posts {
            let category = Int(stats.postCategory[Int(post)])
            if category >= 0 && category < counts.count { counts[category] += 1 }
        }
        return counts.indices.compactMap { counts[$0] > 0 ? (Int32($0), counts[$0]) : nil }
    }

    private struct TagKey: Hashable {
        enum Statistic { case neighbours, categories }
        var tag: UInt32
        var of: Statistic
    }

    private struct TagContextKey: Hashable {
        var tag: UInt32
        var others: Set<UInt32>
    }
}

/// The posts carrying one of a set of tags, by post (`carried`: how many of the set each
/// carries, up to 2), and how many do. A tag's posts among them are counted from its postings
/// when asked: `distinctiveTags` asks for the few tags that mark a fit, where reading the tag
/// row of every carrying post counted every tag of the corpus.
struct CarryingAny {
    let carried: [UInt8]
    /// How many posts carry one of the tags.
    let count: Int

    /// How many posts carry `tag` and one of the tags (`tag` itself among them, if it is one).
    func together(_ tag: UInt32, stats: CorpusStats) -> Int {
        stats.posts(withTag: tag).reduce(0) { Int($1) < carried.count && carried[Int($1)] > 0 ? $0 + 1 : $0 }
    }
}
