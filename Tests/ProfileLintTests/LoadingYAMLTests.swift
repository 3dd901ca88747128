import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Ranges and span maps of YAML scalars in every style, and of collections.
@Suite struct LoadingYAMLTests {
    typealias Support = LoadingTestSupport

    @Test func plainScalarsSingleAndMultiLine() throws {
        let text = "title: Video SEO Strategist   # headline\noverview: first line\n  second  line\n\n  third\nnext: x\n"
        let (file, document) = try Support.document(text)
        let root = try #require(document.root)
        let title = try #require(root["title"])
        #expect(file.text(title.range) == "Video SEO Strategist")
        #expect(file.start(title.range) == "1:8")
        #expect(file.end(title.range) == "1:28")
        let overview = try #require(root["overview"]?.scalar)
        #expect(overview.text == "first line second  line\nthird")
        #expect(file.text(overview.spans.whole) == "first line\n  second  line\n\n  third")
        // "second" maps to line 3, column 3.
        let second = try #require(overview.text.utf8Range(of: "second"))
        #expect(file.start(overview.spans.sourceRange(second)) == "3:3")
        #expect(file.text(overview.spans.sourceRange(second)) == "second")
        let third = try #require(overview.text.utf8Range(of: "third"))
        #expect(file.start(overview.spans.sourceRange(third)) == "5:3")
    }

    @Test func quotedScalarsWithAndWithoutEscapes() throws {
        let text = "a: 'it''s here'\nb: \"tab\\there and \\u00e9 done\"\nc: \"plain words\"\nd: \"folded\n  onto two\"\n"
        let (file, document) = try Support.document(text)
        let root = try #require(document.root)
        let a = try #require(root["a"]?.scalar)
        #expect(a.text == "it's here")
        #expect(file.text(a.spans.whole) == "'it''s here'")
        let here = try #require(a.text.utf8Range(of: "here"))
        #expect(file.text(a.spans.sourceRange(here)) == "here")
        #expect(file.start(a.spans.sourceRange(here)) == "1:11")
        let b = try #require(root["b"]?.scalar)
        #expect(b.text == "tab\there and é done")
        #expect(file.text(b.spans.whole) == "\"tab\\there and \\u00e9 done\"")
        let done = try #require(b.text.utf8Range(of: "done"))
        #expect(file.text(b.spans.sourceRange(done)) == "done")
        // A range across an escape falls back to the whole scalar.
        let across = try #require(b.text.utf8Range(of: "tab\there"))
        #expect(b.spans.sourceRange(across) == b.spans.whole || file.text(b.spans.sourceRange(across)) == "tab\\there")
        let c = try #require(root["c"]?.scalar)
        #expect(file.text(c.spans.contentRange) == "plain words")
        let d = try #require(root["d"]?.scalar)
        #expect(d.text == "folded onto two")
        #expect(file.end(d.spans.whole) == "5:12")
        let onto = try #require(d.text.utf8Range(of: "onto"))
        #expect(file.start(d.spans.sourceRange(onto)) == "5:3")
    }

    @Test func literalBlockScalarMapsEachLine() throws {
        let text = "overview: |\n  I build dashboards.\n    Indented detail.\n\n  Last line here.\nskills: [SQL]\n"
        let (file, document) = try Support.document(text)
        let overview = try #require(document.root?["overview"]?.scalar)
        #expect(overview.text == "I build dashboards.\n  Indented detail.\n\nLast line here.\n")
        #expect(file.start(overview.spans.whole) == "1:11")
        #expect(file.end(overview.spans.whole) == "5:18")
        let detail = try #require(overview.text.utf8Range(of: "detail"))
        #expect(file.start(overview.spans.sourceRange(detail)) == "3:14")
        let last = try #require(overview.text.utf8Range(of: "Last"))
        #expect(file.start(overview.spans.sourceRange(last)) == "5:3")
        #expect(overview.spans.segments.count == 3)
    }

