/// The layout of a cache file, made to be mapped and used in place:
///
///     header   magic "PLSTATS\0", format version (u32), section count (u32), file size (u64),
///              analysis version and key (u32 length + UTF-8 each), then per section its
///              offset, size in bytes and element count (u64 each), then a checksum (u64) of
///              the header's bytes before it
///     sections one per field of `CorpusStats.schema` in order, then the derived fields
///              (`titleDocumentFrequency`, the term and tag `KeyIndex` slots, the posts of
///              each tag), then the BM25
///              index; each starts on 8 bytes and holds one column (see `ColumnElement`)
///
/// All values are little-endian (the cache is used on little-endian hosts only; elsewhere the
/// corpus is analysed on every run). Opening a file checks the header, its checksum, the file
/// size and every section's bounds, layout and length: work that does not grow with the
/// corpus. Inside the sections, `Column`, `IDRow`, `KeyIndex` and `BM25` clamp what they read.
extension CorpusCache {
    static let magic: [UInt8] = Array("PLSTATS\u{0}".utf8)

    /// Sections after the schema's: title frequencies, the two key indexes, the tag postings.
    private static let derivedSectionCount = 5

    static var sectionCount: Int { CorpusStats.schema.count + derivedSectionCount + BM25.sectionCount }

    /// The header's size for `key`, padded to 8 bytes.
    package static func headerBytes(key: String) -> Int {
        let size = magic.count + 16 + 8 + analysisVersion.utf8.count + 4 + key.utf8.count + 24 * sectionCount + 8
        return (size + 7) / 8 * 8
    }

    /// Writes every section of `stats`, then the header; throws when the statistics are not
    /// consistent (a cache is written only from statistics the accessors can trust).
    static func write(_ stats: CorpusStats, key: String, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        #if _endian(big)
        throw CacheFileWriter.Failure(reason: "the cache format is little-endian")
        #else
        guard stats.isConsistent else { throw CacheFileWriter.Failure(reason: "the corpus statistics are inconsistent") }
        // The derived sections on another core while the stored ones are written: on one
        // thread, writing the cache of a 2,400-post corpus took as long as a third of its analysis.
        var failure: CacheFileWriter.Failure?
        let (derived, _) = ParallelMap.beside({ DerivedSections(stats) }) {
            do throws(CacheFileWriter.Failure) {
                for field in CorpusStats.schema { try field.write(stats, to: &file) }
            } catch { failure = error }
        }
        if let failure { throw failure }
        guard let termSlots = derived.termSlots, let tagSlots = derived.tagSlots else {
            throw CacheFileWriter.Failure(reason: "the corpus statistics are inconsistent")
        }
        try UInt32.write(derived.titleFrequency, to: &file)
        try UInt32.write(termSlots, to: &file)
        try UInt32.write(tagSlots, to: &file)
        try UInt32.write(derived.tagPostings.start, to: &file)
        try UInt32.write(derived.tagPostings.posts, to: &file)
        try BM25.write(derived.bm25, of: stats, to: &file)
        var header = BinaryWriter()
        header.bytes += magic
        header.u32(formatVersion)
        header.u32(UInt32(file.sections.count))
        header.u64(UInt64(file.offset))
        header.string(analysisVersion)
        header.string(key)
        for section in file.sections {
            header.u64(UInt64(section.offset))
            header.u64(UInt64(section.bytes))
            header.u64(UInt64(section.count))
        }
        header.u64(header.bytes.withUnsafeBytes(CacheChecksum.of))
        try file.finish(header: header.bytes)
        #endif
    }

    /// The statistics and index in `file`, in place; nil when the header, a section's bounds
    /// or layout, or a column's length is wrong.
    static func open(_ file: MappedFile, key: String) -> CachedCorpus? {
        #if _endian(big)
        return nil
        #else
        guard let sections = sections(of: file, key: key) else { return nil }
        var stats = CorpusStats()
        let schema = CorpusStats.schema
        for (field, section) in zip(schema, sections) {
            guard field.open(section, into: &stats) else { return nil }
        }
        let derived = Array(sections[schema.count..<(schema.count + derivedSectionCount)])
        guard stats.hasConsistentShape,
              let titleFrequency = Column<UInt32>.open(derived[0]), let termSlots = Column<UInt32>.open(derived[1]),
              let tagSlots = Column<UInt32>.open(derived[2]), let tagPostStart = Column<UInt32>.open(derived[3]),
              let tagPosts = Column<UInt32>.open(derived[4]),
              titleFrequency.count == stats.termKeys.count,
              KeyIndex.isValidSize(termSlots.count), KeyIndex.isValidSize(tagSlots.count),
              tagPostStart.count == stats.tagKeys.count + 1, tagPostStart.first == 0, Int(tagPostStart.last ?? 1) == tagPosts.count,
              let bm25 = BM25.open(sections[(schema.count + derivedSectionCount)...], stats: stats) else { return nil }
        stats.titleDocumentFrequency = titleFrequency
        (stats.tagPostStart, stats.tagPosts) = (tagPostStart, tagPosts)
        stats.termIndex = KeyIndex(slots: termSlots, keys: stats.termKeys)
        stats.tagIndex = KeyIndex(slots: tagSlots, keys: stats.tagKeys)
        return CachedCorpus(stats: stats, bm25: bm25)
        #endif
    }

    /// The sections the header of `file` lists, each checked to lie in the file on 8 bytes;
    /// nil when the header is not one of this version and key or its checksum is wrong.
    private static func sections(of file: MappedFile, key: String) -> [MappedSection]? {
        var reader = BinaryReader(bytes: file.bytes)
        guard reader.take(magic.count) == magic, reader.u32() == formatVersion,
              reader.u32() == UInt32(sectionCount), reader.u64() == UInt64(file.bytes.count),
              reader.string() == analysisVersion, reader.string() == key else { return nil }
        var sections: [MappedSection] = []
        for _ in 0..<sectionCount {
            guard let offset = reader.u64().map(Int.init(clamping:)), let size = reader.u64().map(Int.init(clamping:)),
                  let count = reader.u64().map(Int.init(clamping:)),
                  offset % 8 == 0, offset <= file.bytes.count, size <= file.bytes.count - offset, count <= size
            else { return nil }
            sections.append(MappedSection(bytes: UnsafeRawBufferPointer(rebasing: file.bytes[offset..<(offset + size)]),
                                          count: count, file: file))
        }
        let checked = UnsafeRawBufferPointer(rebasing: file.bytes[0..<reader.offset])
        guard reader.u64() == CacheChecksum.of(checked) else { return nil }
        return sections
    }

    /// The sections computed from the stored fields (nil slots: two keys are the same).
    private struct DerivedSections: Sendable {
        let titleFrequency: [UInt32]
        let termSlots: [UInt32]?
        let tagSlots: [UInt32]?
        let tagPostings: (start: [UInt32], posts: [UInt32])
        let bm25: BM25.CacheSections

        init(_ stats: CorpusStats) {
            titleFrequency = CorpusStats.titleFrequency(stats)
            termSlots = KeyIndex.slots(of: stats.termKeys)
            tagSlots = KeyIndex.slots(of: stats.tagKeys)
            tagPostings = CorpusStats.tagPostings(stats)
            bm25 = BM25.CacheSections(stats)
        }
    }
}
