/// The skill tags of a fit's posts inverted: for each tag, the fitting posts that carry it
/// (as places in `Fit.posts`, ascending). Built once per fit (`Corpus.fitIndex`, memoized):
/// how many fitting posts carry a tag is then the length of its list, and which fitting posts
/// carry it is a look-up, where each corpus rule used to go through every fitting post's
/// rows. (The fit's terms are counted by `FitTermCounts`, and the posts holding a few terms
/// found by `Corpus.fitTermPlaces`: the rules need no full inverted index of them.)
final class FitIndex: Sendable {
    /// What an index is built from: the fit's posts.
    struct Key: Hashable {
        var posts: FitPostsKey
    }

    /// The ids at least one fitting post holds, ascending.
    let ids: [UInt32]
    /// The places of the posts holding `ids[i]` are `places[starts[i]..<starts[i + 1]]`.
    private let starts: [UInt32]
    private let places: [UInt32]

    /// The index of `posts`' tag rows, with the ids partitioned by their high bits so that each
    /// counting table fits in the CPU's cache: the rows are read twice in place (a count per
    /// partition, then each id's low bits and its place written to its partition), then each
    /// partition is counted and filled in a table of 2^`partitionBits` entries, which stays in
    /// the CPU's cache however many tags the corpus has. Places come out ascending per id: each
    /// partition receives its ids in place order.
    /// `partitionBits` (at most 16) is a parameter for the tests, whose corpora are small.
    init(posts: [Int], stats: CorpusStats, partitionBits: Int = FitIndex.partitionBits) {
        func row(_ post: Int) -> IDRow { stats.tags(ofPost: post) }
        let idCount = stats.tagKeys.count
        let partitionSize = 1 << partitionBits, mask = UInt32(partitionSize - 1)
        let partitions = max(1, (idCount + partitionSize - 1) / partitionSize)
        var partitionStart = [Int](repeating: 0, count: partitions + 1)
        partitionStart.withUnsafeMutableBufferPointer { start in
            for post in posts {
                row(post).forEachID { start[Int($0 >> partitionBits) + 1] += 1 }
            }
            for partition in 0..<partitions { start[partition + 1] += start[partition] }
        }
        let total = partitionStart[partitions]
        var lows = [UInt16](repeating: 0, count: total)
        var pending = [UInt32](repeating: 0, count: total)
        var next = partitionStart
        lows.withUnsafeMutableBufferPointer { lows in
            pending.withUnsafeMutableBufferPointer { pending in
                next.withUnsafeMutableBufferPointer { next in
                    for (place, post) in posts.enumerated() {
                        row(post).forEachID { id in
                            let partition = Int(id >> partitionBits)
                            lows[next[partition]] = UInt16(truncatingIfNeeded: id & mask)
                            pending[next[partition]] = UInt32(place)
                            next[partition] += 1
                        }
                    }
                }
            }
        }
        var ids: [UInt32] = []
        var starts: [UInt32] = [0]
        var places = [UInt32](repeating: 0, count: total)
        var counts = [UInt32](repeating: 0, count: min(partitionSize, max(idCount, 1)))
        lows.withUnsafeBufferPointer { lows in
            pending.withUnsafeBufferPointer { pending in
                places.withUnsafeMutableBufferPointer { places in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for partition in 0..<partitions where partitionStart[partition] < partitionStart[partition + 1] {
                            let slots = partitionStart[partition]..<partitionStart[partition + 1]
                            for slot in slots { counts[Int(lows[slot])] += 1 }
                            var running = UInt32(slots.lowerBound)
                            for low in counts.indices where counts[low] > 0 {
                                ids.append(UInt32(partition << partitionBits | low))
                                let count = counts[low]
                                counts[low] = running
                                running += count
                                starts.append(running)
                            }
                            for slot in slots {
                                let low = Int(lows[slot])
                                places[Int(counts[low])] = pending[slot]
                                counts[low] += 1
                            }
                            for slot in slots { counts[Int(lows[slot])] = 0 }
                        }
                    }
                }
            }
        }
        (self.ids, self.starts, self.places) = (ids, starts, places)
    }

    /// Ids per partition of the index build: a table of this many counts (256 KB) stays in
    /// the CPU's second-level cache.
    static let partitionBits = 16

    /// How many fitting posts hold `ids[index]`.
    func count(at index: Int) -> Int { Int(starts[index + 1] - starts[index]) }

    /// The places in the fit of the posts holding `id`, ascending (empty when none does).
    func places(of id: UInt32) -> ArraySlice<UInt32> {
        guard let index = self.index(of: id) else { return [] }
        return places[Int(starts[index])..<Int(starts[index + 1])]
    }

    /// How many fitting posts hold `id`.
    func count(of id: UInt32) -> Int { index(of: id).map(count(at:)) ?? 0 }

    /// The position of `id` in `ids` (binary search).
    private func index(of id: UInt32) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }
}
