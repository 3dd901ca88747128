/// How many elements a stored field of `CorpusStats` must have.
enum StatsLength {
    /// One per post.
    case posts
    /// Row starts: one per post, plus the end.
    case postRowStarts
    /// One per term.
    case terms
    /// One per tag.
    case tags
    /// Any length (checked, where it matters, by `CorpusStats.isConsistent`).
    case any
}

/// One stored field of `CorpusStats`, seen without its type.
protocol StatsFieldProtocol {
    var storedKeyPath: AnyKeyPath { get }
    var length: StatsLength { get }
    func count(in stats: CorpusStats) -> Int
    func isEqual(_ lhs: CorpusStats, _ rhs: CorpusStats) -> Bool
    func write(_ stats: CorpusStats, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure)
    /// Opens the field over `section` into `stats`; false when the section does not hold one.
    func open(_ section: MappedSection, into stats: inout CorpusStats) -> Bool
}

/// A stored field: where it lives and how long it must be; its value type says how it is
/// compared and coded.
struct StatsField<Value: StatsValue>: StatsFieldProtocol {
    let keyPath: WritableKeyPath<CorpusStats, Value>
    let length: StatsLength

    init(_ keyPath: WritableKeyPath<CorpusStats, Value>, _ length: StatsLength) {
        self.keyPath = keyPath
        self.length = length
    }

    var storedKeyPath: AnyKeyPath { keyPath }

    func count(in stats: CorpusStats) -> Int { stats[keyPath: keyPath].elementCount }

    func isEqual(_ lhs: CorpusStats, _ rhs: CorpusStats) -> Bool {
        lhs[keyPath: keyPath].isSame(as: rhs[keyPath: keyPath])
    }

    func write(_ stats: CorpusStats, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        try stats[keyPath: keyPath].write(to: &file)
    }

    func open(_ section: MappedSection, into stats: inout CorpusStats) -> Bool {
        guard let value = Value.open(section) else { return false }
        stats[keyPath: keyPath] = value
        return true
    }
}

extension CorpusStats {
    /// Every stored field, in cache order: the one schema that equality, the cache codec and
    /// the length checks follow. Changing it changes the cache layout (bump
    /// `CorpusCache.formatVersion`). Built once: a cache load reads it three times, and
    /// building its key paths costs about as much as decoding the statistics. Never mutated,
    /// so sharing it across threads is safe.
    nonisolated(unsafe) static let schema: [any StatsFieldProtocol] = [
        StatsField(\.titles, .posts), StatsField(\.files, .any),
        StatsField(\.postFile, .posts), StatsField(\.postLine, .posts),
        StatsField(\.postIDs, .posts), StatsField(\.postURLs, .posts),
        StatsField(\.termKeys, .terms), StatsField(\.termDisplays, .terms),
        StatsField(\.termLengths, .terms), StatsField(\.documentFrequency, .terms),
        StatsField(\.postTermStart, .postRowStarts), StatsField(\.postTermIDs, .any),
        StatsField(\.postTermCounts, .any), StatsField(\.postLength, .posts),
        StatsField(\.postLanguage, .posts),
        StatsField(\.titleTermStart, .postRowStarts), StatsField(\.titleTermIDs, .any),
        StatsField(\.tagKeys, .tags), StatsField(\.tagDisplays, .tags),
        StatsField(\.tagFrequency, .tags), StatsField(\.postTagStart, .postRowStarts),
        StatsField(\.postTagIDs, .any), StatsField(\.tagPairs, .any), StatsField(\.tagPairCounts, .any),
        StatsField(\.categories, .any), StatsField(\.postCategory, .posts),
        StatsField(\.hourlyMin, .posts), StatsField(\.hourlyMax, .posts), StatsField(\.fixedBudget, .posts),
        StatsField(\.postCurrency, .posts), StatsField(\.freelancerRate, .posts),
        StatsField(\.issues, .any), StatsField(\.duplicates, .any),
    ]

    package static func == (lhs: CorpusStats, rhs: CorpusStats) -> Bool {
        schema.allSatisfy { $0.isEqual(lhs, rhs) }
    }

    /// Whether every field has the length and every index the range the accessors rely on
    /// (a scan of every row: the cache is written only from consistent statistics).
    var isConsistent: Bool {
        func rows(_ start: Column<UInt32>, _ ids: Column<UInt32>, bound: Int) -> Bool {
            zip(start, start.dropFirst()).allSatisfy { $0 <= $1 } && ids.allSatisfy { Int($0) < bound }
        }
        return hasConsistentShape
            && postFile.allSatisfy { Int($0) < files.count }
            && postCategory.allSatisfy { $0 >= -1 && Int($0) < categories.count }
            && rows(postTermStart, postTermIDs, bound: termKeys.count) && rows(titleTermStart, titleTermIDs, bound: termKeys.count)
            && rows(postTagStart, postTagIDs, bound: tagKeys.count)
            && tagPairs.allSatisfy { Int($0 >> 32) < tagKeys.count && Int($0 & 0xFFFF_FFFF) < tagKeys.count }
    }

    /// Whether every field has the length the accessors rely on and every row list starts at 0
    /// and ends at its ids' end: what is checked when a cache file is opened (cheap, not a scan;
    /// the accessors clamp what lies inside).
    var hasConsistentShape: Bool {
        let posts = titles.count, terms = termKeys.count, tags = tagKeys.count
        let lengthsMatch = Self.schema.allSatisfy { field in
            let count = field.count(in: self)
            return switch field.length {
            case .posts: count == posts
            case .postRowStarts: count == posts + 1
            case .terms: count == terms
            case .tags: count == tags
            case .any: true
            }
        }
        func ends(_ start: Column<UInt32>, _ ids: Column<UInt32>) -> Bool {
            start.first == 0 && Int(start.last ?? 1) == ids.count
        }
        return lengthsMatch && ends(postTermStart, postTermIDs) && postTermCounts.count == postTermIDs.count
            && ends(titleTermStart, titleTermIDs) && ends(postTagStart, postTagIDs) && tagPairs.count == tagPairCounts.count
    }
}
