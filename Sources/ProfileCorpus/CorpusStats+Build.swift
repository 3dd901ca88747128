import ProfileText

extension CorpusStats {
    /// Builds the statistics of `loaded` on all cores; the result does not depend on the
    /// number of threads (see `Builder`, which also takes a corpus in parts).
    package static func build(_ loaded: LoadedPosts, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                             workers: Int = ParallelMap.workers) -> CorpusStats {
        var builder = Builder(canonicalizer: canonicalizer, workers: workers)
        builder.add(loaded)
        return builder.finish()
    }

    /// `build(loaded)` and the BM25 index of the statistics, built while their key indexes are.
    package static func buildIndexed(_ loaded: LoadedPosts, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                                     workers: Int = ParallelMap.workers) -> (stats: CorpusStats, bm25: BM25) {
        var builder = Builder(canonicalizer: canonicalizer, workers: workers)
        builder.add(loaded)
        return builder.finishIndexed()
    }

    /// A segment of the builder's rows of later occurrences: per post (flat, ends per post,
    /// relative to the segment) vocabulary ids and counts, and the title's ids.
    struct TermRows: Sendable {
        var ids: [UInt32] = []
        var counts: [UInt16] = []
        var ends: [UInt32] = []
        var titleIDs: [UInt32] = []
        var titleEnds: [UInt32] = []

        mutating func renumber(_ newID: [UInt32]) {
            for index in ids.indices { ids[index] = newID[Int(ids[index])] }
            for index in titleIDs.indices { titleIDs[index] = newID[Int(titleIDs[index])] }
        }
    }

    /// The first occurrences of the kept terms, and occurrences `TermVocabulary.recover`
    /// displaced, grouped by post (a counting sort): post i's at `start[i]..<start[i + 1]`.
    struct FirstOccurrences: Sendable {
        var start: [Int]
        var ids: [UInt32]
        var counts: [UInt16]
        var inTitle: [Bool]

        init(kept: [Int], vocabulary: TermVocabulary, extra: [(post: UInt32, id: UInt32, occurrence: Occurrence)], posts: Int) {
            var start = [Int](repeating: 0, count: posts + 1)
            for id in kept { start[Int(vocabulary.first[id].post) + 1] += 1 }
            for entry in extra { start[Int(entry.post) + 1] += 1 }
            for post in 0..<posts { start[post + 1] += start[post] }
            var next = start
            var ids = [UInt32](repeating: 0, count: start[posts])
            var counts = [UInt16](repeating: 0, count: start[posts])
            var inTitle = [Bool](repeating: false, count: start[posts])
            func place(_ id: UInt32, _ occurrence: Occurrence) {
                let slot = next[Int(occurrence.post)]
                next[Int(occurrence.post)] += 1
                ids[slot] = id
                counts[slot] = occurrence.count
                inTitle[slot] = occurrence.inTitle
            }
            for id in kept { place(UInt32(id), vocabulary.first[id]) }
            for entry in extra { place(entry.id, entry.occurrence) }
            (self.start, self.ids, self.counts, self.inTitle) = (start, ids, counts, inTitle)
        }
    }

    /// The rows of a range of posts in the final numbering (ends are relative to the range).
    private struct PostRows: Sendable {
        var ids: [UInt32] = []
        var counts: [UInt16] = []
        var ends: [UInt32] = []
        var titleIDs: [UInt32] = []
        var titleEnds: [UInt32] = []
    }

