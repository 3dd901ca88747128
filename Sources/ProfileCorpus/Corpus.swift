import Foundation
import ProfileText

/// A loaded corpus ready for the corpus checks: its statistics (from the cache or freshly
/// built), the BM25 index, and a memo of the posts that fit each profile query (see `FitCriterion`).
package final class Corpus: @unchecked Sendable {
    package let stats: CorpusStats
    let bm25: BM25
    /// Whether the statistics came from the on-disk cache.
    package let fromCache: Bool
    /// Problems met while loading posts (skipped posts, empty files), located, to print on stderr.
    package let issues: [CorpusIssue]
    /// Trouble with the cache (it could not be written), not tied to a post: plain warnings.
    package let cacheWarnings: [String]
    /// How skill tags were canonicalized when the statistics were built.
    package let canonicalizer: TagCanonicalizer

    private let lock = NSLock()
    /// Fits of recent queries (a lint of one profile asks for the same few several times); bounded,
    /// because the Language Server asks for one per profile text it sees.
    private var fits = LRUCache<FitKey, Fit>(capacity: Corpus.fitMemoCapacity)
    /// How many fits the memo keeps.
    static let fitMemoCapacity = 64
    /// What the corpus rules derive from a fit (characteristic terms, tag counts, skill
    /// mentions), memoized like the fits: each rule asks again, in its check and its score.
    private var derived = LRUCache<MemoKey, Any>(capacity: Corpus.derivedMemoCapacity)
    /// The fits and derived values being computed, so that two threads compute each once.
    private let fitsInFlight = ComputationsInFlight<FitKey>()
    private let derivedInFlight = ComputationsInFlight<MemoKey>()
    /// How many derived values the memo keeps (several per fit).
    static let derivedMemoCapacity = 512
    /// The fitting posts' tags inverted, per fit.
    private var indexes = LRUCache<FitIndex.Key, FitIndex>(capacity: Corpus.indexMemoCapacity)
    static let indexMemoCapacity = 8
    /// A zero per term id, lent to one fit's term count at a time (`withTermCountTable`).
    private var termCountTable: [UInt32]?
    /// A score per post, lent to one BM25 query at a time (`withScoreTable`).
    private var scoreTable: [Double]?
    /// Each tag's name as a term key, by tag id, filled as tags are asked for (`tagStemKey`).
    private var tagStemKeys: [UInt32: String] = [:]
    private let relevance: Relevance

    /// A corpus of `stats`, with `bm25` when the cache holds it (else it is built here).
    package init(stats: CorpusStats, bm25: BM25? = nil, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                fromCache: Bool = false, cacheWarnings: [String] = []) {
        self.stats = stats
        self.canonicalizer = canonicalizer
        self.bm25 = bm25 ?? BM25(stats: stats)
        self.fromCache = fromCache
        self.issues = stats.issues
        self.cacheWarnings = cacheWarnings
        self.relevance = Relevance(stats: stats)
    }

    /// Loads the corpus at `paths` (files or directories): reads the files, and either reads
    /// the statistics from `cache` (same files, same bytes, same column map and versions) or
    /// parses the posts, builds the statistics and stores them in the cache.
    /// A missing or unreadable path or a bad column map throws; bad posts become `issues`.
    package static func load(paths: [String], columnMap: [String: String] = [:], aliases: SkillAliases? = nil,
                            cache: CorpusCache? = nil, progress: LoadProgress? = nil,
                            maxFileBytes: Int = CorpusFile.defaultMaxBytes) throws(CorpusError) -> Corpus {
        let mapper = try PostFieldMapper(columnMap: columnMap)
        let canonicalizer = TagCanonicalizer(aliases: aliases)
        let filePaths = try CorpusLoader.filePaths(paths)
        // Files unchanged since a run that read them: their key without reading them (see `CorpusStamp`).
        let stamp = cache == nil ? nil : CorpusStamp(paths: filePaths, columnMap: columnMap, canonicalizer: canonicalizer)
        if let cache, let stamp, let key = cache.key(for: stamp), let cached = cache.open(key: key) {
            return Corpus(stats: cached.stats, bm25: cached.bm25, canonicalizer: canonicalizer, fromCache: true)
        }
        guard let cache else {
            let (stats, bm25) = try CorpusStats.buildIndexed(paths: filePaths, mapper: mapper, canonicalizer: canonicalizer,
                                                             maxFileBytes: maxFileBytes, progress: progress)
            return Corpus(stats: stats, bm25: bm25, canonicalizer: canonicalizer)
        }
        // Files are read one at a time for the key, then a group at a time for the statistics,
        // which hash them again: the statistics are stored under the key of what was analysed.
        let key = try CorpusCache.key(paths: filePaths, columnMap: columnMap, canonicalizer: canonicalizer,
                                      maxFileBytes: maxFileBytes)
        if let cached = cache.open(key: key) {
            if let stamp { cache.remember(key, for: stamp) }
            return Corpus(stats: cached.stats, bm25: cached.bm25, canonicalizer: canonicalizer, fromCache: true)
        }
        var analysed = CorpusCache.keyHasher(columnMap: columnMap, canonicalizer: canonicalizer)
        let stats = try CorpusStats.build(paths: filePaths, mapper: mapper, canonicalizer: canonicalizer,
                                          maxFileBytes: maxFileBytes, progress: progress) { file in
            CorpusCache.combine(file, into: &analysed)
        }
        if let problem = cache.write(stats, key: analysed.hex) {
            return Corpus(stats: stats, canonicalizer: canonicalizer, fromCache: false, cacheWarnings: [problem])
        }
        if let stamp, analysed.hex == key { cache.remember(key, for: stamp) }
        // The file just written, used in place: the statistics built in memory are released.
        let cached = cache.open(key: analysed.hex)
        return Corpus(stats: cached?.stats ?? stats, bm25: cached?.bm25, canonicalizer: canonicalizer, fromCache: false)
    }

    /// How many fits are memoized (at most `fitMemoCapacity`).
    var memoizedFitCount: Int { lock.withLock { fits.count } }

    /// How many derived values are memoized (at most `derivedMemoCapacity`).
    var memoizedDerivedCount: Int { lock.withLock { derived.count } }

    /// `make()`, memoized under `key` (a key type per computation, holding all its inputs).
    package func memoized<Key: Hashable, Value>(_ key: Key, _ make: () -> Value) -> Value {
        let key = MemoKey(key)
        return derivedInFlight.value(key, lookup: { lock.withLock { derived.value(for: key) } as? Value }, make: make,
                                     store: { value in lock.withLock { derived.insert(value, for: key) } })
    }

    /// The posts that fit a profile section under `criterion`, memoized.
    package func fit(_ query: ProfileQuery, criterion: FitCriterion = FitCriterion()) -> Fit {
        fit(query.fitQuery, criterion: criterion)
    }

    /// The posts that fit `query` under `criterion`, memoized.
    package func fit(_ query: FitQuery, criterion: FitCriterion = FitCriterion()) -> Fit {
        let key = FitKey(query: query, criterion: criterion)
        return fitsInFlight.value(key, lookup: { lock.withLock { fits.value(for: key) } }, make: {
            var fit = withScoreTable { scores in relevance.fit(query, criterion: criterion, stats: stats, bm25: bm25, scores: &scores) }
            if fit.count >= criterion.minFittingPosts { fit.support = support(of: fit.posts, query: query, criterion: criterion) }
            return fit
        }, store: { fit in lock.withLock { fits.insert(fit, for: key) } })
    }

    /// The posts `query`'s words alone fit, in corpus order (`Relevance.wordMatches`): which
    /// posts a title part matches, where its fit (`fit`) would also order them by score and
    /// describe each, which `off-niche` does not read. Not memoized: each part is asked once.
    package func wordMatches(_ query: FitQuery, criterion: FitCriterion = FitCriterion()) -> [Int] {
        withScoreTable { scores in relevance.wordMatches(query, criterion: criterion, stats: stats, bm25: bm25, scores: &scores) }
    }

    /// A tag's name as a term key (its stems joined: `power bi` of `Power BI`), analysed once
    /// per corpus: the corpus rules compare terms with the names of every fitting tag, in each
    /// check. Kept apart from `derived` (at most one string per tag of the corpus), so a fit's
    /// hundreds of tags never push the rules' derived values out of that memo.
    package func tagStemKey(_ tag: UInt32) -> String {
        if let known = lock.withLock({ tagStemKeys[tag] }) { return known }
        let key = CorpusText.stems(stats.tagDisplays[Int(tag)]).joined(separator: " ")
        lock.withLock { tagStemKeys[tag] = key }
        return key
    }

    /// The index of the tags of `fit`'s posts, memoized.
    func fitIndex(_ fit: Fit) -> FitIndex {
        let key = FitIndex.Key(posts: fit.postsKey)
        if let known = lock.withLock({ indexes.value(for: key) }) { return known }
        let index = FitIndex(posts: fit.posts, stats: stats)
        lock.withLock { indexes.insert(index, for: key) }
        return index
    }

    /// `body` with a table of a zero per term id, which it must leave all zeros: one table
    /// serves every fit of the process (a fresh one per fit cost its page faults and zeroing);
    /// a second thread asking meanwhile gets a table of its own.
    func withTermCountTable<Result>(_ body: (inout [UInt32]) -> Result) -> Result {
        borrow(\.termCountTable, body)
    }

    /// `body` with an array of a score per post to overwrite (`BM25.scores(_:stats:into:)`):
    /// one array serves every query of the process, where a fresh one per query (a fit, a
    /// portfolio item) cost its page faults; a second thread asking meanwhile gets its own.
    func withScoreTable<Result>(_ body: (inout [Double]) -> Result) -> Result {
        borrow(\.scoreTable, body)
    }

    /// `body` with the table kept at `slot` (empty when none is kept or another thread has
    /// it), kept there again afterwards.
    private func borrow<Element, Result>(_ slot: ReferenceWritableKeyPath<Corpus, [Element]?>,
                                         _ body: (inout [Element]) -> Result) -> Result {
        var table = lock.withLock { () -> [Element] in
            defer { self[keyPath: slot] = nil }
            return self[keyPath: slot] ?? []
        }
        let result = body(&table)
        lock.withLock { self[keyPath: slot] = table }
        return result
    }

    /// The `limit` posts with the best BM25 scores for a query (term ids, repeats weigh more),
    /// best first, ties by corpus order: a neighbourhood to compare two texts by, not a fit.
    package func closestPosts(termIDs: [UInt32], limit: Int) -> [Int] {
        withScoreTable { scores in
            bm25.scores(termIDs, stats: stats, into: &scores)
            return TopScores.best(scores, limit: limit)
        }
    }

    private struct FitKey: Hashable {
        var query: FitQuery
        var criterion: FitCriterion
    }
}
