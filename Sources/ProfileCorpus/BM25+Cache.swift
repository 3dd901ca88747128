extension BM25 {
    /// The most postings placed in memory at once while the index is written to the cache: the
    /// terms are taken in ranges of about this many postings, each range a pass over the rows,
    /// so writing the index of a million posts never holds all of it.
    static let postingsPerPass = 1 << 25

    /// The sections of the index (idf, norms, posting starts, posts, counts) of `stats`.
    static let sectionCount = 5

    /// Writes the index of `stats` as `sectionCount` sections.
    static func write(_ stats: CorpusStats, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        let idf = Self.idf(stats)
        try Double.write(idf, to: &file)
        try Double.write(norms(stats), to: &file)
        var start = [UInt64](repeating: 0, count: idf.count + 1)
        for term in stats.postTermIDs where idf[Int(term)] != 0 { start[Int(term) + 1] += 1 }
        for term in idf.indices { start[term + 1] += start[term] }
        guard let total = start.last, total <= UInt32.max else {
            throw CacheFileWriter.Failure(reason: "the corpus has too many words for the cache's index")
        }
        try UInt32.write(start.lazy.map { UInt32($0) }, to: &file)
        var passes: [Range<Int>] = []
        var first = 0
        for term in idf.indices where start[term + 1] - start[first] >= postingsPerPass || term == idf.count - 1 {
            passes.append(first..<(term + 1))
            first = term + 1
        }
        try file.section(count: Int(total)) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            for terms in passes { try file.append(postings(stats, scored: idf, terms: terms).1) }
        }
        try file.section(count: Int(total)) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            for terms in passes { try file.append(postings(stats, scored: idf, terms: terms).2) }
        }
    }

    /// The index over its sections of a mapped cache file; nil when their lengths do not fit
    /// `stats` (the values inside are read clamped, see `scores`).
    static func open(_ sections: ArraySlice<MappedSection>, stats: CorpusStats) -> BM25? {
        guard sections.count == sectionCount else { return nil }
        let parts = Array(sections)
        guard let idf = Column<Double>.open(parts[0]), let norms = Column<Double>.open(parts[1]),
              let start = Column<UInt32>.open(parts[2]), let posts = Column<UInt32>.open(parts[3]),
              let counts = Column<UInt16>.open(parts[4]),
              idf.count == stats.termKeys.count, norms.count == stats.postCount, start.count == idf.count + 1,
              start.first == 0, Int(start.last ?? 1) == posts.count, counts.count == posts.count else { return nil }
        return BM25(idf: idf, norms: norms, postingStart: start, postingPosts: posts, postingCounts: counts)
    }
}
