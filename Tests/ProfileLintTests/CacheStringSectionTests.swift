import Testing
@testable import ProfileCorpus

/// A string column's cache section is written from the column's storage; these tests check
/// its bytes against the element-by-element writing it replaced, on the real corpus's string
/// columns and on random strings, from an array-backed column and from a collection without
/// contiguous storage.
@Suite struct CacheStringSectionTests {
    /// The section as it was written: each offset, then each string, through the collection.
    static func referenceBytes(_ values: some Collection<String>) throws -> [UInt8] {
        var file = CacheFileWriter(descriptor: nil, headerBytes: 0)
        try file.section(count: values.count) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            var offset: UInt64 = 0
            try file.append(CollectionOfOne(offset))
            for value in values {
                offset += UInt64(value.utf8.count)
                try file.append(CollectionOfOne(offset))
            }
            for value in values { try file.append(utf8: value) }
        }
        try file.finish(header: [])
        return file.memory
    }

    static func bytes(_ values: some Collection<String>) throws -> [UInt8] {
        var file = CacheFileWriter(descriptor: nil, headerBytes: 0)
        try String.write(values, to: &file)
        try file.finish(header: [])
        return file.memory
    }

    @Test func realCorpusColumnsAreWrittenAsBefore() throws {
        let stats = try FinishIndexTests.realStats()
        let columns = [stats.titles, stats.postIDs, stats.postURLs, stats.termKeys, stats.termDisplays, stats.tagKeys,
                       stats.tagDisplays, stats.categories, stats.postCurrency, stats.files]
        #expect(stats.termKeys.count > 10_000)
        for column in columns {
            let expected = try Self.referenceBytes(column)
            #expect(try Self.bytes(column) == expected)
            // No contiguous storage: the strings are copied out first.
            #expect(try Self.bytes(column.lazy.map { $0 }) == expected)
        }
    }

    @Test func randomStringsAreWrittenAsBefore() throws {
        var random = FinishIndexTests.Random(state: 12)
        let pieces = ["", "a", "data", " ", "é", "e\u{301}", "数据", "🧑‍💻", "\u{0}", "long-enough-to-be-allocated"]
        for round in 0..<300 {
            let strings = (0..<random.next(40)).map { _ in
                (0..<random.next(5)).map { _ in pieces[random.next(pieces.count)] }.joined()
            }
            let column = Column(strings)
            let expected = try Self.referenceBytes(strings)
            #expect(try Self.bytes(column) == expected, "round \(round)")
            #expect(try Self.bytes(strings.lazy.map { $0 }) == expected, "round \(round)")
        }
    }
}
