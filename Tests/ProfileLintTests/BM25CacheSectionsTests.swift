import Foundation
import Testing
@testable import ProfileCorpus

/// The BM25 index's cache sections are computed before they are written, and a single pass
/// over the rows places the postings once for both their sections; these tests check the
/// bytes against the writing they replaced (each section's postings placed again, pass by
/// pass), with one pass and with many, on the real corpora and the example corpus.
@Suite struct BM25CacheSectionsTests {
    /// The sections as they were written, with passes of about `passSize` postings.
    static func referenceBytes(_ stats: CorpusStats, passSize: Int) throws -> [UInt8] {
        var file = CacheFileWriter(descriptor: nil, headerBytes: 0)
        let idf = BM25.idf(stats)
        try Double.write(idf, to: &file)
        try Double.write(BM25.norms(stats), to: &file)
        var start = [UInt64](repeating: 0, count: idf.count + 1)
        for term in stats.postTermIDs where idf[Int(term)] != 0 { start[Int(term) + 1] += 1 }
        for term in idf.indices { start[term + 1] += start[term] }
        let total = start.last ?? 0
        try UInt32.write(start.lazy.map { UInt32($0) }, to: &file)
        var passes: [Range<Int>] = []
        var first = 0
        for term in idf.indices where start[term + 1] - start[first] >= passSize || term == idf.count - 1 {
            passes.append(first..<(term + 1))
            first = term + 1
        }
        try file.section(count: Int(total)) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            for terms in passes { try file.append(BM25.postings(stats, scored: idf, terms: terms).1) }
        }
        try file.section(count: Int(total)) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            for terms in passes { try file.append(BM25.postings(stats, scored: idf, terms: terms).2) }
        }
        try file.finish(header: [])
        return file.memory
    }

    static func bytes(_ sections: BM25.CacheSections, of stats: CorpusStats) throws -> [UInt8] {
        var file = CacheFileWriter(descriptor: nil, headerBytes: 0)
        try BM25.write(sections, of: stats, to: &file)
        try file.finish(header: [])
        return file.memory
    }

    static func corpora() throws -> [CorpusStats] {
        let analyst = (CorpusDeterminismTests.fourTracks as NSString).deletingLastPathComponent + "/data-analyst-340.json"
        return [try FinishIndexTests.realStats(), try Corpus.load(paths: [analyst]).stats,
                CorpusStats.build(try ExampleCorpus.loaded())]
    }

    @Test func onePassWritesTheSectionsAsBefore() throws {
        for stats in try Self.corpora() {
            let sections = BM25.CacheSections(stats)
            #expect(sections.passes.count == 1 && sections.single != nil)
            #expect(try Self.bytes(sections, of: stats) == (try Self.referenceBytes(stats, passSize: BM25.postingsPerPass)))
        }
    }

    @Test func manyPassesWriteTheSectionsAsBeforeAndAsOne() throws {
        var random = FinishIndexTests.Random(state: 7)
        // Each pass reads every row: a few passes of the large corpus, more of the small ones.
        for (index, stats) in try Self.corpora().enumerated() {
            let one = BM25.CacheSections(stats)
            let whole = try Self.bytes(one, of: stats), total = Int(one.start.last ?? 0)
            #expect(total > 100)
            let sizes = index == 0 ? [total / 3] : [total / 10, total / 3] + (0..<3).map { _ in total / 20 + random.next(total / 2) }
            for passSize in sizes {
                let sections = BM25.CacheSections(stats, passSize: passSize)
                #expect(sections.passes.count > 1 && sections.single == nil, "pass size \(passSize)")
                let ours = try Self.bytes(sections, of: stats)
                #expect(try ours == Self.referenceBytes(stats, passSize: passSize), "pass size \(passSize)")
                #expect(ours == whole, "pass size \(passSize)")
            }
        }
    }
}
