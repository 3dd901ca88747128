import Foundation
import Testing
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Inputs that took quadratic time (a walk from the line start per position, a note per
/// repetition): sizes here would take seconds or minutes if any of that came back. Each test
/// checks the result; the suite's total time is what would show a regression.
@Suite struct LongLineTests {
    /// Positions on a long line with 1- to 4-byte characters agree with a walk from the line start.
    @Test func columnsOnALongLineMatchAWalkFromTheLineStart() {
        let line = String(repeating: "ab é中😀 ", count: 2_000)
        let file = SourceFile(path: "p.yaml", text: "x: 1\r\n" + line + "\nlast\n")
        let start = file.lineStarts[1]
        var scalars = 0, utf16 = 0, offset = start
        for scalar in line.unicodeScalars {
            if scalars % 97 == 0 {
                for (unit, expected) in [(ColumnUnit.scalars, scalars), (.utf16, utf16), (.utf8, offset - start)] {
                    #expect(file.position(ofByte: offset, unit: unit) == SourcePosition(line: 2, column: expected + 1))
                    #expect(file.byteOffset(line: 2, column: expected + 1, unit: unit) == offset)
                }
            }
            scalars += 1
            utf16 += scalar.utf16.count
            offset += scalar.utf8.count
        }
        let end = file.lineContentRange(1).upperBound
        #expect(file.byteOffset(line: 2, column: scalars + 50, unit: .scalars) == end)
        #expect(file.byteOffset(line: 2, column: Int.max / 2, unit: .utf16) == end)
        #expect(file.position(ofByte: end, unit: .utf16) == SourcePosition(line: 2, column: utf16 + 1))
    }

    /// 100,001 flow-list items on one line (689 KB): the value limit, located, in linear time.
    @Test func aHugeOneLineFlowListMeetsTheValueLimit() {
        let text = "skills: [" + Array(repeating: "SQL", count: 100_001).joined(separator: ", ") + "]\n"
        let outcome = ProfileLoader.load(SourceFile(path: "p.yaml", text: text))
        #expect(outcome.profile == nil)
        #expect(outcome.diagnostics.first?.message == "the document holds more than 100000 values")
    }

    /// 8,000 keys of a flow map on one line: every key is located exactly.
    @Test func aWideOneLineFlowMapIsLocatedExactly() throws {
        let keys = (0..<8_000).map { "k\($0)é: v" }
        let text = "links: {" + keys.joined(separator: ", ") + "}\n"
        let node = try #require(try DocumentLoader.load(SourceFile(path: "p.yaml", text: text), format: .yaml))
        let entries = try #require(node["links"]?.map)
        #expect(entries.count == 8_000)
        let last = try #require(entries.last)
        let expected = text.utf8.count - "k7999é: v}\n".utf8.count
        #expect(last.keyRange.lowerBound == expected)
    }

    /// A 112 KB overview of one repeated word: one finding, its notes bounded with a count of the rest.
    @Test func keywordStuffingNotesAreBounded() throws {
        let overview = Array(repeating: "analytics", count: 11_200).joined(separator: " ")
        let linted = try KindHarness.lint("kind: repetition\nfield: overview", "overview: \(overview)\n")
        #expect(linted.diagnostics.count == 1)
        let notes = try #require(linted.diagnostics.first?.notes)
        #expect(notes.count == FindingLimits.maximumNotes + 1)
        #expect(notes.last?.message == "11179 more notes like these not shown")
    }

    /// Thousands of findings of one rule: the first hundred, the last kept saying how many more.
    @Test func findingsPerRuleAreBounded() throws {
        let skills = (0..<3_000).map { "Skill\($0 % 2)" }.joined(separator: ", ")
        let linted = try KindHarness.lint("kind: unique\nfield: skills", "skills: [\(skills)]\n")
        #expect(linted.diagnostics.count == FindingLimits.maximumFindings)
        #expect(linted.diagnostics.last?.notes.last?.message == "2898 more findings of this rule not shown")
    }
}
