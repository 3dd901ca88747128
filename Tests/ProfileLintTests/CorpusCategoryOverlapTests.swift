import Testing
@testable import ProfileCorpus

/// The category tag distributions (counted in a table by tag id, memoized) and their overlaps
/// give what the plain computation gives (every post read, counted in dictionaries), on random
/// small corpora; sibling groups are those of the plain pairwise overlaps.
@Suite struct CorpusCategoryOverlapTests {
    /// Per category: tag → posts of that category carrying it.
    static func plainUses(_ stats: CorpusStats) -> [Int32: [UInt32: Int]] {
        var uses: [Int32: [UInt32: Int]] = [:]
        for post in 0..<stats.postCount where stats.postCategory[post] >= 0 {
            for tag in stats.tags(ofPost: post) { uses[stats.postCategory[post], default: [:]][tag, default: 0] += 1 }
        }
        return uses
    }

    static func plainOverlap(_ one: [UInt32: Int], _ other: [UInt32: Int]) -> Double {
        let oneTotal = Double(one.values.reduce(0, +)), otherTotal = Double(other.values.reduce(0, +))
        guard oneTotal > 0, otherTotal > 0 else { return 0 }
        return one.keys.sorted().reduce(0) { sum, tag in
            sum + min(Double(one[tag]!) / oneTotal, Double(other[tag] ?? 0) / otherTotal)
        }
    }

    @Test func overlapsEqualThePlainCountsOnRandomCorpora() {
        for seed in UInt64(1)...40 {
            var random = RandomCorpus(seed: seed)
            let corpus = Corpus(stats: random.stats(posts: 60))
            let stats = corpus.stats
            let plain = Self.plainUses(stats)
            let categories = Array(Int32(0)..<Int32(stats.categories.count))
            for first in categories {
                let uses = corpus.tagUses(in: first)
                #expect(Dictionary(uniqueKeysWithValues: zip(uses.tags, uses.counts)) == plain[first] ?? [:], "seed \(seed)")
                for second in categories {
                    let expected = Self.plainOverlap(plain[first] ?? [:], plain[second] ?? [:])
                    #expect(corpus.categoryTagOverlap(first, second) == expected, "seed \(seed)")
                }
            }
            for minOverlap in [0.3, 0.5, 0.7] {
                let groups = corpus.siblingGroups(categories, minOverlap: minOverlap)
                #expect(groups.flatMap { $0 }.sorted() == categories, "seed \(seed)")
                // Members of one group are linked by a chain of overlaps at least `minOverlap`;
                // members of two groups never overlap that much.
                for (index, group) in groups.enumerated() {
                    for other in groups[(index + 1)...] {
                        for one in group {
                            for two in other {
                                #expect(Self.plainOverlap(plain[one] ?? [:], plain[two] ?? [:]) < minOverlap, "seed \(seed)")
                            }
                        }
                    }
                    var reached: Set<Int32> = [group[0]]
                    var frontier = [group[0]]
                    while let next = frontier.popLast() {
                        for member in group where !reached.contains(member)
                            && Self.plainOverlap(plain[next] ?? [:], plain[member] ?? [:]) >= minOverlap {
                            reached.insert(member)
                            frontier.append(member)
                        }
                    }
                    #expect(reached == Set(group), "seed \(seed)")
                }
                #expect(corpus.siblingGroups(categories, minOverlap: minOverlap) == groups)
            }
        }
    }
}
