import Testing
@testable import ProfileCorpus

/// `MemoKey` against `AnyHashable`, the key the memos used before, for the kind of keys they
/// hold: structs of one type per computation.
@Suite struct MemoKeyTests {
    private struct TermsKey: Hashable {
        var words: [String]
        var limit: Int
    }

    private struct TagsKey: Hashable {
        var words: [String]
        var limit: Int
    }

    private enum Scope: Hashable {
        case titles, all(Int)
    }

    private func randomWords(_ generator: inout some RandomNumberGenerator) -> [String] {
        (0..<Int.random(in: 0...3, using: &generator)).map { _ in ["a", "b", "sql", "é", ""].randomElement(using: &generator)! }
    }

    @Test func comparesAndHashesLikeAnyHashableForKeysOfOneType() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let left = TermsKey(words: randomWords(&generator), limit: Int.random(in: 0...2, using: &generator))
            let right = TermsKey(words: randomWords(&generator), limit: Int.random(in: 0...2, using: &generator))
            #expect((MemoKey(left) == MemoKey(right)) == (AnyHashable(left) == AnyHashable(right)))
            #expect(MemoKey(left).hashValue == AnyHashable(left).hashValue)
            #expect(MemoKey(left) == MemoKey(left))
        }
    }

    @Test func keysOfDifferentTypesDiffer() {
        let terms = TermsKey(words: ["sql"], limit: 3), tags = TagsKey(words: ["sql"], limit: 3)
        #expect(MemoKey(terms) != MemoKey(tags))
        #expect(AnyHashable(terms) != AnyHashable(tags))
        #expect(MemoKey(Scope.all(1)) == MemoKey(Scope.all(1)))
        #expect(MemoKey(Scope.all(1)) != MemoKey(Scope.all(2)))
        #expect(MemoKey(Scope.titles) != MemoKey(terms))
    }

    @Test func findsItsEntryInATable() {
        var table: [MemoKey: String] = [:]
        table[MemoKey(TermsKey(words: ["a"], limit: 1))] = "terms"
        table[MemoKey(TagsKey(words: ["a"], limit: 1))] = "tags"
        table[MemoKey(Scope.titles)] = "titles"
        #expect(table.count == 3)
        #expect(table[MemoKey(TermsKey(words: ["a"], limit: 1))] == "terms")
        #expect(table[MemoKey(TagsKey(words: ["a"], limit: 1))] == "tags")
        #expect(table[MemoKey(TermsKey(words: ["a"], limit: 2))] == nil)
        #expect(table[MemoKey(Scope.titles)] == "titles")
    }
}
