import ProfileText

extension CorpusStats {
    /// Builds the statistics batch by batch, so a caller can feed a large corpus in parts and
    /// drop each part's text once it is added. Each batch is analysed in parallel chunks
    /// (`ChunkAnalyzer`), and the chunks are folded in post order into one `TermVocabulary` and
    /// per-post rows of global ids, so the result is that of a single pass whatever the
    /// batches and threads. A term's first occurrence lives in the vocabulary and only its later
    /// ones in the rows: a term seen once costs no row, and can be evicted (see `TermVocabulary`).
    struct Builder {
        /// Posts analysed per parallel batch: large enough to keep both cores busy, small enough
        /// that a batch's chunk tables stay small.
        static let batchSize = 1 << 14
        private let canonicalizer: TagCanonicalizer
        private let workers: Int
        private var stats = CorpusStats()
        private var stems = Interned(), normalizedWords = Interned()
        private var vocabulary: TermVocabulary
        private var tags = TagTable()
        /// Later occurrences, one segment per batch (no array grows with the corpus, so none is
        /// copied whole when it grows, and `finish` frees each segment once it is converted).
        private var segments: [TermRows] = []
        private var rows = TermRows()
        private var postCount = 0

        /// `evictionLimit`: vocabulary size that starts evicting terms seen once (tests set it low).
        init(canonicalizer: TagCanonicalizer = TagCanonicalizer(), workers: Int = ParallelMap.workers,
                     evictionLimit: Int = 1 << 22) {
            self.canonicalizer = canonicalizer
            self.workers = workers
            vocabulary = TermVocabulary(evictionLimit: evictionLimit)
        }

        /// Terms evicted, and terms seen again after an eviction (see `TermVocabulary`).
        var evictedTerms: Int { vocabulary.evictedCount }
        var promotedTerms: Int { vocabulary.promotedCount }

        /// Adds posts that follow those added before (de-duplicated already). Batches are
        /// analysed in parallel chunks, and each chunk is folded (in post order, on this thread)
        /// while the chunks after it are analysed.
        mutating func add(_ loaded: LoadedPosts) {
            stats.issues += loaded.issues
            stats.duplicates += loaded.duplicates
            let posts = loaded.posts, canonicalizer = self.canonicalizer
            var parts: [(range: Range<Int>, endsBatch: Bool)] = []
            for start in stride(from: 0, to: posts.count, by: Self.batchSize) {
                let count = min(posts.count - start, Self.batchSize)
                let ranges = ParallelMap.chunkRanges(count: count, workers: workers)
                for (index, range) in ranges.enumerated() {
                    parts.append((range.lowerBound + start..<range.upperBound + start, index == ranges.count - 1))
                }
            }
            var batchStart = 0
            ParallelMap.forEachInOrder(parts, workers: workers) { part in
                var analyzer = ChunkAnalyzer(textBytes: ChunkAnalyzer.textBytes(posts[part.range]))
                for index in part.range { analyzer.add(posts[index], canonicalizer: canonicalizer) }
                return (analyzer.finish(), part.range.upperBound, part.endsBatch)
            } consume: { chunk, end, endsBatch in
                fold(chunk)
                guard endsBatch else { return }
                segments.append(rows)
                rows = TermRows()
                stats.addPostFields(posts[batchStart..<end])
                batchStart = end
                if vocabulary.count > vocabulary.evictionLimit { evict() }
            }
        }

