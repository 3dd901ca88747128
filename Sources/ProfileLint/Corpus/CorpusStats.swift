import Foundation

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
    /// One chunk's analysis, with chunk-local term numbers in first-seen order.
    private struct Chunk: Sendable {
        var keys: [String] = []
        var displays: [String] = []
        var lengths: [UInt8] = []
        var postTerms: [[(UInt32, UInt16)]] = []
        var postLengths: [UInt32] = []
        var titleTerms: [[UInt32]] = []
        /// Per post: (canonical key, spelling) of each tag.
        var postTags: [[(String, String)]] = []
    }

    /// Builds the statistics of `loaded` on all cores; the result does not depend on the
    /// number of threads.
    public static func build(_ loaded: LoadedPosts, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                             workers: Int = ParallelMap.workers) -> CorpusStats {
        let posts = loaded.posts
        let chunks = ParallelMap.chunks(count: posts.count, workers: workers) { range in
            var chunk = Chunk()
            var local: [String: UInt32] = [:]
            func id(_ key: String, _ display: String, _ length: Int) -> UInt32 {
                if let known = local[key] { return known }
                let new = UInt32(chunk.keys.count)
                local[key] = new
                chunk.keys.append(key)
                chunk.displays.append(display)
                chunk.lengths.append(UInt8(length))
                return new
            }
            for index in range {
                let post = posts[index]
                var counts: [UInt32: UInt16] = [:]
                var order: [UInt32] = []
                var words: UInt32 = 0
                var titleIDs = Set<UInt32>()
                for (isTitle, text) in [(true, post.title), (false, post.description)] {
                    for gram in CorpusText.ngrams(text) {
                        let term = id(gram.key, gram.text, gram.stems.count)
                        if isTitle { titleIDs.insert(term) }
                        if counts[term] == nil { order.append(term) }
                        counts[term, default: 0] &+= counts[term] == UInt16.max ? 0 : 1
                        if gram.stems.count == 1 { words += 1 }
                    }
                }
                chunk.postTerms.append(order.map { ($0, counts[$0] ?? 0) })
                chunk.postLengths.append(words)
                chunk.titleTerms.append(titleIDs.sorted())
                chunk.postTags.append(post.skills.map { (canonicalizer.key($0), $0) })
            }
            return chunk
        }
        return merge(chunks, loaded: loaded)
    }

    private static func merge(_ chunks: [Chunk], loaded: LoadedPosts) -> CorpusStats {
        let posts = loaded.posts
        // Global term ids by first occurrence (chunks are in post order).
        var index: [String: UInt32] = [:]
        var keys: [String] = [], displays: [String] = [], lengths: [UInt8] = []
        var postTerms: [[(UInt32, UInt16)]] = []
        var titleTerms: [[UInt32]] = []
        var postLength: [UInt32] = []
        postTerms.reserveCapacity(posts.count)
        for chunk in chunks {
            var toGlobal = [UInt32](repeating: 0, count: chunk.keys.count)
            for (localID, key) in chunk.keys.enumerated() {
                if let known = index[key] {
                    toGlobal[localID] = known
                } else {
                    let new = UInt32(keys.count)
                    index[key] = new
                    keys.append(key)
                    displays.append(chunk.displays[localID])
                    lengths.append(chunk.lengths[localID])
                    toGlobal[localID] = new
                }
            }
            for terms in chunk.postTerms { postTerms.append(terms.map { (toGlobal[Int($0.0)], $0.1) }) }
            for terms in chunk.titleTerms { titleTerms.append(terms.map { toGlobal[Int($0)] }) }
            postLength += chunk.postLengths
        }
        var frequency = [UInt32](repeating: 0, count: keys.count)
        for terms in postTerms { for (term, _) in terms { frequency[Int(term)] += 1 } }

        // Drop phrases seen in one post only; renumber the rest in the same order.
        var newID = [UInt32](repeating: UInt32.max, count: keys.count)
        var kept: [Int] = []
        for term in keys.indices where lengths[term] == 1 || frequency[term] >= 2 {
            newID[term] = UInt32(kept.count)
            kept.append(term)
        }
        var stats = CorpusStats(
            titles: posts.map(\.title), files: [], postFile: [], postLine: [],
            termKeys: kept.map { keys[$0] }, termDisplays: kept.map { displays[$0] },
            termLengths: kept.map { lengths[$0] }, documentFrequency: kept.map { frequency[$0] },
            postTermStart: [0], postTermIDs: [], postTermCounts: [], postLength: postLength,
            titleTermStart: [0], titleTermIDs: [],
            tagKeys: [], tagDisplays: [], tagFrequency: [], postTagStart: [0], postTagIDs: [],
            tagPairs: [], tagPairCounts: [], categories: [], postCategory: [],
            hourlyMin: [], hourlyMax: [], fixedBudget: [], issues: loaded.issues, duplicates: loaded.duplicates)
        for terms in postTerms {
            let mapped = terms.compactMap { newID[Int($0.0)] == UInt32.max ? nil : (newID[Int($0.0)], $0.1) }.sorted { $0.0 < $1.0 }
            stats.postTermIDs += mapped.map(\.0)
            stats.postTermCounts += mapped.map(\.1)
            stats.postTermStart.append(UInt32(stats.postTermIDs.count))
        }
        for terms in titleTerms {
            stats.titleTermIDs += terms.compactMap { newID[Int($0)] == UInt32.max ? nil : newID[Int($0)] }.sorted()
            stats.titleTermStart.append(UInt32(stats.titleTermIDs.count))
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
