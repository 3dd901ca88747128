/// How many of a fit's posts hold each term that could be in at least `minimum` of them:
/// `Corpus.characteristicTerms` looks only at terms in a share of the fitting posts (a
/// quarter of 6,500 posts for a profile of a 100,000-post corpus), and a term in fewer posts
/// of the whole corpus (its document frequency) cannot be in that many fitting ones. One pass
/// over the fitting posts' rows counts those terms in a table by term id that is reused from
/// fit to fit (`Corpus.withTermCountTable`), where the full index of the fit (`FitIndex`)
/// listed every fitting post of every term, most of them in a few posts, in fresh arrays.
struct FitTermCounts: Equatable {
    /// The terms counted that at least one fitting post holds, ascending.
    let ids: [UInt32]
    /// How many fitting posts hold `ids[i]`.
    let counts: [UInt32]

    init(ids: [UInt32], counts: [UInt32]) {
        (self.ids, self.counts) = (ids, counts)
    }

    /// The counts over `posts`' terms (`titles`: their title terms) of every term whose
    /// document frequency (title document frequency) is at least `minimum`. `table` holds a
    /// zero per term id (or is empty, and is then made so), and is left all zeros.
    init(posts: [Int], stats: CorpusStats, titles: Bool, minimum: Int, table: inout [UInt32]) {
        let termCount = stats.termKeys.count
        let frequency = titles ? stats.titleDocumentFrequency : stats.documentFrequency
        // The terms that may reach `minimum`, as a list and as one bit per term id.
        var counted = [UInt64](repeating: 0, count: (termCount + 63) / 64)
        var candidates: [UInt32] = []
        let floor = UInt32(clamping: max(minimum, 0))
        frequency.withUnsafeElements(0..<min(termCount, frequency.count)) { frequency in
            for term in frequency.indices where frequency[term] >= floor {
                counted[term >> 6] |= 1 << UInt64(term & 63)
                candidates.append(UInt32(term))
            }
        }
        if table.count != termCount { table = [UInt32](repeating: 0, count: termCount) }
        table.withUnsafeMutableBufferPointer { table in
            counted.withUnsafeBufferPointer { counted in
                for post in posts {
                    let row = titles ? stats.titleTerms(ofPost: post) : stats.terms(ofPost: post).ids
                    row.forEachID { id in
                        if counted[Int(id >> 6)] & (1 << UInt64(id & 63)) != 0 { table[Int(id)] += 1 }
                    }
                }
            }
        }
        var ids: [UInt32] = [], counts: [UInt32] = []
        for term in candidates where table[Int(term)] > 0 {
            ids.append(term)
            counts.append(table[Int(term)])
            table[Int(term)] = 0
        }
        self.init(ids: ids, counts: counts)
    }

    /// How many fitting posts hold `ids[index]`.
    func count(at index: Int) -> Int { Int(counts[index]) }
}
