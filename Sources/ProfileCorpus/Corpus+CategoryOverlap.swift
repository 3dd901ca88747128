extension Corpus {
    /// How much the posts of two categories use the same tags: the intersection of their tag
    /// distributions (each tag's share of all tag uses on the category's posts), from 0 (no tag
    /// in common) to 1 (the same tags in the same proportions). Sibling subcategories of one
    /// search (`Data Analysis`, `Data Visualization`) share most of their tags; the categories
    /// of different niches share few (0.05 to 0.4 between the tracks of a four-niche corpus,
    /// over 0.6 between two halves of one of them).
    package func categoryTagOverlap(_ first: Int32, _ second: Int32) -> Double {
        tagUses(in: first).overlap(with: tagUses(in: second))
    }

    /// How much two sets of posts use the same tags (the intersection of their tag
    /// distributions, as `categoryTagOverlap`): posts of one niche matched by two wordings
    /// share most of their tags, posts of two niches few.
    package func postsTagOverlap(_ first: [Int], _ second: [Int]) -> Double {
        tagUses(of: first).overlap(with: tagUses(of: second))
    }

    /// The given categories in groups of siblings: two categories are in one group when their
    /// tag overlap is at least `minOverlap` (transitively). Groups keep the order of
    /// `categories` (by their first member); so do the members of each group. Memoized: the
    /// niche-focus check, its score and the insights ask for the same categories.
    package func siblingGroups(_ categories: [Int32], minOverlap: Double) -> [[Int32]] {
        memoized(SiblingGroupsKey(categories: categories, minOverlap: minOverlap)) {
            let uses = categories.map(tagUses(in:))
            var groupOf = Array(categories.indices)
            func root(_ index: Int) -> Int {
                var index = index
                while groupOf[index] != index { index = groupOf[index] }
                return index
            }
            for first in categories.indices {
                for second in categories.indices where second > first && uses[first].overlap(with: uses[second]) >= minOverlap {
                    let (a, b) = (root(first), root(second))
                    groupOf[max(a, b)] = min(a, b)
                }
            }
            var groups: [Int: [Int32]] = [:]
            for index in categories.indices { groups[root(index), default: []].append(categories[index]) }
            return groups.sorted { $0.key < $1.key }.map(\.value)
        }
    }

    /// The memo key of `siblingGroups`.
    private struct SiblingGroupsKey: Hashable {
        var categories: [Int32]
        var minOverlap: Double
    }

    /// How many posts of `category` carry each tag (`categoryTagUses`; a value that is no
    /// category's index, counted over the posts holding that value).
    func tagUses(in category: Int32) -> TagDistribution {
        guard category >= 0 && Int(category) < stats.categories.count else {
            return tagUses(of: (0..<stats.postCount).lazy.filter { self.stats.postCategory[$0] == category })
        }
        return categoryTagUses()[Int(category)]
    }

    /// The tag distribution of every category (by category index), from one pass over the tag
    /// postings, each tag's posts counted by category: the sibling groups and `tagReaches` ask
    /// for every category, where a pass over all posts and their tag rows per category cost
    /// twice that. The postings and categories are read in place (a check per element cost
    /// more than the count). Memoized.
    func categoryTagUses() -> [TagDistribution] {
        memoized(CategoryTagUsesKey()) {
            let categories = stats.categories.count
            var tags = [[UInt32]](repeating: [], count: categories)
            var counts = [[Int]](repeating: [], count: categories)
            var byCategory = [Int](repeating: 0, count: categories)
            var touched: [Int] = []
            let postCategory = stats.postCategory
            for tag in 0..<UInt32(stats.tagKeys.count) {
                postCategory.withUnsafeElements(0..<postCategory.count) { postCategory in
                    stats.posts(withTag: tag).forEachID { post in
                        // A post past the column (a damaged file) has category 0, as the subscript reads it.
                        let category = Int(post) < postCategory.count ? Int(postCategory[Int(post)]) : 0
                        guard category >= 0 && category < categories else { return }
                        if byCategory[category] == 0 { touched.append(category) }
                        byCategory[category] += 1
                    }
                }
                for category in touched {
                    tags[category].append(tag)
                    counts[category].append(byCategory[category])
                    byCategory[category] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
            return zip(tags, counts).map { TagDistribution(tags: $0, counts: $1) }
        }
    }

    /// The memo key of `categoryTagUses`.
    private struct CategoryTagUsesKey: Hashable {}

    /// How many of `posts` carry each tag, counted in a table by tag id.
    func tagUses<Posts: Sequence<Int>>(of posts: Posts) -> TagDistribution {
        var counts = [Int](repeating: 0, count: stats.tagKeys.count)
        var used: [UInt32] = []
        for post in posts {
            for tag in stats.tags(ofPost: post) {
                if counts[Int(tag)] == 0 { used.append(tag) }
                counts[Int(tag)] += 1
            }
        }
        used.sort()
        return TagDistribution(tags: used, counts: used.map { counts[Int($0)] })
    }
}

/// The tags carried by some posts (a category's), ascending by id, with how many of those
/// posts carry each: their tag distribution.
struct TagDistribution: Sendable {
    let tags: [UInt32]
    let counts: [Int]

    /// All tag uses (the distribution's denominator).
    var total: Int { counts.reduce(0, +) }

    /// The intersection of the two distributions (summed in tag id order, so the same in every
    /// run: the old dictionary walk summed in a hash order that changes from run to run).
    func overlap(with other: TagDistribution) -> Double {
        let oneTotal = Double(total), otherTotal = Double(other.total)
        guard oneTotal > 0, otherTotal > 0 else { return 0 }
        var sum = 0.0
        var place = 0
        for (tag, count) in zip(tags, counts) {
            while place < other.tags.count && other.tags[place] < tag { place += 1 }
            let inOther = place < other.tags.count && other.tags[place] == tag ? other.counts[place] : 0
            sum += min(Double(count) / oneTotal, Double(inOther) / otherTotal)
        }
        return sum
    }
}
