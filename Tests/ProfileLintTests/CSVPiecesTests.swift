import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint

/// A CSV input read in pieces on several threads, and a table read without its unused columns,
/// must give what one pass over every column gives.
@Suite struct CSVPiecesTests {
    /// Random CSV text: quoted fields with escaped quotes and line breaks, stray quotes, text
    /// after closing quotes, all three line endings, blank lines, sometimes an unclosed quote.
    static func randomCSV(_ generator: inout RandomCorpus.Generator) -> [UInt8] {
        let pieces = ["a", "bc", "é", ",", ",", "\n", "\n", "\r\n", "\r", " ", "\"q\"", "\"x,\ny\"", "\"a\"\"b\"",
                      "5\" screen", "\"t\"after", "\"\"", "\n\n", "\"open"]
        let text = (0..<Int.random(in: 0...80, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        return Array(("h1,h2,h3\n" + text).utf8)
    }

    @Test func piecesOnSeveralThreadsGiveTheRecordsOfOnePass() {
        var generator = RandomCorpus.Generator(state: 41)
        var split = 0
        for _ in 0..<3_000 {
            let bytes = Self.randomCSV(&generator)
            let whole = CSVReader().records(bytes)
            for workers in [2, 3, 7] {
                let pieces = CSVReader().records(bytes, workers: workers, piecesFrom: 1)
                #expect(pieces.records == whole.records, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                #expect(pieces.problems == whole.problems, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
            split += CSVPieces.split(bytes, 9..<bytes.count, count: 3).count > 1 ? 1 : 0
        }
        #expect(split > 1_000, "most inputs were cut into pieces")
    }

    @Test func cutsFallAfterLineFeedsOutsideQuotes() {
        let bytes = Array("h\n\"a\nb\"\nc\nd\n\"e\nf\"\ng\n".utf8)
        let pieces = CSVPieces.split(bytes, 2..<bytes.count, count: 4)
        #expect(pieces.first?.lowerBound == 2 && pieces.last?.upperBound == bytes.count)
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        for piece in pieces.dropFirst() {
            #expect(bytes[piece.lowerBound - 1] == 0x0A)
            #expect(bytes[2..<piece.lowerBound].filter { $0 == UInt8(ascii: "\"") }.count % 2 == 0)
        }
    }

    @Test func unreadFieldsAreLeftEmptyAndTheRestKept() {
        var generator = RandomCorpus.Generator(state: 5)
        for _ in 0..<500 {
            let bytes = Self.randomCSV(&generator)
            let whole = CSVReader().records(bytes)
            let kept = CSVReader().records(bytes, workers: 2, keeping: { _ in [true, false, true] }, piecesFrom: 1)
            #expect(kept.problems == whole.problems)
            #expect(kept.records.map(\.line) == whole.records.map(\.line))
            for (position, (record, full)) in zip(kept.records, whole.records).enumerated() {
                let expected = position == 0 ? full.fields
                    : full.fields.enumerated().map { [0, 2].contains($0.offset) ? $0.element : "" }
                #expect(record.fields == expected)
            }
        }
    }

    /// The real corpus read on two threads without its unused columns maps to the same posts as
    /// every column read in one pass.
    @Test func realCorpusPostsAreThoseOfEveryColumnReadInOnePass() throws {
        let path = CorpusDeterminismTests.fourTracks
        let file = CorpusFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let mapper = try PostFieldMapper()
        var issues: [CorpusIssue] = []
        let raws = TablePostReader.posts(file, delimiter: UInt8(ascii: ","), mapper: mapper, workers: 2, issues: &issues)
        let (records, problems) = CSVReader().records(file.bytes)
        let keys = records[0].fields.map(\.trimmingSpaces)
        let full = records.dropFirst().map { record in
            RawPost(fields: zip(keys, record.fields).map { ($0, RawValue.text($1)) }, location: PostLocation(path: path, line: record.line))
        }
        #expect(problems.isEmpty && issues.isEmpty)
        #expect(raws.count == full.count && raws.count > 2_000)
        #expect(raws.contains { $0.fields.contains { $0.value == .null } }, "some columns were left unread")
        let columns = FieldColumns(of: raws, mapper: mapper)
        for (raw, every) in zip(raws, full) {
            let mapped = mapper.post(from: raw, columns: columns), expected = mapper.post(from: every, columns: columns)
            #expect(mapped.post == expected.post && mapped.issues == expected.issues && raw.location == every.location)
        }
    }
}
