import Testing
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules
@testable import ProfileText

/// A user's pattern that backtracks catastrophically stops at ICU's time limit with an
/// error located at the value and naming the rule, instead of running for minutes.
@Suite struct PatternTimeLimitTests {
    @Test func catastrophicBacktrackingStopsWithALocatedError() throws {
        let title = String(repeating: "a", count: 160) + "!"
        let linted = try KindHarness.lint("kind: pattern\nfield: title\npattern: \"(a+)+$\"", "title: \(title)\n")
        #expect(linted.diagnostics.count == 1)
        let diagnostic = try #require(linted.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("rule 'test-rule' failed: its pattern ran past the regular-expression time limit"))
        #expect(linted.location() == "1:8-1:169")
    }

    @Test func matchesAreUTF8Ranges() throws {
        let pattern = try UserPattern("b+", caseInsensitive: true)
        #expect(try pattern.matches(in: "é B bb") == [3..<4, 5..<7])
        // ICU places an unclosed bracket at the end of the pattern.
        #expect(throws: UserPattern.Problem.invalid("U_REGEX_MISSING_CLOSE_BRACKET", offset: 4)) { try UserPattern("ab[c") }
    }

    /// The pattern is compiled once and shared: copies and concurrent matches all see it.
    @Test func oneCompiledPatternMatchesOnManyThreadsAtOnce() async throws {
        let pattern = try UserPattern("\\p{Lu}{2,}")
        let texts = ["AB c DEF", "no capitals", "ÉCOLE und XY", String(repeating: "QQ q ", count: 50)]
        let expected = try texts.map { try pattern.matches(in: $0) }
        #expect(expected[0] == [0..<2, 5..<8] && expected[1].isEmpty && expected[3].count == 50)
        let agreed = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                let copy = pattern
                group.addTask {
                    (0..<200).allSatisfy { index in
                        let text = (index + task) % texts.count
                        return (try? copy.matches(in: texts[text])) == expected[text]
                    }
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(agreed)
    }
}
