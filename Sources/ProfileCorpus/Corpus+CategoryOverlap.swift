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

    /// The memo key of `tagUses(in:)`.
    private struct TagUsesKey: Hashable {
        var category: Int32
    }

    /// How many posts of `category` carry each tag; memoized (one pass over the posts'
    /// categories and the tag rows of that category's posts, counted in a table by tag id).
    func tagUses(in category: Int32) -> CategoryTagUses {
        memoized(TagUsesKey(category: category)) {
            var counts = [Int](repeating: 0, count: stats.tagKeys.count)
            var used: [UInt32] = []
            for post in 0..<stats.postCount where stats.postCategory[post] == category {
                for tag in stats.tags(ofPost: post) {
                    if counts[Int(tag)] == 0 { used.append(tag) }
                    counts[Int(tag)] += 1
                }
            }
            used.sort()
            return CategoryTagUses(tags: used, counts: used.map { counts[Int($0)] })
        }
    }
}

/// The tags carried by one category's posts, ascending by id, with how many of its posts
/// carry each: that category's tag distribution.
struct CategoryTagUses: Sendable {
    let tags: [UInt32]
    let counts: [Int]

    /// All tag uses (the distribution's denominator).
    var total: Int { counts.reduce(0, +) }

    /// The intersection of the two distributions (summed in tag id order, so the same in every
    /// run: the old dictionary walk summed in a hash order that changes from run to run).
    func overlap(with other: CategoryTagUses) -> Double {
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
