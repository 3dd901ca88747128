import ProfileText

extension CorpusStats {
    /// Builds the statistics of `loaded` on all cores; the result does not depend on the
    /// number of threads.
    package static func build(_ loaded: LoadedPosts, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                             workers: Int = ParallelMap.workers) -> CorpusStats {
        let posts = loaded.posts
        let chunks = ParallelMap.chunks(count: posts.count, workers: workers) { range in
            var analyzer = ChunkAnalyzer()
            for index in range { analyzer.add(posts[index], canonicalizer: canonicalizer) }
            return analyzer.chunk
        }
        return merge(chunks, loaded: loaded, workers: workers)
    }

    /// Merges the chunks (in post order) into the statistics a single pass would build.
    private static func merge(_ chunks: [Chunk], loaded: LoadedPosts, workers: Int) -> CorpusStats {
        let numbering = TermNumbering(chunks)
        var frequency = [UInt32](repeating: 0, count: numbering.keys.count)
        for (chunk, map) in zip(chunks, numbering.toGlobal) {
            for term in chunk.postTerms { frequency[Int(map[Int(term)])] += 1 }
        }

        // Drop phrases seen in one post only; renumber the rest in the same order.
        var newID = [UInt32](repeating: UInt32.max, count: numbering.keys.count)
        var kept: [Int] = []
        for term in numbering.keys.indices where numbering.lengths[term] == 1 || frequency[term] >= 2 {
            newID[term] = UInt32(kept.count)
            kept.append(term)
        }
        var stats = CorpusStats()
        stats.titles = loaded.posts.map(\.title)
        stats.termKeys = kept.map { numbering.keys[$0].joined(numbering.stems) }
        stats.termDisplays = kept.map { numbering.words[$0].joined(numbering.normalizedWords) }
        stats.termLengths = kept.map { numbering.lengths[$0] }
        stats.documentFrequency = kept.map { frequency[$0] }
        stats.postLength = chunks.flatMap(\.postLengths)
        stats.issues = loaded.issues
        stats.duplicates = loaded.duplicates
        stats.addTermRows(chunks, toGlobal: numbering.toGlobal, newID: newID, workers: workers)
        stats.addTags(chunks)
        stats.addPostFields(loaded.posts)
        stats.buildIndexes()
        return stats
    }

    /// Global ids across chunks: stems and words by first occurrence, terms by first
    /// occurrence (chunks are in post order, so the numbering is that of a single pass).
    private struct TermNumbering {
        var stems: [String] = []
        var normalizedWords: [String] = []
        var keys: [TermKey] = []
        var words: [IDTriple] = []
        var lengths: [UInt8] = []
        /// Per chunk, the global id of each chunk-local term.
        var toGlobal: [[UInt32]] = []

        init(_ chunks: [Chunk]) {
            var stemIndex: [String: UInt32] = [:], wordIndex: [String: UInt32] = [:]
            var termIndex = TermIndex()
            for chunk in chunks {
                let stemMap = chunk.stems.map { ChunkAnalyzer.intern($0, &stemIndex, &stems) }
                let wordMap = chunk.normalizedWords.map { ChunkAnalyzer.intern($0, &wordIndex, &normalizedWords) }
                toGlobal.append(chunk.termKeys.indices.map { local in
                    let key = chunk.termKeys[local].mapped(stemMap)
                    let id = termIndex.id(of: key, orNew: UInt32(keys.count))
                    guard id == keys.count else { return id }
                    keys.append(key)
                    words.append(chunk.termWords[local].mapped(wordMap))
                    lengths.append(chunk.termLengths[local])
                    return id
                })
            }
        }
    }

    /// The rows of one chunk's posts in the final numbering (ends are relative to the chunk).
    private struct PostRows: Sendable {
        var ids: [UInt32] = []
        var counts: [UInt16] = []
        var ends: [UInt32] = []
        var titleIDs: [UInt32] = []
        var titleEnds: [UInt32] = []
    }