        /// Adds one chunk's posts: maps its stems, words and terms to global ids and stores each
        /// post's occurrences.
        private mutating func fold(_ chunk: Chunk) {
            let stemMap = chunk.stems.map { stems.id($0) }
            let wordMap = chunk.normalizedWords.map { normalizedWords.id($0) }
            // Per chunk term: its vocabulary id once known in this chunk, and the last post whose title had it.
            var known = [UInt32](repeating: .max, count: chunk.termKeys.count)
            var titleMark = [Int32](repeating: -1, count: chunk.termKeys.count)
            for post in 0..<(chunk.postStart.count - 1) {
                let globalPost = UInt32(postCount)
                for term in chunk.titleTerms[chunk.titleStart[post]..<chunk.titleStart[post + 1]] {
                    titleMark[Int(term)] = Int32(post)
                }
                let start = chunk.postStart[post]
                for index in start..<chunk.postStart[post + 1] {
                    let local = Int(chunk.postTerms[index])
                    let inTitle = titleMark[local] == Int32(post)
                    if known[local] != .max {
                        vocabulary.countAgain(known[local])
                        addRow(known[local], count: chunk.postCounts[index], inTitle: inTitle)
                        continue
                    }
                    let occurrence = Occurrence(post: globalPost, ordinal: UInt32(index - start),
                                                count: chunk.postCounts[index], inTitle: inTitle)
                    let (id, isNew) = vocabulary.occur(chunk.termKeys[local].mapped(stemMap),
                                                       words: chunk.termWords[local].mapped(wordMap),
                                                       length: chunk.termLengths[local], at: occurrence)
                    known[local] = id
                    if !isNew { addRow(id, count: occurrence.count, inTitle: inTitle) }
                }
                rows.ends.append(UInt32(rows.ids.count))
                rows.titleEnds.append(UInt32(rows.titleIDs.count))
                postCount += 1
            }
            stats.postLength += chunk.postLengths
            tags.add(chunk.postTags)
        }

        private mutating func addRow(_ id: UInt32, count: UInt16, inTitle: Bool) {
            rows.ids.append(id)
            rows.counts.append(count)
            if inTitle { rows.titleIDs.append(id) }
        }

        /// Evicts the terms seen once and renumbers the rows (which never hold an evicted term:
        /// rows hold second and later occurrences).
        private mutating func evict() {
            let newID = vocabulary.evictRare()
            for segment in segments.indices { segments[segment].renumber(newID) }
        }

        /// The statistics: terms seen in one post only are dropped unless they are single words,
        /// the rest numbered by first occurrence.
        package consuming func finish() -> CorpusStats {
            var extra: [(post: UInt32, id: UInt32, occurrence: Occurrence)] = []
            if !vocabulary.recover({ id, occurrence in extra.append((occurrence.post, id, occurrence)) }) {
                stats.issues.append(CorpusIssue(PostLocation(path: "(temporary file)", line: 1),
                                                "could not read back the rare terms set aside while building the statistics; some phrases may be missing"))
            }
            var kept = vocabulary.first.indices.filter { vocabulary.lengths[$0] == 1 || vocabulary.frequency[$0] >= 2 }
            if vocabulary.hasEvicted { kept.sort { vocabulary.first[$0].place < vocabulary.first[$1].place } }
            var newID = [UInt32](repeating: .max, count: vocabulary.count)
            for (position, id) in kept.enumerated() { newID[id] = UInt32(position) }
            stats.termKeys = Column(kept.map { vocabulary.keys[$0].joined(stems.strings) })
            stats.termDisplays = Column(kept.map { vocabulary.words[$0].joined(normalizedWords.strings) })
            stats.termLengths = Column(kept.map { vocabulary.lengths[$0] })
            stats.documentFrequency = Column(kept.map { vocabulary.frequency[$0] })
            let firsts = FirstOccurrences(kept: kept, vocabulary: vocabulary, extra: extra, posts: postCount)
            var segments = self.segments
            self.segments = []
            stats.addTermRows(&segments, firsts: firsts, newID: newID, workers: workers)
            tags.store(in: &stats)
            stats.buildIndexes()
            return stats
        }
    }

    /// Strings numbered by first occurrence.
    struct Interned {
        private var index: [String: UInt32] = [:]
        private(set) var strings: [String] = []

        mutating func id(_ string: String) -> UInt32 {
            if let known = index[string] { return known }
            let id = UInt32(strings.count)
            index[string] = id
            strings.append(string)
            return id
        }
    }
}
