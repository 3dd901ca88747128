import Foundation
import ProfileText

/// A loaded corpus ready for the corpus checks: its statistics (from the cache or freshly
/// built), the BM25 index, and a memo of the posts that fit each profile query.
public final class Corpus: @unchecked Sendable {
    public let stats: CorpusStats
    public let bm25: BM25
    /// Whether the statistics came from the on-disk cache.
    public let fromCache: Bool
    /// Problems met while loading (skipped posts, cache trouble), to print on stderr.
    public let issues: [CorpusIssue]
    public let fitOptions: FitOptions
    /// How skill tags were canonicalized when the statistics were built.
    public let canonicalizer: TagCanonicalizer

    private let lock = NSLock()
    /// Fits of recent queries (a lint of one profile asks for the same few several times).
    private var fits = LRUCache<[UInt32], Fit>(capacity: Corpus.fitMemoCapacity)
    /// How many fits the memo keeps.
    static let fitMemoCapacity = 64

    public init(stats: CorpusStats, canonicalizer: TagCanonicalizer = TagCanonicalizer(), fromCache: Bool = false,
                extraIssues: [CorpusIssue] = [], fitOptions: FitOptions = FitOptions()) {
        self.stats = stats
        self.canonicalizer = canonicalizer
        self.bm25 = BM25(stats: stats)
        self.fromCache = fromCache
        self.issues = stats.issues + extraIssues
        self.fitOptions = fitOptions
    }

    /// Loads the corpus at `paths` (files or directories): reads the files, and either reads
    /// the statistics from `cache` (same files, same bytes, same column map and versions) or
    /// parses the posts, builds the statistics and stores them in the cache.
    /// A missing or unreadable path or a bad column map throws; bad posts become `issues`.
    public static func load(paths: [String], columnMap: [String: String] = [:], aliases: SkillAliases? = nil,
                            cache: CorpusCache? = nil, fitOptions: FitOptions = FitOptions(),
                            progress: LoadProgress? = nil) throws(CorpusError) -> Corpus {
        let mapper = try PostFieldMapper(columnMap: columnMap)
        let canonicalizer = TagCanonicalizer(aliases: aliases)
        let filePaths = try CorpusLoader.filePaths(paths)
        // Files unchanged since a run that read them: their key without reading them (see `CorpusStamp`).
        let stamp = cache == nil ? nil : CorpusStamp(paths: filePaths, columnMap: columnMap, canonicalizer: canonicalizer)
        if let cache, let stamp, let key = cache.key(for: stamp), let stats = cache.read(key: key) {
            return Corpus(stats: stats, canonicalizer: canonicalizer, fromCache: true, fitOptions: fitOptions)
        }
        let files = try CorpusLoader.read(filePaths)
        let key = CorpusCache.key(files: files, columnMap: columnMap, canonicalizer: canonicalizer)
        if let cache, let stats = cache.read(key: key) {
            if let stamp { cache.remember(key, for: stamp) }
            return Corpus(stats: stats, canonicalizer: canonicalizer, fromCache: true, fitOptions: fitOptions)
        }
        progress?.start(files: files)
        let stats = CorpusStats.build(CorpusLoader.load(files, mapper: mapper, progress: progress), canonicalizer: canonicalizer)
        var extra: [CorpusIssue] = []
        if let cache, let problem = cache.write(stats, key: key) {
            extra.append(CorpusIssue(PostLocation(path: cache.directory, line: 1), problem))
        } else if let cache, let stamp {
            cache.remember(key, for: stamp)
        }
        return Corpus(stats: stats, canonicalizer: canonicalizer, fromCache: false, extraIssues: extra, fitOptions: fitOptions)
    }

    /// How many fits are memoized (at most `fitMemoCapacity`).
    var memoizedFitCount: Int { lock.withLock { fits.count } }

    /// The posts that fit a profile section's query.
    public func fit(_ query: ProfileQuery) -> Fit {
        fit(termIDs: query.termIDs)
    }

    /// The posts that fit a query (BM25 top posts with a positive score), memoized.
    public func fit(termIDs: [UInt32]) -> Fit {
        if let known = lock.withLock({ fits.value(for: termIDs) }) { return known }
        let scores = bm25.scores(termIDs, stats: stats)
        let limit = fitOptions.limit(postCount: stats.postCount)
        let ranked = scores.indices.filter { scores[$0] > 0 }
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(limit)
        let fit = Fit(posts: Array(ranked), scores: ranked.map { scores[$0] })
        lock.withLock { fits.insert(fit, for: termIDs) }
        return fit
    }
}

/// How many posts count as "fitting" a profile: the `fraction` of the corpus with the best
/// BM25 scores, at least `minimum` and at most `maximum` (and only posts scoring above 0).
/// Defaults: 25%, 10, 300 — so a large corpus compares a profile with its 300 closest posts.
public struct FitOptions: Sendable, Equatable {
    public var fraction: Double
    public var minimum: Int
    public var maximum: Int

    public init(fraction: Double = 0.25, minimum: Int = 10, maximum: Int = 300) {
        self.fraction = fraction
        self.minimum = minimum
        self.maximum = maximum
    }

    public func limit(postCount: Int) -> Int {
        min(maximum, max(minimum, Int((Double(postCount) * fraction).rounded(.up))))
    }
}

/// The posts fitting a profile section, best first.
public struct Fit: Sendable {
    /// Post indices, best score first (ties by corpus order).
    public var posts: [Int]
    public var scores: [Double]

    public var count: Int { posts.count }

    /// "the 300 closest posts" / "the closest post".
    public var phrase: String {
        count == 1 ? "the closest post" : "the \(count) closest posts"
    }
}
