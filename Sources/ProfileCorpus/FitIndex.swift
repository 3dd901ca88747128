/// The terms (or tags) of a fit's posts inverted: for each id, the fitting posts that hold it
/// (as places in `Fit.posts`, ascending). Built once per fit (`Corpus.fitIndex`, memoized): how
/// many fitting posts hold a term is then the length of its list, and which fitting posts name
/// a skill is a look-up, where each corpus rule used to go through every fitting post's rows.
final class FitIndex: Sendable {
    /// Which rows of the posts are inverted.
    enum Rows: Hashable {
        /// Terms of the title and description.
        case terms
        /// Terms of the title.
        case titleTerms
        /// Skill tags.
        case tags
    }

    /// What an index is built from: the fit's posts and which of their rows.
    struct Key: Hashable {
        var posts: [Int]
        var rows: Rows
    }

    /// The ids at least one fitting post holds, ascending.
    let ids: [UInt32]
    /// The places of the posts holding `ids[i]` are `places[starts[i]..<starts[i + 1]]`.
    private let starts: [UInt32]
    private let places: [UInt32]

    /// The index of `posts`' `rows`: a count, a pass over the counts (a running start per id,
    /// in a table of every term or tag id), a fill. The rows are read in place and the tables
    /// written through unsafe buffers (ids are clamped to the table by `IDRow`): this runs over
    /// every id of every fitting post (about 2 million for the 6,500 posts that fit a profile
    /// of a 100,000-post corpus).
    init(posts: [Int], stats: CorpusStats, rows: Rows) {
        func row(_ post: Int) -> IDRow {
            switch rows {
            case .terms: stats.terms(ofPost: post).ids
            case .titleTerms: stats.titleTerms(ofPost: post)
            case .tags: stats.tags(ofPost: post)
            }
        }
        var next = [UInt32](repeating: 0, count: rows == .tags ? stats.tagKeys.count : stats.termKeys.count)
        var ids: [UInt32] = []
        var starts: [UInt32] = [0]
        var places: [UInt32] = []
        next.withUnsafeMutableBufferPointer { next in
            for post in posts {
                row(post).forEachID { next[Int($0)] += 1 }
            }
            var total: UInt32 = 0
            for id in next.indices where next[id] > 0 {
                ids.append(UInt32(id))
                let count = next[id]
                next[id] = total
                total += count
                starts.append(total)
            }
            places = [UInt32](repeating: 0, count: Int(total))
            places.withUnsafeMutableBufferPointer { places in
                for (place, post) in posts.enumerated() {
                    row(post).forEachID { id in
                        places[Int(next[Int(id)])] = UInt32(place)
                        next[Int(id)] += 1
                    }
                }
            }
        }
        (self.ids, self.starts, self.places) = (ids, starts, places)
    }

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
