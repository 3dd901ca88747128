import Foundation
import PropertyBased
import Testing
@testable import ProfileText

/// `TextAnalyzer.analyze(_:)` takes its words' forms from the process's table
/// (`SharedWordForms`); an analyzer of its own (its own table) is the oracle.
@Suite struct SharedWordFormsTests {
    @Test func sharedFormsEqualFreshOnesOnRandomText() async {
        await propertyCheck(count: 3_000, input: WordSegmenterTests.texts) { text in
            var own = TextAnalyzer()
            #expect(TextAnalyzer.analyze(text).terms == own.analyze(text).terms, "\(text.debugDescription)")
        }
    }

    /// Both real corpora, line by line (so that words recur across texts as in a lint), from
    /// several threads at once.
    @Test(arguments: ["jobs/four-tracks-2400.csv", "jobs/data-analyst-340.json"])
    func sharedFormsEqualFreshOnesOnTheCorpora(path: String) async throws {
        let text = try String(contentsOf: TestData.shared(path), encoding: .utf8)
        let lines = text.split(separator: "\n").prefix(4_000).map(String.init)
        #expect(lines.count > 300)
        let differing = await withTaskGroup(of: Int.self) { group in
            for part in 0..<4 {
                group.addTask {
                    var own = TextAnalyzer()
                    return stride(from: part, to: lines.count, by: 4).filter {
                        TextAnalyzer.analyze(lines[$0]).terms != own.analyze(lines[$0]).terms
                    }.count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(differing == 0)
    }

    @Test func aFullStripeIsClearedAndStillAnswers() {
        let table = SharedWordForms(stripes: 1, stripeLimit: 3)
        let words = ["Résumés", "writing", "C#", "Node.js", "2024", "résumés", "Writing"]
        for _ in 0..<2 {
            for word in words {
                #expect(table.forms(of: word) == TextAnalyzer.forms(of: word))
                #expect(table.count <= 3)
            }
        }
        #expect(table.count > 0)
    }
}

@Suite struct LockedMemoTests {
    @Test func computesEachKeyOnceUntilFull() {
        let memo = LockedMemo<Int, Int>(limit: 3)
        var calls = 0
        for key in [1, 2, 1, 3, 2] { #expect(memo.value(for: key) { calls += 1; return $0 * 10 } == key * 10) }
        #expect(calls == 3 && memo.count == 3)
        #expect(memo.value(for: 4) { calls += 1; return $0 * 10 } == 40)
        #expect(calls == 4 && memo.count == 1)  // full: cleared, then the new key kept
        #expect(memo.value(for: 1) { calls += 1; return $0 * 10 } == 10)
        #expect(calls == 5)
    }

    /// The memoized canonical names equal fresh lookups, asked from several threads at once.
    @Test func canonicalNamesAreTheSameFromManyThreads() async throws {
        let groups = try SkillAliasKeyOracleTests.shippedGroups()
        let shared = try SkillAliases(groups)
        let tags = groups.flatMap { [$0.canonical] + $0.aliases } + ["unknown", " React.js ", "go", "Go", "C#", "c++"]
        let differing = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let fresh = try! SkillAliases(groups)
                    return tags.shuffled().filter { shared.canonical(for: $0) != fresh.canonical(for: $0) }.count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(differing == 0)
    }
}
