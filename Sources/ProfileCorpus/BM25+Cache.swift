extension BM25 {
    /// The most postings placed in memory at once while the index is written to the cache: the
    /// terms are taken in ranges of about this many postings, each range a pass over the rows,
    /// so writing the index of a million posts never holds all of it.
    static let postingsPerPass = 1 << 25

    /// The sections of the index (idf, norms, posting starts, posts, counts) of `stats`.
    static let sectionCount = 5

    /// What the index's sections hold, computed before they are written (on another thread
    /// while the statistics' own sections are written, see `CorpusCache.write`).
    struct CacheSections: Sendable {
        let idf: [Double]
        let norms: [Double]
        /// Per term, its first posting (the last element is the total).
        let start: [UInt64]
        /// The term ranges of the passes over the rows that place the postings.
        let passes: [Range<Int>]
        /// The postings of the only pass, when there is one (all but the largest corpora):
        /// placed once for both the posts' and the counts' sections.
        let single: ([UInt32], [UInt32], [UInt16])?

        /// `passSize`: about how many postings a pass places (a test makes it small).
        init(_ stats: CorpusStats, passSize: Int = postingsPerPass) {
            let idf = BM25.idf(stats)
            var start = [UInt64](repeating: 0, count: idf.count + 1)
            for term in stats.postTermIDs where idf[Int(term)] != 0 { start[Int(term) + 1] += 1 }
            for term in idf.indices { start[term + 1] += start[term] }
            var passes: [Range<Int>] = []
            var first = 0
            for term in idf.indices where start[term + 1] - start[first] >= passSize || term == idf.count - 1 {
                passes.append(first..<(term + 1))
                first = term + 1
            }
            (self.idf, norms, self.start, self.passes) = (idf, BM25.norms(stats), start, passes)
            single = passes.count == 1 && (start.last ?? 0) <= UInt32.max ? postings(stats, scored: idf, terms: passes[0]) : nil
        }
    }

    /// Writes the index of `stats` (whose sections are `sections`) as `sectionCount` sections.
    static func write(_ sections: CacheSections, of stats: CorpusStats, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        try Double.write(sections.idf, to: &file)
        try Double.write(sections.norms, to: &file)
        guard let total = sections.start.last, total <= UInt32.max else {
            throw CacheFileWriter.Failure(reason: "the corpus has too many words for the cache's index")
        }
        try UInt32.write(sections.start.lazy.map { UInt32($0) }, to: &file)
        try file.section(count: Int(total)) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            for terms in sections.passes { try file.append((sections.single ?? postings(stats, scored: sections.idf, terms: terms)).1) }
        }
        try file.section(count: Int(total)) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            for terms in sections.passes { try file.append((sections.single ?? postings(stats, scored: sections.idf, terms: terms)).2) }
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