    @Test func foldedBlockScalarsWithIndicators() throws {
        let text = "- >-\n  one\n  two\n\n  three\n- |2\n    kept indent\n- >+\n  keep\n\n"
        let (file, document) = try Support.document(text)
        let items = try #require(document.root?.list)
        let folded = try #require(items[0].scalar)
        #expect(folded.text == "one two\nthree")
        #expect(file.text(folded.spans.whole) == ">-\n  one\n  two\n\n  three")
        let two = try #require(folded.text.utf8Range(of: "two"))
        #expect(file.start(folded.spans.sourceRange(two)) == "3:3")
        let explicit = try #require(items[1].scalar)
        #expect(explicit.text == "  kept indent\n")
        let kept = try #require(explicit.text.utf8Range(of: "kept"))
        #expect(file.start(explicit.spans.sourceRange(kept)) == "7:5")
        let keep = try #require(items[2].scalar)
        #expect(keep.text == "keep\n\n")
        #expect(file.end(keep.spans.whole) == "9:7")
    }

    @Test func collectionsEndAtLastChildOrClosingBracket() throws {
        let text = "skills: [SQL, 'Power BI' ,  Tableau ]  # tags\nrate: {amount: 85, currency: USD}\nportfolio:\n  - title: A\n    url: x.com\n"
        let (file, document) = try Support.document(text)
        let root = try #require(document.root)
        let skills = try #require(root["skills"])
        #expect(file.text(skills.range) == "[SQL, 'Power BI' ,  Tableau ]")
        #expect(skills.list?.map { file.text($0.range) } == ["SQL", "'Power BI'", "Tableau"])
        let rate = try #require(root["rate"])
        #expect(file.text(rate.range) == "{amount: 85, currency: USD}")
        #expect(rate["amount"]?.scalar?.type == .integer)
        let portfolio = try #require(root["portfolio"])
        #expect(file.start(portfolio.range) == "4:3")
        #expect(file.end(portfolio.range) == "5:15")
        let entry = try #require(root.entry("portfolio"))
        #expect(file.text(entry.keyRange) == "portfolio")
        #expect(file.text(root.range) == String(text.dropLast()))
    }

    @Test func anchorsTagsAndEmptyValues() throws {
        let text = "a: &name Ann\nb: *name\nc: !!str 85\nd:\ne: [x, y]\n"
        let (file, document) = try Support.document(text)
        let root = try #require(document.root)
        #expect(file.text(try #require(root["a"]).range) == "Ann")
        // An alias points at the anchored text.
        #expect(file.text(try #require(root["b"]).range) == "Ann")
        let c = try #require(root["c"]?.scalar)
        #expect(c.type == .string)
        #expect(file.text(c.spans.whole) == "85")
        let d = try #require(root["d"])
        #expect(d.scalar?.type == .null)
        #expect(d.range.isEmpty)
        #expect(file.start(d.range) == "4:3")
    }

    @Test func scalarTypes() throws {
        let (_, document) = try Support.document("i: 85\nf: 85.5\nb: yes\nn: ~\ns: '85'\nt: 2024-01-31\n")
        let root = try #require(document.root)
        #expect(root["i"]?.scalar?.type == .integer)
        #expect(root["f"]?.scalar?.type == .float)
        #expect(root["b"]?.scalar?.type == .boolean)
        #expect(root["n"]?.scalar?.type == .null)
        #expect(root["s"]?.scalar?.type == .string)
        #expect(root["t"]?.scalar?.type == .string)
    }

