import Foundation
import Testing
@testable import ProfileCorpus

/// Corpus files that are not UTF-8 are decoded from what they are, with one located warning,
/// never turned into replacement characters without a word.
@Suite struct TextEncodingTests {
    /// Writes `bytes` as one file of a temporary corpus and loads it.
    static func load(_ name: String, _ bytes: [UInt8]) throws -> LoadedPosts {
        let corpus = try TemporaryCorpus([:])
        defer { corpus.remove() }
        try FileManager.default.createDirectory(at: corpus.url, withIntermediateDirectories: true)
        try Data(bytes).write(to: corpus.url.appendingPathComponent(name))
        return try corpus.load()
    }

    /// "title,skills\r\n" then one row per title, in Windows-1252 (no character here is undefined in it).
    static func windows1252(_ titles: [String]) -> [UInt8] {
        let table: [Character: UInt8] = ["é": 0xE9, "–": 0x96, "“": 0x93, "”": 0x94, "€": 0x80, "ü": 0xFC]
        return Array("title,skills\r\n".utf8) + titles.flatMap { title in
            title.map { table[$0] ?? $0.asciiValue! } + Array(",SQL\r\n".utf8)
        }
    }

    @Test func windows1252IsDecodedWithOneLocatedWarning() throws {
        let loaded = try Self.load("win.csv", [0xEF, 0xBB, 0xBF] + Self.windows1252(["Café dashboards – “pro”", "Menü report for €40"]))
        #expect(loaded.posts.map(\.title) == ["Café dashboards – “pro”", "Menü report for €40"])
        #expect(loaded.issues.map(\.message).filter { $0.contains("UTF-8") }.count == 1)
        let issue = try #require(loaded.issues.first { $0.message.contains("UTF-8") })
        #expect(issue.location.line == 2 && issue.location.column == 4)
        #expect(issue.message.hasPrefix("not UTF-8 (byte 0xE9 here); read as Windows-1252"))
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let text = "title\tskills\nCafé – reports\tSQL\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for bytes in [little, big] {
            let loaded = try Self.load("u.tsv", bytes)
            #expect(loaded.posts.map(\.title) == ["Café – reports"])
            #expect(loaded.issues.isEmpty, "\(loaded.issues.map(\.message))")
        }
    }

    @Test func bytesNoEncodingHereExplainsAreReportedNotHidden() throws {
        // 0x81 has no character in Windows-1252 either.
        let loaded = try Self.load("odd.csv", Array("title,skills\nA\u{1}".utf8).dropLast() + [0x81] + Array(" job,SQL\n".utf8))
        #expect(loaded.posts.count == 1)
        #expect(loaded.issues.contains { $0.message.contains("nor Windows-1252 (byte 0x81 has no character)") })
    }

    @Test func validUTF8IsLeftAsItIs() {
        let bytes = Array("title\nCafé – 𝔸 ok\n".utf8)
        #expect(TextEncoding.firstInvalidUTF8(bytes) == nil)
        let (file, issue) = TextEncoding.utf8(CorpusFile(path: "a.csv", bytes: bytes))
        #expect(file.bytes == bytes && issue == nil)
    }

    /// The ASCII runs skipped eight bytes at a time against Swift's own UTF-8 parser: random
    /// texts of ASCII runs, valid multi-byte characters and stray bytes, the first error alike.
    @Test func firstInvalidByteMatchesSwiftsUTF8Parser() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("é".utf8), Array("€".utf8), Array("𝔸".utf8), [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                bytes += (0..<Int.random(in: 0...30, using: &generator)).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
                if Int.random(in: 0..<4, using: &generator) > 0 { bytes += pieces.randomElement(using: &generator)! }
            }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            var expected: Int?
            parsing: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .error: expected = offset; break parsing
                case .emptyInput: break parsing
                }
            }
            #expect(TextEncoding.firstInvalidUTF8(bytes) == expected, "\(bytes)")
        }
    }

    @Test func invalidUTF8SequencesAreFound() {
        #expect(TextEncoding.firstInvalidUTF8([0x41, 0xC0, 0x80]) == 1)          // overlong
        #expect(TextEncoding.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)          // surrogate
        #expect(TextEncoding.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)    // past U+10FFFF
        #expect(TextEncoding.firstInvalidUTF8([0x41, 0x42, 0xE2, 0x82]) == 2)    // cut short
        #expect(TextEncoding.firstInvalidUTF8([0xE2, 0x82, 0xAC]) == nil)        // €
    }
}
