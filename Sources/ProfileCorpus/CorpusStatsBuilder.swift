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
        /// Analysed chunks that may wait for the fold beyond those being analysed
        /// (back-pressure): when the fold lags (a loaded machine), more would only hold memory.
        static let waitingChunks = 2
        /// Terms between asking for a vocabulary slot and looking it up (see `fold`).
        private static let lookahead = 8
        private let canonicalizer: TagCanonicalizer
        private let workers: Int
        private var stats = CorpusStats()
        /// The stems and normalized words the chunks' keys and displays are ids of.
        private let forms = WordForms()
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
            let posts = loaded.posts, canonicalizer = self.canonicalizer, forms = self.forms
            // Corpora show about one distinct term per 16 bytes of text (chunks: 16 to 19); at most
            // half the eviction limit, so a large corpus's tables grow to the size they would anyway.
            // Reserved before the first fold, while the workers analyse: before them, filling the
            // index's slots left a core idle.
            var reserve: Int? = min(ChunkAnalyzer.textBytes(posts) / 16, vocabulary.evictionLimit / 2)
            var parts: [(range: Range<Int>, endsBatch: Bool)] = []
            for start in stride(from: 0, to: posts.count, by: Self.batchSize) {
                let count = min(posts.count - start, Self.batchSize)
                let ranges = ParallelMap.chunkRanges(count: count, workers: workers)
                for (index, range) in ranges.enumerated() {
                    parts.append((range.lowerBound + start..<range.upperBound + start, index == ranges.count - 1))
                }
            }
            parts = Self.halvingLast(workers, of: parts)
            var batchStart = 0
            ParallelMap.forEachInOrder(parts, workers: workers, ahead: workers + Self.waitingChunks) { part in
                var analyzer = ChunkAnalyzer(textBytes: ChunkAnalyzer.textBytes(posts[part.range]), canonicalizer: canonicalizer,
                                             forms: forms)
                for index in part.range { analyzer.add(posts[index]) }
                return (analyzer.finish(), part.range.upperBound, part.endsBatch)
            } consume: { chunk, end, endsBatch in
                if let capacity = reserve.take() { vocabulary.reserveCapacity(capacity) }
                fold(chunk)
                guard endsBatch else { return }
                segments.append(rows)
                rows = TermRows()
                stats.addPostFields(posts[batchStart..<end])
                batchStart = end
                if vocabulary.count > vocabulary.evictionLimit { evict() }
            }
        }

        /// `parts` with the last `count` halved: the fold of the last chunk runs alone once the
        /// analysis is done, so a smaller last chunk leaves a core idle for less time.
        private static func halvingLast(_ count: Int, of parts: [(range: Range<Int>, endsBatch: Bool)])
            -> [(range: Range<Int>, endsBatch: Bool)] {
            let split = max(0, parts.count - count)
            return Array(parts[..<split]) + parts[split...].flatMap { part -> [(range: Range<Int>, endsBatch: Bool)] in
                guard part.range.count >= 2 else { return [part] }
                let middle = part.range.lowerBound + part.range.count / 2
                return [(part.range.lowerBound..<middle, false), (middle..<part.range.upperBound, part.endsBatch)]
            }
        }

        /// Adds one chunk's posts: maps its terms to global ids and stores each post's occurrences.
        private mutating func fold(_ chunk: Chunk) {
            // Per chunk term: its vocabulary id once known in this chunk, and the last post whose title had
            // it (one record: terms are met in random order, and each record costs a cache miss).
            var seen = [(vocabularyID: UInt32, titleMark: Int32)](repeating: (.max, -1), count: chunk.termKeys.count)
            // The fold meets the chunk's terms in chunk id order (a chunk numbers its terms in the
            // order its posts show them), so the vocabulary slot of the term a few ahead is asked
            // for while this one is looked up.
            let keys = chunk.termKeys
            for post in 0..<(chunk.postStart.count - 1) {
                let globalPost = UInt32(postCount)
                for term in chunk.titleTerms[chunk.titleStart[post]..<chunk.titleStart[post + 1]] {
                    seen[Int(term)].titleMark = Int32(post)
                }
                let start = chunk.postStart[post]
                for index in start..<chunk.postStart[post + 1] {
                    let local = Int(chunk.postTerms[index])
                    let mark = seen[local]
                    let inTitle = mark.titleMark == Int32(post)
                    if mark.vocabularyID != .max {
                        vocabulary.countAgain(mark.vocabularyID)
                        addRow(mark.vocabularyID, count: chunk.postCounts[index], inTitle: inTitle)
                        continue
                    }
                    if local + Self.lookahead < keys.count { vocabulary.prefetch(keys[local + Self.lookahead]) }
                    let occurrence = Occurrence(post: globalPost, ordinal: UInt32(index - start),
                                                count: chunk.postCounts[index], inTitle: inTitle)
                    let (id, isNew) = vocabulary.occur(keys[local],
                                                       words: chunk.termWords[local],
                                                       length: chunk.termLengths[local], at: occurrence)
                    seen[local].vocabularyID = id
                    if !isNew { addRow(id, count: occurrence.count, inTitle: inTitle) }
                }
                rows.ends.append(UInt32(rows.ids.count))
                rows.titleEnds.append(UInt32(rows.titleIDs.count))
                postCount += 1
            }
            stats.postLength += chunk.postLengths
            stats.postLanguage += chunk.postLanguages
            tags.add(chunk.tags, starts: chunk.postTagStart, refs: chunk.postTagRefs)
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
            var stats = finishRows()
            stats.buildIndexes()
            return stats
        }

        /// `finish()` and the BM25 index of the statistics, built while the key indexes are
        /// (neither needs the other): what a corpus used at once, without the cache, needs.
        package consuming func finishIndexed() -> (stats: CorpusStats, bm25: BM25) {
            let workers = self.workers
            let stats = finishRows()
            let (indexed, bm25) = ParallelMap.pair(workers: workers, {
                var indexed = stats
                indexed.buildIndexes()
                return indexed
            }, { BM25(stats: stats) })
            return (indexed, bm25)
        }

        /// The statistics without their derived indexes: kept terms numbered, rows and tags stored.
        private consuming func finishRows() -> CorpusStats {
            var extra: [(post: UInt32, id: UInt32, occurrence: Occurrence)] = []
            if !vocabulary.recover({ id, occurrence in extra.append((occurrence.post, id, occurrence)) }) {
                stats.issues.append(CorpusIssue(PostLocation(path: "(temporary file)", line: 1),
                                                "could not read back the rare terms set aside while building the statistics; some phrases may be missing"))
            }
            var kept = vocabulary.first.indices.filter { vocabulary.lengths[$0] == 1 || vocabulary.frequency[$0] >= 2 }
            if vocabulary.hasEvicted { kept.sort { vocabulary.first[$0].place < vocabulary.first[$1].place } }
            var newID = [UInt32](repeating: .max, count: vocabulary.count)
            for (position, id) in kept.enumerated() { newID[id] = UInt32(position) }
            stats.termLengths = Column(kept.map { vocabulary.lengths[$0] })
            stats.documentFrequency = Column(kept.map { vocabulary.frequency[$0] })
            let firsts = FirstOccurrences(kept: kept, vocabulary: vocabulary, extra: extra, posts: postCount)
            var segments = self.segments
            self.segments = []
            // The terms' texts on another thread while the rows are converted and the tags stored.
            let (keys, words, (stems, normalized)) = (vocabulary.keys, vocabulary.words, forms.strings)
            let (texts, _) = ParallelMap.beside(workers: workers, { [kept] in
                (Column(kept.map { keys[$0].joined(stems) }), Column(kept.map { words[$0].joined(normalized) }))
            }, {
                stats.addTermRows(&segments, firsts: firsts, newID: newID, workers: workers)
                tags.store(in: &stats)
            })
            (stats.termKeys, stats.termDisplays) = texts
            return stats
        }
    }

    /// Strings numbered by first occurrence. ASCII strings (nearly all stems and words) are
    /// found by their bytes in a `SpellingTable` (a `[String: UInt32]` spent most of its time in
    /// SipHash); others also through a dictionary, which compares them as `String` does
    /// (canonical equivalence). Every string is in the table, so its ids are the numbering.
    struct Interned {
        private var table = SpellingTable()
        private var nonASCII: [String: UInt32] = [:]
        private(set) var strings: [String] = []

        mutating func id(_ string: String) -> UInt32 {
            var string = string
            let isASCII = string.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
            if !isASCII, let known = nonASCII[string] { return known }
            let (id, isNew) = string.withUTF8 { table.id(of: $0) }
            guard isNew else { return id }
            strings.append(string)
            if !isASCII { nonASCII[string] = id }
            return id
        }

        /// `id(_:)` of an ASCII string given as bytes (the string is made only when new).
        mutating func id(ascii bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            let (id, isNew) = table.id(of: bytes)
            if isNew { strings.append(String(decoding: bytes, as: UTF8.self)) }
            return id
        }
    }
}
