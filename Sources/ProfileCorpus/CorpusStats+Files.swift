extension CorpusStats {
    /// Reads, parses and analyses the corpus files at `paths` (from `CorpusLoader.filePaths`)
    /// a group of files at a time (about `groupBytes` of files each), so that only one group's
    /// bytes and posts are in memory at once: the result equals
    /// `build(CorpusLoader.load(CorpusLoader.read(paths), ...))`.
    package static func build(paths: [String], mapper: PostFieldMapper, canonicalizer: TagCanonicalizer = TagCanonicalizer(),
                              workers: Int = ParallelMap.workers, maxFileBytes: Int = CorpusFile.defaultMaxBytes,
                              groupBytes: Int = 256 << 20) throws(CorpusError) -> CorpusStats {
        var builder = Builder(canonicalizer: canonicalizer, workers: workers)
        var filter = DuplicateFilter()
        var group: [CorpusFile] = []
        var bytes = 0
        for (position, path) in paths.enumerated() {
            group += try CorpusLoader.read([path], maxFileBytes: maxFileBytes)
            bytes += group.last?.bytes.count ?? 0
            if bytes >= groupBytes || position == paths.count - 1 {
                builder.add(CorpusLoader.load(group, mapper: mapper, workers: workers, filter: &filter))
                group = []
                bytes = 0
            }
        }
        return builder.finish()
    }
}
