import Foundation
import ProfileText

/// The statistics of a corpus, built once (in parallel chunks, merged in order, so the result
/// is identical to a single-threaded build) and cached on disk by `CorpusCache`.
///
/// Terms are normalized 1-3-grams of title + description (see `CorpusText`), numbered by
/// first occurrence; bigrams and trigrams seen in a single post are dropped. Per-post lists
/// are stored flat ("compressed sparse rows": `start[i]..<start[i+1]`), sorted by id.
///
/// A new statistic is a stored property here, one line in `CorpusStats.schema` (which drives
/// equality, the cache codec and the length checks) and its computation in the merge.
package struct CorpusStats: Sendable, Equatable {
    // MARK: Posts
    package var postCount: Int { titles.count }
    /// Post titles (for evidence notes).
    var titles: [String] = []
    /// The corpus files, and per post the file index and 1-based line.
    package internal(set) var files: [String] = []
    var postFile: [UInt32] = []
    var postLine: [UInt32] = []
    /// Per post its `id` and `url`, empty when the post has none (for evidence listings).
    var postIDs: [String] = []
    var postURLs: [String] = []

    // MARK: Terms
    /// Term key: stems joined by a space (`power bi`, `dashboard`).
    package internal(set) var termKeys: [String] = []
    /// Term as first written, case-folded (`power bi`, `dashboards`).
    var termDisplays: [String] = []
    /// Words in the term (1-3).
    var termLengths: [UInt8] = []
    /// Posts whose title or description contains the term.
    var documentFrequency: [UInt32] = []
    var postTermStart: [UInt32] = []
    var postTermIDs: [UInt32] = []
    /// Occurrences of the term in the post (saturates at 65535).
    var postTermCounts: [UInt16] = []
    /// Words in the post (unigram count), the BM25 document length.
    var postLength: [UInt32] = []
    /// Terms of the title alone.
    var titleTermStart: [UInt32] = []
    var titleTermIDs: [UInt32] = []

    // MARK: Skill tags
    /// Canonical tag key and the most used spelling.
    var tagKeys: [String] = []
    package internal(set) var tagDisplays: [String] = []
    package internal(set) var tagFrequency: [UInt32] = []
    var postTagStart: [UInt32] = []
    var postTagIDs: [UInt32] = []
    /// Co-occurring tag pairs (`low << 32 | high`, sorted) and the posts tagging both.
    var tagPairs: [UInt64] = []
    var tagPairCounts: [UInt32] = []

    // MARK: Categories and budgets
    package internal(set) var categories: [String] = []
    /// Category index per post, -1 when the post has none.
    package internal(set) var postCategory: [Int32] = []
    /// Hourly range and fixed price per post; NaN where the post gives none.
    var hourlyMin: [Double] = []
    var hourlyMax: [Double] = []
    var fixedBudget: [Double] = []
    /// The currency of each post's amounts (ISO code), empty where the post names none.
    var postCurrency: [String] = []

    // MARK: Loading
    /// Problems met while loading (skipped posts), replayed on a cache hit.
    package internal(set) var issues: [CorpusIssue] = []
    /// Posts dropped as duplicates.
    package internal(set) var duplicates = 0

    /// Mapping from term key to id and tag key to id (not stored; rebuilt on load).
    package private(set) var termIndex: [String: UInt32] = [:]
    package private(set) var tagIndex: [String: UInt32] = [:]
    /// Posts whose title contains the term (derived, not stored).
    private(set) var titleDocumentFrequency: [UInt32] = []

    /// Rebuilds the key → id indexes (after decoding, once `isConsistent` holds); false when
    /// two terms or two tags share a key.
    @discardableResult
    mutating func buildIndexes() -> Bool {
        guard let terms = Self.index(termKeys), let tags = Self.index(tagKeys) else { return false }
        termIndex = terms
        tagIndex = tags
        var titleFrequency = [UInt32](repeating: 0, count: termKeys.count)
        for term in titleTermIDs { titleFrequency[Int(term)] += 1 }
        titleDocumentFrequency = titleFrequency
        return true
    }

    /// Each key's position; nil when a key repeats.
    private static func index(_ keys: [String]) -> [String: UInt32]? {
        var index: [String: UInt32] = [:]
        index.reserveCapacity(keys.count)
        for (id, key) in keys.enumerated() where index.updateValue(UInt32(id), forKey: key) != nil { return nil }
        return index
    }

    // MARK: Access

    /// The term ids of post `post` (sorted) and their counts.
    package func terms(ofPost post: Int) -> (ids: ArraySlice<UInt32>, counts: ArraySlice<UInt16>) {
        let range = Int(postTermStart[post])..<Int(postTermStart[post + 1])
        return (postTermIDs[range], postTermCounts[range])
    }

    package func titleTerms(ofPost post: Int) -> ArraySlice<UInt32> {
        titleTermIDs[Int(titleTermStart[post])..<Int(titleTermStart[post + 1])]
    }

    package func tags(ofPost post: Int) -> ArraySlice<UInt32> {
        postTagIDs[Int(postTagStart[post])..<Int(postTagStart[post + 1])]
    }

    /// Posts tagging both `a` and `b`.
    package func cooccurrence(_ a: UInt32, _ b: UInt32) -> Int {
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
    package func location(ofPost post: Int) -> String {
        "\(files[Int(postFile[post])]):\(postLine[post])"
    }
}
