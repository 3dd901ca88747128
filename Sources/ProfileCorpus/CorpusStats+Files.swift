extension CorpusStats {
    /// Reads, parses and analyses the corpus files at `paths` (from `CorpusLoader.filePaths`)
    /// a group of files at a time (about `groupBytes` of files each), so that only one group's
    /// bytes and posts are in memory at once: the result equals
    /// `build(CorpusLoader.load(CorpusLoader.read(paths), ...))`. `read` sees each file as it
    /// is read (the cache key is hashed from it).
    package static func build(paths: [String], mapper: PostFieldMapper, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                              workers: Int = ParallelMap.workers, maxFileBytes: Int = CorpusFile.defaultMaxBytes,
                              groupBytes: Int = 64 << 20, progress: LoadProgress? = nil,
                              read: (CorpusFile) -> Void = { _ in }) throws(CorpusError) -> CorpusStats {
        try builder(paths: paths, mapper: mapper, canonicalizer: canonicalizer, workers: workers,
                    maxFileBytes: maxFileBytes, groupBytes: groupBytes, progress: progress, read: read).finish()
    }

    /// `build(paths:...)` and the BM25 index of the statistics, built while their key indexes
    /// are (a corpus used at once, not stored in the cache).
    package static func buildIndexed(paths: [String], mapper: PostFieldMapper, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                                     workers: Int = ParallelMap.workers, maxFileBytes: Int = CorpusFile.defaultMaxBytes,
                                     progress: LoadProgress? = nil) throws(CorpusError) -> (stats: CorpusStats, bm25: BM25) {
        try builder(paths: paths, mapper: mapper, canonicalizer: canonicalizer, workers: workers,
                    maxFileBytes: maxFileBytes, progress: progress).finishIndexed()
    }

    /// The builder that has read, parsed and analysed the files at `paths`, a group at a time.
    private static func builder(paths: [String], mapper: PostFieldMapper, canonicalizer: TagCanonicalizer, workers: Int,
                                maxFileBytes: Int, groupBytes: Int = 64 << 20, progress: LoadProgress?,
                                read: (CorpusFile) -> Void = { _ in }) throws(CorpusError) -> Builder {
        progress?.start(fileCount: paths.count, bytes: paths.reduce(0) { $0 + CorpusLoader.size(of: $1) })
        var builder = Builder(canonicalizer: canonicalizer, workers: workers)
        var filter = DuplicateFilter()
        var group: [CorpusFile] = []
        var bytes = 0
        for (position, path) in paths.enumerated() {
            for file in try CorpusLoader.read([path], maxFileBytes: maxFileBytes) {
                read(file)
                group.append(file)
                bytes += file.bytes.count
            }
            if bytes >= groupBytes || position == paths.count - 1 {
                builder.add(CorpusLoader.load(group, mapper: mapper, workers: workers, progress: progress, filter: &filter))
                group = []
                bytes = 0
            }
        }
        return builder
    }
}