    /// Each post's kept terms sorted by new id, with their counts, and its title terms (chunks
    /// in parallel, appended in order).
    private mutating func addTermRows(_ chunks: [Chunk], toGlobal: [[UInt32]], newID: [UInt32], workers: Int) {
        let rows = ParallelMap.map(Array(chunks.indices), workers: workers) { index in
            Self.postRows(chunks[index], toGlobal: toGlobal[index], newID: newID)
        }
        postTermStart = [0]
        titleTermStart = [0]
        postTermStart.reserveCapacity(titles.count + 1)
        titleTermStart.reserveCapacity(titles.count + 1)
        for row in rows {
            let termBase = UInt32(postTermIDs.count), titleBase = UInt32(titleTermIDs.count)
            postTermIDs += row.ids
            postTermCounts += row.counts
            postTermStart += row.ends.lazy.map { $0 + termBase }
            titleTermIDs += row.titleIDs
            titleTermStart += row.titleEnds.lazy.map { $0 + titleBase }
        }
    }

    private static func postRows(_ chunk: Chunk, toGlobal map: [UInt32], newID: [UInt32]) -> PostRows {
        var rows = PostRows()
        var packed: [UInt64] = []
        var titleIDs: [UInt32] = []
        for post in 0..<(chunk.postStart.count - 1) {
            // (new id << 16 | count), sorted: the post's kept terms by id with their counts.
            packed.removeAll(keepingCapacity: true)
            for index in chunk.postStart[post]..<chunk.postStart[post + 1] {
                let id = newID[Int(map[Int(chunk.postTerms[index])])]
                if id != UInt32.max { packed.append(UInt64(id) << 16 | UInt64(chunk.postCounts[index])) }
            }
            packed.sort()
            rows.ids += packed.lazy.map { UInt32($0 >> 16) }
            rows.counts += packed.lazy.map { UInt16(truncatingIfNeeded: $0) }
            rows.ends.append(UInt32(rows.ids.count))

            titleIDs.removeAll(keepingCapacity: true)
            for term in chunk.titleTerms[chunk.titleStart[post]..<chunk.titleStart[post + 1]] {
                let id = newID[Int(map[Int(term)])]
                if id != UInt32.max { titleIDs.append(id) }
            }
            titleIDs.sort()
            rows.titleIDs += titleIDs
            rows.titleEnds.append(UInt32(rows.titleIDs.count))
        }
        return rows
    }

    /// Tags: ids by first occurrence, per-post rows, frequencies and co-occurring pairs; the
    /// display is the most used spelling (the first on ties).
    private mutating func addTags(_ chunks: [Chunk]) {
        var tagIndex: [String: UInt32] = [:]
        var spellings: [[String: Int]] = []
        var spellingOrder: [[String]] = []
        var pairCounts: [UInt64: UInt32] = [:]
        postTagStart = [0]
        for chunk in chunks {
            for tags in chunk.postTags {
                var ids = Set<UInt32>()
                for (key, spelling) in tags where !key.isEmpty {
                    let id: UInt32
                    if let known = tagIndex[key] {
                        id = known
                    } else {
                        id = UInt32(tagKeys.count)
                        tagIndex[key] = id
                        tagKeys.append(key)
                        tagFrequency.append(0)
                        spellings.append([:])
                        spellingOrder.append([])
                    }
                    if spellings[Int(id)][spelling] == nil { spellingOrder[Int(id)].append(spelling) }
                    spellings[Int(id)][spelling, default: 0] += 1
                    ids.insert(id)
                }
                let sorted = ids.sorted()
                for id in sorted { tagFrequency[Int(id)] += 1 }
                for (position, a) in sorted.enumerated() {
                    for b in sorted[(position + 1)...] { pairCounts[UInt64(a) << 32 | UInt64(b), default: 0] += 1 }
                }
                postTagIDs += sorted
                postTagStart.append(UInt32(postTagIDs.count))
            }
        }
        tagDisplays = spellingOrder.enumerated().map { id, order in
            let best = order.map { spellings[id][$0, default: 0] }.max() ?? 0
            return order.first { spellings[id][$0] == best } ?? tagKeys[id]
        }
        tagPairs = pairCounts.keys.sorted()
        tagPairCounts = tagPairs.map { pairCounts[$0] ?? 0 }
    }

    /// Categories, files and lines, budgets.
    private mutating func addPostFields(_ posts: [JobPost]) {
        var categoryIndex: [String: Int32] = [:]
        var fileIndex: [String: UInt32] = [:]
        for post in posts {
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
        }
    }
}
