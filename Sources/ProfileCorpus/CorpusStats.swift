import Foundation
import ProfileText

/// The statistics of a corpus, built once (in parallel chunks, merged in order, so the result
/// is identical to a single-threaded build) and cached on disk by `CorpusCache`.
///
/// Terms are normalized 1-3-grams of title + description (see `CorpusText`), numbered by
/// first occurrence; bigrams and trigrams seen in a single post are dropped. Per-post lists
/// are stored flat ("compressed sparse rows": `start[i]..<start[i+1]`), sorted by id.
public struct CorpusStats: Sendable, Equatable {
    // MARK: Posts
    public var postCount: Int { titles.count }
    /// Post titles (for evidence notes).
    public var titles: [String]
    /// The corpus files, and per post the file index and 1-based line.
    public var files: [String]
    public var postFile: [UInt32]
    public var postLine: [UInt32]
    /// Per post its `id` and `url`, empty when the post has none (for evidence listings).
    public var postIDs: [String]
    public var postURLs: [String]

    // MARK: Terms
    /// Term key: stems joined by a space (`power bi`, `dashboard`).
    public var termKeys: [String]
    /// Term as first written, case-folded (`power bi`, `dashboards`).
    public var termDisplays: [String]
    /// Words in the term (1-3).
    public var termLengths: [UInt8]
    /// Posts whose title or description contains the term.
    public var documentFrequency: [UInt32]
    public var postTermStart: [UInt32]
    public var postTermIDs: [UInt32]
    /// Occurrences of the term in the post (saturates at 65535).
    public var postTermCounts: [UInt16]
    /// Words in the post (unigram count), the BM25 document length.
    public var postLength: [UInt32]
    /// Terms of the title alone.
    public var titleTermStart: [UInt32]
    public var titleTermIDs: [UInt32]

    // MARK: Skill tags
    /// Canonical tag key and the most used spelling.
    public var tagKeys: [String]
    public var tagDisplays: [String]
    public var tagFrequency: [UInt32]
    public var postTagStart: [UInt32]
    public var postTagIDs: [UInt32]
    /// Co-occurring tag pairs (`low << 32 | high`, sorted) and the posts tagging both.
    public var tagPairs: [UInt64]
    public var tagPairCounts: [UInt32]

    // MARK: Categories and budgets
    public var categories: [String]
    /// Category index per post, -1 when the post has none.
    public var postCategory: [Int32]
    /// Hourly range and fixed price per post; NaN where the post gives none.
    public var hourlyMin: [Double]
    public var hourlyMax: [Double]
    public var fixedBudget: [Double]

    // MARK: Loading
    /// Problems met while loading (skipped posts), replayed on a cache hit.
    public var issues: [CorpusIssue]
    /// Posts dropped as duplicates.
    public var duplicates: Int

    /// Mapping from term key to id and tag key to id (not stored; rebuilt on load).
    public private(set) var termIndex: [String: UInt32] = [:]
    public private(set) var tagIndex: [String: UInt32] = [:]
    /// Posts whose title contains the term (derived, not stored).
    public private(set) var titleDocumentFrequency: [UInt32] = []

    public static func == (lhs: CorpusStats, rhs: CorpusStats) -> Bool {
        lhs.titles == rhs.titles && lhs.files == rhs.files && lhs.postFile == rhs.postFile && lhs.postLine == rhs.postLine
            && lhs.postIDs == rhs.postIDs && lhs.postURLs == rhs.postURLs
            && lhs.termKeys == rhs.termKeys && lhs.termDisplays == rhs.termDisplays && lhs.termLengths == rhs.termLengths
            && lhs.documentFrequency == rhs.documentFrequency && lhs.postTermStart == rhs.postTermStart
            && lhs.postTermIDs == rhs.postTermIDs && lhs.postTermCounts == rhs.postTermCounts
            && lhs.postLength == rhs.postLength && lhs.titleTermStart == rhs.titleTermStart
            && lhs.titleTermIDs == rhs.titleTermIDs && lhs.tagKeys == rhs.tagKeys && lhs.tagDisplays == rhs.tagDisplays
            && lhs.tagFrequency == rhs.tagFrequency && lhs.postTagStart == rhs.postTagStart
            && lhs.postTagIDs == rhs.postTagIDs && lhs.tagPairs == rhs.tagPairs && lhs.tagPairCounts == rhs.tagPairCounts
            && lhs.categories == rhs.categories && lhs.postCategory == rhs.postCategory
            && lhs.hourlyMin.elementsEqualNaN(rhs.hourlyMin) && lhs.hourlyMax.elementsEqualNaN(rhs.hourlyMax)
            && lhs.fixedBudget.elementsEqualNaN(rhs.fixedBudget) && lhs.issues == rhs.issues && lhs.duplicates == rhs.duplicates
    }

