import Foundation
import Testing
@testable import ProfileText

@Suite struct HyphenatorTests {
    private func tiny() throws -> Hyphenator {
        try Hyphenator(contentsOf: TestData.local("oracles/tiny-hyphenation.dic").path)
    }

    @Test func appliesPatternsWithEdgeMinimums() throws {
        let hyphenator = try tiny()
        #expect(hyphenator.points(in: "banana") == [2, 4])
        #expect(hyphenator.points(in: "BANANA") == [2, 4])
        #expect(hyphenator.points(in: "banana", leftMin: 1, rightMin: 1) == [2, 4])
        #expect(hyphenator.points(in: "banana", leftMin: 3, rightMin: 3) == [])
        #expect(hyphenator.syllableCount("banana") == 3)
    }

    @Test func higherEvenValuesForbidAHyphen() throws {
        // `2nb` outweighs `a1n` between n and b.
        #expect(try tiny().points(in: "banban") == [3])
    }

    @Test func wordStartPatternsAndHexEscapes() throws {
        let hyphenator = try tiny()
        #expect(hyphenator.points(in: "exam") == [2])
        #expect(hyphenator.points(in: "ééba") == [2])
        #expect(hyphenator.points(in: "") == [])
    }

    @Test func reportsUnusableFiles() throws {
        let missing = "/nonexistent/hyph.dic"
        #expect(throws: Hyphenator.LoadError.self) { try Hyphenator(contentsOf: missing) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hyph-\(UUID().uuidString).dic")
        try Data("KOI8-R\n1ba\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Hyphenator(contentsOf: url.path)
            Issue.record("an unsupported encoding must be reported")
        } catch {
            #expect(error.line == 1)
            #expect(error.description.contains("unsupported encoding 'KOI8-R'"))
        }
    }
}
