import CICU
import Testing
@testable import ProfileText

/// The CICU regular-expression shim (`plicu_regex_*`) and `ICUExpression` over it: UTF-8
/// offsets, capture groups, searching from an offset, flags, errors and the time limit.
@Suite struct ICUExpressionTests {
    /// Compiles `pattern` with the shim directly (nil with the error name when it does not compile).
    static func compiled(_ pattern: String, flags: Int32 = 0) -> (OpaquePointer?, String, Int32) {
        var name = [UInt8](repeating: 0, count: 64)
        var offset: Int32 = -1
        let bytes = Array(pattern.utf8)
        let regex = plicu_regex_compile(bytes, Int32(bytes.count), flags, &name, Int32(name.count), &offset)
        return (regex, String(decoding: name.prefix { $0 != 0 }, as: UTF8.self), offset)
    }

    /// `plicu_regex_find` on `text`: its return value and the bounds it wrote.
    static func find(_ regex: OpaquePointer, _ text: String, from: Int32 = 0, groups: Int32, capacity: Int32 = 8) -> (Int32, [Int32]) {
        let bytes = Array(text.utf8)
        var bounds = [Int32](repeating: 99, count: Int(capacity) * 2 * Int(groups + 1))
        let count = plicu_regex_find(regex, 0, bytes, Int32(bytes.count), from, groups, &bounds, capacity)
        return (count, bounds)
    }

    @Test func theShimWritesEachGroupsBoundsAndMinusOneForAGroupNotTaken() throws {
        let (compiled, _, _) = Self.compiled(#"(\d+)(%)?|(x)"#)
        let regex = try #require(compiled)
        defer { plicu_regex_close(regex) }
        #expect(plicu_regex_group_count(regex) == 3)
        // "é" is two bytes, so "12" starts at byte 3; the second match takes no `%`.
        let (count, bounds) = Self.find(regex, "é 12% x 7", groups: 3, capacity: 3)
        #expect(count == 3)
        #expect(Array(bounds[0..<8]) == [3, 6, 3, 5, 5, 6, -1, -1])
        #expect(Array(bounds[8..<16]) == [7, 8, -1, -1, -1, -1, 7, 8])
        #expect(Array(bounds[16..<24]) == [9, 10, 9, 10, -1, -1, -1, -1])
    }

    @Test func theShimCountsMatchesBeyondItsCapacityAndWritesOnlyTheFirst() throws {
        let regex = try #require(Self.compiled("a").0)
        defer { plicu_regex_close(regex) }
        let (count, bounds) = Self.find(regex, "aaaa", groups: 0, capacity: 2)
        #expect(count == 4)
        #expect(bounds == [0, 1, 1, 2])
    }

    @Test func theShimSearchesFromAnOffsetAndLooksBehindIt() throws {
        let regex = try #require(Self.compiled(#"(?<=a)b|\bc"#).0)
        defer { plicu_regex_close(regex) }
        // From byte 1 the `b` still sees the `a` before it; the `c` at 4 follows a letter, so no `\b`.
        #expect(Self.find(regex, "abxbc c", from: 1, groups: 0).0 == 2)
        #expect(Array(Self.find(regex, "abxbc c", from: 1, groups: 0).1[0..<4]) == [1, 2, 6, 7])
        #expect(Self.find(regex, "abxbc c", from: 2, groups: 0).0 == 1)
        #expect(Self.find(regex, "ab", from: 2, groups: 0).0 == 0)
    }

    @Test func theShimRejectsBadArguments() throws {
        let regex = try #require(Self.compiled("(a)").0)
        defer { plicu_regex_close(regex) }
        #expect(Self.find(regex, "ab", from: 3, groups: 0).0 == Int32(PLICU_REGEX_FAILED))
        #expect(Self.find(regex, "ab", from: -1, groups: 0).0 == Int32(PLICU_REGEX_FAILED))
        #expect(Self.find(regex, "ab", groups: 2).0 == Int32(PLICU_REGEX_FAILED))
        #expect(Self.compiled("a", flags: 4).0 == nil)
        #expect(Self.compiled("a", flags: 4).1 == "U_ILLEGAL_ARGUMENT_ERROR")
    }

    @Test func theShimReportsWhereAPatternFailsToCompile() {
        let (regex, name, offset) = Self.compiled("ab(c")
        #expect(regex == nil)
        #expect(name == "U_REGEX_MISMATCHED_PAREN")
        #expect(offset == 4)
    }

    @Test func caseInsensitiveIsAFlag() throws {
        #expect(try ICUExpression("and").matches(in: Array("AND and".utf8)) == [4..<7])
        #expect(try ICUExpression("and", caseInsensitive: true).matches(in: Array("AND and".utf8)) == [0..<3, 4..<7])
    }

    @Test func findGivesGroupsInUTF8OffsetsAcrossAstralAndCombiningCharacters() throws {
        // "😀" is four bytes, "é" as e + U+0301 three; `\w` takes the combining mark.
        let text = "😀 e\u{301}x 42"
        let found = try ICUExpression(#"(\w+)|(\d)(\d)"#).find(in: Array(text.utf8), groups: 3)
        #expect(found.map(\.groups) == [[5..<9, 5..<9, nil, nil], [10..<12, 10..<12, nil, nil]])
        let digits = try ICUExpression(#"(\d)(\d)"#).find(in: Array(text.utf8), from: 9, groups: 2)
        #expect(digits == [ICUExpression.Match(groups: [10..<12, 10..<11, 11..<12])])
    }

    @Test func manyMatchesAreAllReturned() throws {
        let text = String(repeating: "ab ", count: 1_000)
        #expect(try ICUExpression("b").matches(in: Array(text.utf8)).count == 1_000)
    }

    @Test func errorsAreProblems() throws {
        #expect(throws: ICUExpression.Problem.invalid("U_REGEX_MISSING_CLOSE_BRACKET", offset: 4)) {
            try ICUExpression("ab[c").compile()
        }
        #expect(throws: ICUExpression.Problem.failed) { try ICUExpression("a").find(in: Array("a".utf8), from: 2, groups: 0) }
        // The time limit: PatternTimeLimitTests (through a rule, located).
    }

    @Test func sharedExpressionsAreOnePerPatternAndCase() {
        #expect(ICUExpression.shared("x(y)") === ICUExpression.shared("x(y)"))
        #expect(ICUExpression.shared("x(y)") !== ICUExpression.shared("x(y)", caseInsensitive: true))
        #expect(ICUExpression.shared("x(y)") !== ICUExpression.shared("x(z)"))
    }

    /// An escaped literal matches exactly itself, however many of ICU's operators it holds.
    @Test func anEscapedLiteralMatchesItself() throws {
        let literals = ["c++", "a.b", "x|y", "(hi)", "[z]", "{2}", "^a$", #"back\slash"#, "a/b", "what?", "s*", "line id", "é.ü"]
        for literal in literals {
            let text = "<" + literal + "> " + literal
            let expected = [1..<(1 + literal.utf8.count), (literal.utf8.count + 3)..<(2 * literal.utf8.count + 3)]
            #expect(try ICUExpression(ICUExpression.escaped(literal)).matches(in: Array(text.utf8)) == expected, "\(literal)")
        }
    }
}