    /// Rebuilds the key → id indexes (after decoding).
    mutating func buildIndexes() {
        termIndex = Dictionary(uniqueKeysWithValues: termKeys.enumerated().map { ($1, UInt32($0)) })
        tagIndex = Dictionary(uniqueKeysWithValues: tagKeys.enumerated().map { ($1, UInt32($0)) })
        var titleFrequency = [UInt32](repeating: 0, count: termKeys.count)
        for term in titleTermIDs { titleFrequency[Int(term)] += 1 }
        titleDocumentFrequency = titleFrequency
    }

    // MARK: Access

    /// The term ids of post `post` (sorted) and their counts.
    public func terms(ofPost post: Int) -> (ids: ArraySlice<UInt32>, counts: ArraySlice<UInt16>) {
        let range = Int(postTermStart[post])..<Int(postTermStart[post + 1])
        return (postTermIDs[range], postTermCounts[range])
    }

    public func titleTerms(ofPost post: Int) -> ArraySlice<UInt32> {
        titleTermIDs[Int(titleTermStart[post])..<Int(titleTermStart[post + 1])]
    }

    public func tags(ofPost post: Int) -> ArraySlice<UInt32> {
        postTagIDs[Int(postTagStart[post])..<Int(postTagStart[post + 1])]
    }