    /// Each post's kept terms sorted by new id, with their counts, and its title terms: the
    /// segments in order (each emptied once converted), the posts of a segment in parallel.
    mutating func addTermRows(_ segments: inout [TermRows], firsts: FirstOccurrences, newID: [UInt32], workers: Int) {
        let posts = segments.reduce(0) { $0 + $1.ends.count }
        postTermStart = [0]
        titleTermStart = [0]
        postTermStart.reserveCapacity(posts + 1)
        titleTermStart.reserveCapacity(posts + 1)
        let rows = segments.reduce(firsts.ids.count) { $0 + $1.ids.count }
        postTermIDs.reserveCapacity(rows)
        postTermCounts.reserveCapacity(rows)
        titleTermIDs.reserveCapacity(segments.reduce(firsts.inTitle.count(where: { $0 })) { $0 + $1.titleIDs.count })
        var firstPost = 0
        for index in segments.indices {
            let rows = segments[index], offset = firstPost
            segments[index] = TermRows()
            let parts = ParallelMap.chunks(count: rows.ends.count, workers: workers) { range in
                Self.postRows(range, offset: offset, rows: rows, firsts: firsts, newID: newID)
            }
            for part in parts {
                let termBase = UInt32(postTermIDs.count), titleBase = UInt32(titleTermIDs.count)
                postTermIDs += part.ids
                postTermCounts += part.counts
                postTermStart += part.ends.lazy.map { $0 + termBase }
                titleTermIDs += part.titleIDs
                titleTermStart += part.titleEnds.lazy.map { $0 + titleBase }
            }
            firstPost += rows.ends.count
        }
    }

    /// The rows of the segment's posts `posts` (the segment starts at corpus post `offset`).
    private static func postRows(_ posts: Range<Int>, offset: Int, rows: TermRows, firsts: FirstOccurrences,
                                 newID: [UInt32]) -> PostRows {
        var result = PostRows()
        var packed: [UInt64] = []
        var titleIDs: [UInt32] = []
        for post in posts {
            // (new id << 16 | count), sorted: the post's kept terms by id with their counts.
            packed.removeAll(keepingCapacity: true)
            titleIDs.removeAll(keepingCapacity: true)
            for index in Int(post == 0 ? 0 : rows.ends[post - 1])..<Int(rows.ends[post]) {
                packed.append(UInt64(newID[Int(rows.ids[index])]) << 16 | UInt64(rows.counts[index]))
            }
            for index in firsts.start[offset + post]..<firsts.start[offset + post + 1] {
                let id = newID[Int(firsts.ids[index])]
                packed.append(UInt64(id) << 16 | UInt64(firsts.counts[index]))
                if firsts.inTitle[index] { titleIDs.append(id) }
            }
            for index in Int(post == 0 ? 0 : rows.titleEnds[post - 1])..<Int(rows.titleEnds[post]) {
                titleIDs.append(newID[Int(rows.titleIDs[index])])
            }
            packed.sort()
            result.ids += packed.lazy.map { UInt32($0 >> 16) }
            result.counts += packed.lazy.map { UInt16(truncatingIfNeeded: $0) }
            result.ends.append(UInt32(result.ids.count))
            titleIDs.sort()
            result.titleIDs += titleIDs
            result.titleEnds.append(UInt32(result.titleIDs.count))
        }
        return result
    }

    /// Titles, categories, files and lines, ids, URLs, budgets.
    mutating func addPostFields(_ posts: ArraySlice<JobPost>) {
        var categoryIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, Int32($0)) })
        var fileIndex = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, UInt32($0)) })
        for post in posts {
            titles.append(post.title)
            if let category = post.category {
                if categoryIndex[category] == nil {
                    categoryIndex[category] = Int32(categories.count)
                    categories.append(category)
                }
                postCategory.append(categoryIndex[category] ?? -1)
            } else {
                postCategory.append(-1)
            }
            if fileIndex[post.location.path] == nil {
                fileIndex[post.location.path] = UInt32(files.count)
                files.append(post.location.path)
            }
            postFile.append(fileIndex[post.location.path] ?? 0)
            postLine.append(UInt32(post.location.line))
            postIDs.append(post.id ?? "")
            postURLs.append(post.url ?? "")
            hourlyMin.append(post.budget.hourlyMin ?? .nan)
            hourlyMax.append(post.budget.hourlyMax ?? .nan)
            fixedBudget.append(post.budget.fixed ?? .nan)
            postCurrency.append(post.budget.currency ?? "")
            freelancerRate.append(post.budget.isFreelancerRate ? 1 : 0)
        }
    }
}
