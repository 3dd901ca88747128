extension Corpus {
    /// How much the posts of two categories use the same tags: the intersection of their tag
    /// distributions (each tag's share of all tag uses on the category's posts), from 0 (no tag
    /// in common) to 1 (the same tags in the same proportions). Sibling subcategories of one
    /// search (`Data Analysis`, `Data Visualization`) share most of their tags; the categories
    /// of different niches share few (0.05 to 0.4 between the tracks of a four-niche corpus,
    /// over 0.6 between two halves of one of them).
    package func categoryTagOverlap(_ first: Int32, _ second: Int32) -> Double {
        let uses = tagUses(in: [first, second])
        return Self.overlap(uses[first] ?? [:], uses[second] ?? [:])
    }

    /// How much two sets of posts use the same tags (the intersection of their tag
    /// distributions, as `categoryTagOverlap`): posts of one niche matched by two wordings
    /// share most of their tags, posts of two niches few.
    package func postsTagOverlap(_ first: [Int], _ second: [Int]) -> Double {
        func uses(_ posts: [Int]) -> [UInt32: Int] {
            var uses: [UInt32: Int] = [:]
            for post in posts {
                for tag in stats.tags(ofPost: post) { uses[tag, default: 0] += 1 }
            }
            return uses
        }
        return Self.overlap(uses(first), uses(second))
    }

    /// The intersection of two tag distributions, from their tag → posts counts.
    private static func overlap(_ one: [UInt32: Int], _ other: [UInt32: Int]) -> Double {
        let oneTotal = Double(one.values.reduce(0, +)), otherTotal = Double(other.values.reduce(0, +))
        guard oneTotal > 0, otherTotal > 0 else { return 0 }
        return one.reduce(0) { sum, entry in
            sum + min(Double(entry.value) / oneTotal, Double(other[entry.key] ?? 0) / otherTotal)
        }
    }

    /// The given categories in groups of siblings: two categories are in one group when their
    /// tag overlap is at least `minOverlap` (transitively). Groups keep the order of
    /// `categories` (by their first member); so do the members of each group.
    package func siblingGroups(_ categories: [Int32], minOverlap: Double) -> [[Int32]] {
        let uses = tagUses(in: Set(categories))
        var groupOf = Array(categories.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while groupOf[index] != index { index = groupOf[index] }
            return index
        }
        for first in categories.indices {
            for second in categories.indices where second > first
                && Self.overlap(uses[categories[first]] ?? [:], uses[categories[second]] ?? [:]) >= minOverlap {
                let (a, b) = (root(first), root(second))
                groupOf[max(a, b)] = min(a, b)
            }
        }
        var groups: [Int: [Int32]] = [:]
        for index in categories.indices { groups[root(index), default: []].append(categories[index]) }
        return groups.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Tag → posts carrying it, for the posts of each of `categories`.
    private func tagUses(in categories: Set<Int32>) -> [Int32: [UInt32: Int]] {
        var uses: [Int32: [UInt32: Int]] = [:]
        for post in 0..<stats.postCount {
            let category = stats.postCategory[post]
            guard categories.contains(category) else { continue }
            for tag in stats.tags(ofPost: post) { uses[category, default: [:]][tag, default: 0] += 1 }
        }
        return uses
    }
}