    /// Posts tagging both `a` and `b`.
    public func cooccurrence(_ a: UInt32, _ b: UInt32) -> Int {
        guard a != b else { return Int(tagFrequency[Int(a)]) }
        let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
        var low = 0, high = tagPairs.count
        while low < high {
            let mid = (low + high) / 2
            if tagPairs[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < tagPairs.count && tagPairs[low] == key ? Int(tagPairCounts[low]) : 0
    }

    /// `path:line` of a post.
    public func location(ofPost post: Int) -> String {
        "\(files[Int(postFile[post])]):\(postLine[post])"
    }

    /// The hourly midpoint of post `post`, when it is hourly.
    public func hourlyMidpoint(ofPost post: Int) -> Double? {
        Budget(hourlyMin: hourlyMin[post].isNaN ? nil : hourlyMin[post],
               hourlyMax: hourlyMax[post].isNaN ? nil : hourlyMax[post]).hourlyMidpoint
    }
}

extension Array where Element == Double {
    /// Element-wise equality where NaN equals NaN.
    func elementsEqualNaN(_ other: [Double]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}

// MARK: - Building

extension CorpusStats {
    /// One to three ids (of stems or of normalized words), `absent` past the term's length.
    struct IDTriple: Hashable, Sendable {
        static let absent = UInt32.max
        var first: UInt32
        var second: UInt32
        var third: UInt32

        func mapped(_ table: [UInt32]) -> IDTriple {
            IDTriple(first: table[Int(first)],
                     second: second == Self.absent ? Self.absent : table[Int(second)],
                     third: third == Self.absent ? Self.absent : table[Int(third)])
        }

        /// The strings of the ids joined by spaces.
        func joined(_ strings: [String]) -> String {
            var text = strings[Int(first)]
            for id in [second, third] where id != Self.absent {
                text += " "
                text += strings[Int(id)]
            }
            return text
        }
    }

    /// What identifies a term: its key `stem stem stem`, as the ids of the key's space-separated
    /// parts when there are one to three non-empty parts (always, unless a stem holds a space:
    /// NFKC turns some symbols into one), else as the key itself. Equal keys give equal values.
    enum TermKey: Hashable, Sendable {
        case parts(IDTriple)
        case text(String)

        func mapped(_ table: [UInt32]) -> TermKey {
            if case .parts(let ids) = self { return .parts(ids.mapped(table)) }
            return self
        }

        func joined(_ parts: [String]) -> String {
            switch self {
            case .parts(let ids): ids.joined(parts)
            case .text(let key): key
            }
        }
    }

    /// Term ids by key: an open-addressing table for the id triples (Swift's `Dictionary`
    /// hashes with SipHash, several times slower for these small keys), a dictionary for the
    /// rare text keys.
    struct TermIndex {
        private var keys: [IDTriple]
        private var values: [UInt32]
        private var mask: Int
        /// Slots are the top bits of the multiplicative hash (its low bits mix poorly).
        private var shift: UInt64
        private var count = 0
        private var texts: [String: UInt32] = [:]

        init() {
            keys = [IDTriple](repeating: IDTriple(first: 0, second: 0, third: 0), count: 1 << 12)
            values = [UInt32](repeating: .max, count: 1 << 12)
            mask = (1 << 12) - 1
            shift = 64 - 12
        }

        /// The id of `key`, or `next` (now the key's id) when the key is new.
        mutating func id(of key: TermKey, orNew next: UInt32) -> UInt32 {
            switch key {
            case .parts(let triple):
                return id(of: triple, orNew: next)
            case .text(let text):
                if let known = texts[text] { return known }
                texts[text] = next
                return next
            }
        }

        /// The id of the key `.parts(triple)`, or `next` when the key is new.
        mutating func id(of triple: IDTriple, orNew next: UInt32) -> UInt32 {
            var slot = slot(of: triple)
            while values[slot] != .max {
                if keys[slot] == triple { return values[slot] }
                slot = (slot + 1) & mask
            }
            keys[slot] = triple
            values[slot] = next
            count += 1
            if count * 2 > keys.count { grow() }
            return next
        }

        private func slot(of key: IDTriple) -> Int {
            var mixed = UInt64(key.first) &* 0x9E37_79B9_7F4A_7C15
            mixed = (mixed ^ UInt64(key.second)) &* 0xC2B2_AE3D_27D4_EB4F
            mixed = (mixed ^ UInt64(key.third)) &* 0x1656_67B1_9E37_79F9
            return Int(truncatingIfNeeded: mixed >> shift)
        }

        private mutating func grow() {
            let oldKeys = keys, oldValues = values
            keys = [IDTriple](repeating: IDTriple(first: 0, second: 0, third: 0), count: oldKeys.count * 2)
            values = [UInt32](repeating: .max, count: oldKeys.count * 2)
            mask = keys.count - 1
            shift -= 1
            for (key, value) in zip(oldKeys, oldValues) where value != .max {
                var slot = slot(of: key)
                while values[slot] != .max { slot = (slot + 1) & mask }
                keys[slot] = key
                values[slot] = value
            }
        }
    }

    /// A distinct written word of a chunk: its stem and normalized form (chunk ids), whether
    /// the stem is one key part (non-empty, without a space), and whether the word may start or
    /// end an n-gram.
    private struct ChunkWord {
        var stem: UInt32
        var normalized: UInt32
        var stemIsPart: Bool
        var isEdge: Bool
    }

    /// One chunk's analysis, numbered chunk-locally in first-seen order. A term is identified
    /// by its stems (the key `stem stem stem`); its display is the normalized words of its first
    /// occurrence.
    private struct Chunk: Sendable {
        var stems: [String] = []
        var normalizedWords: [String] = []
        var termKeys: [TermKey] = []
        var termWords: [IDTriple] = []
        /// Words in the term's first occurrence.
        var termLengths: [UInt8] = []
        /// Per post (flat, post i at `postStart[i]..<postStart[i + 1]`): its terms in first-seen
        /// order and their counts.
        var postStart: [Int] = [0]
        var postTerms: [UInt32] = []
        var postCounts: [UInt16] = []
        var postLengths: [UInt32] = []
        /// Per post (flat): the distinct terms of the title.
        var titleStart: [Int] = [0]
        var titleTerms: [UInt32] = []
        /// Per post: (canonical key, spelling) of each tag.
        var postTags: [[(String, String)]] = []
    }

    /// Analyses a chunk of posts: words are looked up by their written form (each distinct
    /// spelling is normalized and stemmed once), n-grams become id triples, and counts are kept
    /// in arrays indexed by term id (no per-post dictionaries).
    private struct ChunkAnalyzer {
        var chunk = Chunk()
        private var wordIndex: [String: UInt32] = [:]
        private var words: [ChunkWord] = []
        private var stemIndex: [String: UInt32] = [:]
        private var normalizedIndex: [String: UInt32] = [:]
        private var termIndex = TermIndex()
        /// Per term: the last post (chunk-local) that counted it, where in `postTerms`, and the
        /// last post whose title had it.
        private var lastPost: [Int32] = []
        private var slot: [Int32] = []
        private var lastTitle: [Int32] = []
        /// The words of the text being analysed and their phrase indexes.
        private var textWords: [UInt32] = []
        private var textPhrases: [Int] = []

        mutating func add(_ post: JobPost, canonicalizer: TagCanonicalizer) {
            let postIndex = Int32(chunk.postLengths.count)
            var length: UInt32 = 0
            add(post.title, post: postIndex, isTitle: true, length: &length)
            add(post.description, post: postIndex, isTitle: false, length: &length)
            chunk.postStart.append(chunk.postTerms.count)
            chunk.titleStart.append(chunk.titleTerms.count)
            chunk.postLengths.append(length)
            chunk.postTags.append(post.skills.map { (canonicalizer.key($0), $0) })
        }

        private mutating func add(_ text: String, post: Int32, isTitle: Bool, length: inout UInt32) {
            segment(text)
            let words = self.words, textWords = self.textWords, textPhrases = self.textPhrases
            NGrams.forEachSpan(count: textWords.count, phrase: { textPhrases[$0] },
                               isEdge: { words[Int(textWords[$0])].isEdge }) { first, last in
                let span = textWords[first...last]
                let normalized = triple(span.lazy.map { words[Int($0)].normalized })
                let term = span.allSatisfy { words[Int($0)].stemIsPart }
                    ? termID(triple(span.lazy.map { words[Int($0)].stem }), words: normalized, length: span.count)
                    : termID(termKey(span.map { chunk.stems[Int(words[Int($0)].stem)] }.joined(separator: " ")),
                             words: normalized, length: span.count)
                if lastPost[Int(term)] != post {
                    lastPost[Int(term)] = post
                    slot[Int(term)] = Int32(chunk.postTerms.count)
                    chunk.postTerms.append(term)
                    chunk.postCounts.append(1)
                } else {
                    let index = Int(slot[Int(term)])
                    if chunk.postCounts[index] != UInt16.max { chunk.postCounts[index] += 1 }
                }
                if isTitle && lastTitle[Int(term)] != post {
                    lastTitle[Int(term)] = post
                    chunk.titleTerms.append(term)
                }
                if first == last { length += 1 }
            }
        }

        /// Fills `textWords` and `textPhrases` with the words of `text`.
        private mutating func segment(_ text: String) {
            textWords.removeAll(keepingCapacity: true)
            textPhrases.removeAll(keepingCapacity: true)
            var text = text
            text.withUTF8 { bytes in
                _ = TextAnalyzer.segment(bytes) { range, _, phrase in
                    let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    textWords.append(wordID(written))
                    textPhrases.append(phrase)
                }
            }
        }

        private mutating func wordID(_ written: String) -> UInt32 {
            if let known = wordIndex[written] { return known }
            let forms = TextAnalyzer.forms(of: written)
            let id = UInt32(words.count)
            words.append(ChunkWord(stem: Self.intern(forms.stem, &stemIndex, &chunk.stems),
                                   normalized: Self.intern(forms.normalized, &normalizedIndex, &chunk.normalizedWords),
                                   stemIsPart: Self.isKeyPart(forms.stem[...]),
                                   isEdge: !forms.isStopWord && !forms.isNumber))
            wordIndex[written] = id
            return id
        }

        /// The key of an n-gram whose stems are not all key parts.
        private mutating func termKey(_ key: String) -> TermKey {
            let parts = key.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count <= 3, parts.allSatisfy(Self.isKeyPart) else { return .text(key) }
            return .parts(triple(parts.map { Self.intern(String($0), &stemIndex, &chunk.stems) }))
        }

        private static func isKeyPart(_ stem: Substring) -> Bool {
            !stem.isEmpty && !stem.utf8.contains(UInt8(ascii: " "))
        }

        /// The id of the term with key parts `stems` (the common case, no enum on the hot path).
        private mutating func termID(_ stems: IDTriple, words: IDTriple, length: Int) -> UInt32 {
            let id = termIndex.id(of: stems, orNew: UInt32(chunk.termKeys.count))
            guard id == chunk.termKeys.count else { return id }
            return newTerm(.parts(stems), words: words, length: length)
        }

        private mutating func termID(_ key: TermKey, words: IDTriple, length: Int) -> UInt32 {
            let id = termIndex.id(of: key, orNew: UInt32(chunk.termKeys.count))
            guard id == chunk.termKeys.count else { return id }
            return newTerm(key, words: words, length: length)
        }

        private mutating func newTerm(_ key: TermKey, words: IDTriple, length: Int) -> UInt32 {
            let id = UInt32(chunk.termKeys.count)
            chunk.termKeys.append(key)
            chunk.termWords.append(words)
            chunk.termLengths.append(UInt8(length))
            lastPost.append(-1)
            slot.append(0)
            lastTitle.append(-1)
            return id
        }

        private func triple<Span: Collection>(_ ids: Span) -> IDTriple where Span.Element == UInt32 {
            var iterator = ids.makeIterator()
            return IDTriple(first: iterator.next() ?? IDTriple.absent, second: iterator.next() ?? IDTriple.absent,
                            third: iterator.next() ?? IDTriple.absent)
        }

        static func intern(_ string: String, _ index: inout [String: UInt32], _ strings: inout [String]) -> UInt32 {
            if let known = index[string] { return known }
            let id = UInt32(strings.count)
            index[string] = id
            strings.append(string)
            return id
        }
    }

    /// Builds the statistics of `loaded` on all cores; the result does not depend on the
    /// number of threads.
    public static func build(_ loaded: LoadedPosts, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                             workers: Int = ParallelMap.workers) -> CorpusStats {
        let posts = loaded.posts
        let chunks = ParallelMap.chunks(count: posts.count, workers: workers) { range in
            var analyzer = ChunkAnalyzer()
            for index in range { analyzer.add(posts[index], canonicalizer: canonicalizer) }
            return analyzer.chunk
        }
        return merge(chunks, loaded: loaded, workers: workers)
    }

    /// The rows of one chunk's posts in the final numbering (ends are relative to the chunk).
    private struct PostRows: Sendable {
        var ids: [UInt32] = []
        var counts: [UInt16] = []
        var ends: [UInt32] = []
        var titleIDs: [UInt32] = []
        var titleEnds: [UInt32] = []
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

    private static func merge(_ chunks: [Chunk], loaded: LoadedPosts, workers: Int) -> CorpusStats {
        let posts = loaded.posts
        // Global ids: stems and words by first occurrence, terms by first occurrence (chunks
        // are in post order, so the numbering is that of a single pass over the posts).
        var stemIndex: [String: UInt32] = [:], stems: [String] = []
        var wordIndex: [String: UInt32] = [:], words: [String] = []
        var termIndex = TermIndex()
        var termKeys: [TermKey] = [], termWords: [IDTriple] = [], termLengths: [UInt8] = []
        var toGlobal: [[UInt32]] = []
        for chunk in chunks {
            let stemMap = chunk.stems.map { ChunkAnalyzer.intern($0, &stemIndex, &stems) }
            let wordMap = chunk.normalizedWords.map { ChunkAnalyzer.intern($0, &wordIndex, &words) }
            toGlobal.append(chunk.termKeys.indices.map { local in
                let key = chunk.termKeys[local].mapped(stemMap)
                let id = termIndex.id(of: key, orNew: UInt32(termKeys.count))
                guard id == termKeys.count else { return id }
                termKeys.append(key)
                termWords.append(chunk.termWords[local].mapped(wordMap))
                termLengths.append(chunk.termLengths[local])
                return id
            })
        }
        termIndex = TermIndex()
        var frequency = [UInt32](repeating: 0, count: termKeys.count)
        for (chunk, map) in zip(chunks, toGlobal) {
            for term in chunk.postTerms { frequency[Int(map[Int(term)])] += 1 }
        }

        // Drop phrases seen in one post only; renumber the rest in the same order.
        var newID = [UInt32](repeating: UInt32.max, count: termKeys.count)
        var kept: [Int] = []
        for term in termKeys.indices where termLengths[term] == 1 || frequency[term] >= 2 {
            newID[term] = UInt32(kept.count)
            kept.append(term)
        }
        var stats = CorpusStats(
            titles: posts.map(\.title), files: [], postFile: [], postLine: [],
            postIDs: posts.map { $0.id ?? "" }, postURLs: posts.map { $0.url ?? "" },
            termKeys: kept.map { termKeys[$0].joined(stems) }, termDisplays: kept.map { termWords[$0].joined(words) },
            termLengths: kept.map { termLengths[$0] },
            documentFrequency: kept.map { frequency[$0] },
            postTermStart: [0], postTermIDs: [], postTermCounts: [], postLength: chunks.flatMap(\.postLengths),
            titleTermStart: [0], titleTermIDs: [],
            tagKeys: [], tagDisplays: [], tagFrequency: [], postTagStart: [0], postTagIDs: [],
            tagPairs: [], tagPairCounts: [], categories: [], postCategory: [],
            hourlyMin: [], hourlyMax: [], fixedBudget: [], issues: loaded.issues, duplicates: loaded.duplicates)
        // Per chunk, in parallel: each post's kept terms sorted by new id, with their counts.
        let keptIDs = newID, globalIDs = toGlobal
        let rows = ParallelMap.map(Array(chunks.indices), workers: workers) { index in
            Self.postRows(chunks[index], toGlobal: globalIDs[index], newID: keptIDs)
        }
        stats.postTermStart.reserveCapacity(posts.count + 1)
        stats.titleTermStart.reserveCapacity(posts.count + 1)
        for row in rows {
            let termBase = UInt32(stats.postTermIDs.count), titleBase = UInt32(stats.titleTermIDs.count)
            stats.postTermIDs += row.ids
            stats.postTermCounts += row.counts
            stats.postTermStart += row.ends.lazy.map { $0 + termBase }
            stats.titleTermIDs += row.titleIDs
            stats.titleTermStart += row.titleEnds.lazy.map { $0 + titleBase }
        }

        // Tags: ids by first occurrence; display = the most used spelling (first on ties).
        var tagIndex: [String: UInt32] = [:]
        var spellings: [[String: Int]] = []
        var spellingOrder: [[String]] = []
        var pairCounts: [UInt64: UInt32] = [:]
        for chunk in chunks {
            for tags in chunk.postTags {
                var ids = Set<UInt32>()
                for (key, spelling) in tags where !key.isEmpty {
                    let id: UInt32
                    if let known = tagIndex[key] {
                        id = known
                    } else {
                        id = UInt32(stats.tagKeys.count)
                        tagIndex[key] = id
                        stats.tagKeys.append(key)
                        stats.tagFrequency.append(0)
                        spellings.append([:])
                        spellingOrder.append([])
                    }
                    if spellings[Int(id)][spelling] == nil { spellingOrder[Int(id)].append(spelling) }
                    spellings[Int(id)][spelling, default: 0] += 1
                    ids.insert(id)
                }
                let sorted = ids.sorted()
                for id in sorted { stats.tagFrequency[Int(id)] += 1 }
                for (position, a) in sorted.enumerated() {
                    for b in sorted[(position + 1)...] { pairCounts[UInt64(a) << 32 | UInt64(b), default: 0] += 1 }
                }
                stats.postTagIDs += sorted
                stats.postTagStart.append(UInt32(stats.postTagIDs.count))
            }
        }
        stats.tagDisplays = spellingOrder.enumerated().map { id, order in
            let best = order.map { spellings[id][$0, default: 0] }.max() ?? 0
            return order.first { spellings[id][$0] == best } ?? stats.tagKeys[id]
        }
        stats.tagPairs = pairCounts.keys.sorted()
        stats.tagPairCounts = stats.tagPairs.map { pairCounts[$0] ?? 0 }

        // Categories, files, budgets.
        var categoryIndex: [String: Int32] = [:]
        var fileIndex: [String: UInt32] = [:]
        for post in posts {
            if let category = post.category {
                if categoryIndex[category] == nil {
                    categoryIndex[category] = Int32(stats.categories.count)
                    stats.categories.append(category)
                }
                stats.postCategory.append(categoryIndex[category] ?? -1)
            } else {
                stats.postCategory.append(-1)
            }
            if fileIndex[post.location.path] == nil {
                fileIndex[post.location.path] = UInt32(stats.files.count)
                stats.files.append(post.location.path)
            }
            stats.postFile.append(fileIndex[post.location.path] ?? 0)
            stats.postLine.append(UInt32(post.location.line))
            stats.hourlyMin.append(post.budget.hourlyMin ?? .nan)
            stats.hourlyMax.append(post.budget.hourlyMax ?? .nan)
            stats.fixedBudget.append(post.budget.fixed ?? .nan)
        }
        stats.buildIndexes()
        return stats
    }
}
