import Foundation
import ProfileText

/// The statistics of a corpus, built once (in parallel chunks, merged in order, so the result
/// is identical to a single-threaded build) and cached on disk by `CorpusCache`.
///
/// Terms are normalized 1-3-grams of title + description (see `CorpusText`), numbered by
/// first occurrence; bigrams and trigrams seen in a single post are dropped. Per-post lists
/// are stored flat ("compressed sparse rows": `start[i]..<start[i+1]`), sorted by id.
///
/// Each stored field is a `Column`: an array when built, a view of the mapped cache file when
/// read from the cache (see `CorpusCache`).
///
/// A new statistic is a stored property here, one line in `CorpusStats.schema` (which drives
/// equality, the cache codec and the length checks) and its computation in the merge.
package struct CorpusStats: Sendable, Equatable {
    // MARK: Posts
    package var postCount: Int { titles.count }
    /// Post titles (for evidence notes).
    var titles: Column<String> = []
    /// The corpus files, and per post the file index and 1-based line.
    package internal(set) var files: Column<String> = []
    var postFile: Column<UInt32> = []
    var postLine: Column<UInt32> = []
    /// Per post its `id` and `url`, empty when the post has none (for evidence listings).
    var postIDs: Column<String> = []
    var postURLs: Column<String> = []

    // MARK: Terms
    /// Term key: stems joined by a space (`power bi`, `dashboard`).
    package internal(set) var termKeys: Column<String> = []
    /// Term as first written, case-folded (`power bi`, `dashboards`).
    var termDisplays: Column<String> = []
    /// Words in the term (1-3).
    var termLengths: Column<UInt8> = []
    /// Posts whose title or description contains the term.
    package internal(set) var documentFrequency: Column<UInt32> = []
    @usableFromInline var postTermStart: Column<UInt32> = []
    @usableFromInline var postTermIDs: Column<UInt32> = []
    /// Occurrences of the term in the post (saturates at 65535).
    @usableFromInline var postTermCounts: Column<UInt16> = []
    /// Words in the post (unigram count), the BM25 document length.
    var postLength: Column<UInt32> = []
    /// The `PostLanguage` (raw value) of each post's title and description.
    var postLanguage: Column<UInt8> = []
    /// Terms of the title alone.
    @usableFromInline var titleTermStart: Column<UInt32> = []
    @usableFromInline var titleTermIDs: Column<UInt32> = []

    // MARK: Skill tags
    /// Canonical tag key and the most used spelling.
    @usableFromInline var tagKeys: Column<String> = []
    package internal(set) var tagDisplays: Column<String> = []
    package internal(set) var tagFrequency: Column<UInt32> = []
    @usableFromInline var postTagStart: Column<UInt32> = []
    @usableFromInline var postTagIDs: Column<UInt32> = []
    /// Co-occurring tag pairs (`low << 32 | high`, sorted) and the posts tagging both.
    var tagPairs: Column<UInt64> = []
    var tagPairCounts: Column<UInt32> = []

    // MARK: Categories and budgets
    package internal(set) var categories: Column<String> = []
    /// Category index per post, -1 when the post has none.
    package internal(set) var postCategory: Column<Int32> = []
    /// Hourly range and fixed price per post; NaN where the post gives none.
    var hourlyMin: Column<Double> = []
    var hourlyMax: Column<Double> = []
    var fixedBudget: Column<Double> = []
    /// The currency of each post's amounts (ISO code), empty where the post names none.
    var postCurrency: Column<String> = []
    /// 1 where the post's hourly amount is a freelancer's own rate (`Budget.isFreelancerRate`).
    var freelancerRate: Column<UInt8> = []

    // MARK: Loading
    /// Problems met while loading (skipped posts), replayed on a cache hit.
    package internal(set) var issues: [CorpusIssue] = []
    /// Posts dropped as duplicates.
    package internal(set) var duplicates = 0

    /// Term key → id and tag key → id (derived: built with the statistics, stored in the cache).
    package internal(set) var termIndex = KeyIndex()
    package internal(set) var tagIndex = KeyIndex()
    /// Posts whose title contains the term (derived, like the indexes).
    var titleDocumentFrequency: Column<UInt32> = []
    /// The posts carrying each tag, in post order, at `tagPostStart[t]..<tagPostStart[t + 1]`
    /// (derived: the tag rows inverted), so a tag's posts are found without a scan of the corpus.
    @usableFromInline var tagPostStart: Column<UInt32> = []
    @usableFromInline var tagPosts: Column<UInt32> = []

    /// Builds the derived fields from the stored ones (once `isConsistent` holds); false when
    /// two terms or two tags share a key.
    @discardableResult
    mutating func buildIndexes() -> Bool {
        guard let terms = KeyIndex(keys: termKeys), let tags = KeyIndex(keys: tagKeys) else { return false }
        termIndex = terms
        tagIndex = tags
        titleDocumentFrequency = Column(Self.titleFrequency(self))
        let (start, posts) = Self.tagPostings(self)
        (tagPostStart, tagPosts) = (Column(start), Column(posts))
        return true
    }

    /// The tag rows inverted: per tag its posts, in post order (count, then fill).
    static func tagPostings(_ stats: CorpusStats) -> (start: [UInt32], posts: [UInt32]) {
        var start = [UInt32](repeating: 0, count: stats.tagKeys.count + 1)
        for tag in stats.postTagIDs { start[Int(tag) + 1] += 1 }
        for tag in 0..<stats.tagKeys.count { start[tag + 1] += start[tag] }
        var next = start
        var posts = [UInt32](repeating: 0, count: stats.postTagIDs.count)
        for post in 0..<stats.postCount {
            for tag in stats.tags(ofPost: post) {
                posts[Int(next[Int(tag)])] = UInt32(post)
                next[Int(tag)] += 1
            }
        }
        return (start, posts)
    }

    /// Per term, the posts whose title contains it.
    static func titleFrequency(_ stats: CorpusStats) -> [UInt32] {
        var frequency = [UInt32](repeating: 0, count: stats.termKeys.count)
        for term in stats.titleTermIDs { frequency[Int(term)] += 1 }
        return frequency
    }

    // MARK: Access

    /// The term ids of post `post` (sorted) and their counts.
    @inlinable package func terms(ofPost post: Int) -> (ids: IDRow, counts: Slice<Column<UInt16>>) {
        let ids = IDRow(postTermIDs, start: postTermStart, row: post, bound: termKeys.count)
        return (ids, postTermCounts[min(ids.startIndex, postTermCounts.count)..<min(ids.endIndex, postTermCounts.count)])
    }

    @inlinable package func titleTerms(ofPost post: Int) -> IDRow {
        IDRow(titleTermIDs, start: titleTermStart, row: post, bound: termKeys.count)
    }

    @inlinable package func tags(ofPost post: Int) -> IDRow {
        IDRow(postTagIDs, start: postTagStart, row: post, bound: tagKeys.count)
    }

    /// The posts carrying `tag`, in post order.
    @inlinable package func posts(withTag tag: UInt32) -> IDRow {
        IDRow(tagPosts, start: tagPostStart, row: Int(tag), bound: postCount)
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