    /// A tagged scalar (quoted ones are `!!str`) takes its tag's type, as libyaml's resolver gives it.
    @Test func taggedAndQuotedScalarsTakeTheirTagsType() throws {
        let (_, document) = try Support.document("a: \"12\"\nb: !!int \"12\"\nc: 'yes'\nd: !!bool \"true\"\ne: !!float '1.5'\nf: !!null ''\ng: !!str 12\nh: \"~\"\n")
        let root = try #require(document.root)
        let types = ["a", "b", "c", "d", "e", "f", "g", "h"].map { root[$0]?.scalar?.type }
        #expect(types == [.string, .integer, .string, .boolean, .float, .null, .string, .string])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndingsAndTabsDoNotShiftColumns(newline: String) throws {
        let text = "title:\tTab Value\(newline)skills:\(newline)  - \"é😀 SQL\"\(newline)overview: |\(newline)  line one\(newline)  line two\(newline)"
        let (file, document) = try Support.document(text)
        let root = try #require(document.root)
        let title = try #require(root["title"])
        #expect(file.start(title.range) == "1:8")
        #expect(file.text(title.range) == "Tab Value")
        let skill = try #require(root["skills"]?.list?.first?.scalar)
        #expect(file.start(skill.spans.whole) == "3:5")
        let sql = try #require(skill.text.utf8Range(of: "SQL"))
        #expect(file.start(skill.spans.sourceRange(sql)) == "3:9")
        let overview = try #require(root["overview"]?.scalar)
        #expect(overview.text == "line one\nline two\n")
        let two = try #require(overview.text.utf8Range(of: "two"))
        #expect(file.start(overview.spans.sourceRange(two)) == "6:8")
        #expect(file.text(overview.spans.sourceRange(two)) == "two")
    }

    @Test func unicodeLineSeparatorsInsideQuotedText() throws {
        // libyaml breaks lines at U+2028 too; SourceFile does not. Marks still map.
        let text = "a: \"x\u{2028}y\"\nb: after\n"
        let (file, document) = try Support.document(text)
        let b = try #require(document.root?["b"])
        #expect(file.text(b.range) == "after")
        #expect(file.start(b.range) == "2:4")
        let a = try #require(document.root?["a"]?.scalar)
        #expect(a.text == "x\u{2028}y")
        #expect(file.text(a.spans.whole) == "\"x\u{2028}y\"")
        let y = try #require(a.text.utf8Range(of: "y"))
        #expect(file.text(a.spans.sourceRange(y)) == "y")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let file = SourceFile(path: "p.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("title: Hi\nskills: [A]\n".utf8))
        let root = try #require(try DocumentLoader.read(file, format: .yaml).root)
        let title = try #require(root["title"])
        #expect(file.text(title.range) == "Hi")
        #expect(file.start(title.range) == "1:8")
        #expect(file.text(try #require(root.entry("title")).keyRange) == "title")
        #expect(file.hasByteOrderMark)
    }
}

extension String {
    /// The UTF-8 offsets of the first occurrence of `needle`.
    func utf8Range(of needle: String) -> Range<Int>? {
        guard let range = range(of: needle) else { return nil }
        return utf8.distance(from: startIndex, to: range.lowerBound)..<utf8.distance(from: startIndex, to: range.upperBound)
    }
}

/// Numbers in the forms YAML 1.1 resolves, and the stack guard of the YAML parser.
@Suite struct LoadingYAMLNumberAndStackTests {
    @Test func yamlNumberForms() throws {
        let (_, document) = try LoadingTestSupport.document("a: 1_000\nb: 0x1F\nc: -0b101\nd: .inf\ne: 85.5\nf: +12\ng: 0o17\n")
        let root = try #require(document.root)
        #expect(root["a"]?.scalar?.number == 1000)
        #expect(root["b"]?.scalar?.number == 31)
        #expect(root["c"]?.scalar?.number == -5)
        #expect(root["d"]?.scalar?.number == .infinity)
        #expect(root["e"]?.scalar?.number == 85.5)
        #expect(root["f"]?.scalar?.number == 12)
        #expect(root["g"]?.scalar?.number == 15)
        #expect(root["a"]?.scalar?.type == .integer)
    }

    /// Yams recurses once per level up to libyaml's 1,000: on a 256 KiB stack that
    /// overflowed before the loader moved parsing to its own large-stack thread.
    @Test func nineHundredNinetyNineLevelsFromASmallStack() {
        let text = "a: " + String(repeating: "[", count: 999) + String(repeating: "]", count: 999) + "\n"
        let result = ResultHolder()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let (file, error) = LoadingTestSupport.loadError(text)
            result.value = error.map { "\(file.start($0.range)) \($0.message)" }
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        #expect(result.value == "1:67 lists and maps nest deeper than 64 levels")
    }
}

private final class ResultHolder: @unchecked Sendable {
    var value: String?
}
