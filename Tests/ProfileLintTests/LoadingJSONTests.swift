import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Ranges, span maps and values of the JSON parser.
@Suite struct LoadingJSONTests {
    typealias Support = LoadingTestSupport

    @Test func rangesOfValuesKeysAndCollections() throws {
        let text = "{\r\n  \"title\": \"Data Analyst\",\r\n  \"skills\": [\"SQL\", \"Power BI\"],\r\n  \"rate\": {\"amount\": -85.5e0, \"n\": 3}\r\n}\r\n"
        let (file, document) = try Support.document(text, format: .json)
        let root = try #require(document.root)
        #expect(file.text(root.range) == String(text.dropLast(1)))  // "\r\n" is one Character
        let title = try #require(root.entry("title"))
        #expect(file.text(title.keyRange) == "\"title\"")
        #expect(file.start(title.keyRange) == "2:3")
        #expect(file.text(title.value.range) == "\"Data Analyst\"")
        #expect(file.start(title.value.range) == "2:12")
        #expect(file.text(try #require(title.value.scalar).spans.contentRange) == "Data Analyst")
        let skills = try #require(root["skills"])
        #expect(file.text(skills.range) == "[\"SQL\", \"Power BI\"]")
        #expect(skills.list?.map { file.start($0.range) } == ["3:14", "3:21"])
        let amount = try #require(root["rate"]?["amount"]?.scalar)
        #expect(amount.type == .float)
        #expect(amount.text == "-85.5e0")
        #expect(amount.number == -85.5)
        #expect(root["rate"]?["n"]?.scalar?.type == .integer)
    }

    @Test func escapesBreakSegments() throws {
        let (file, document) = try Support.document("{\"o\": \"line one\\nline \\\"two\\\" \\u00e9\\uD83D\\uDE00 end\"}", format: .json)
        let overview = try #require(document.root?["o"]?.scalar)
        #expect(overview.text == "line one\nline \"two\" é😀 end")
        #expect(overview.spans.segments.count == 5)
        let two = try #require(overview.text.utf8Range(of: "two"))
        #expect(file.text(overview.spans.sourceRange(two)) == "two")
        let end = try #require(overview.text.utf8Range(of: "end"))
        #expect(file.text(overview.spans.sourceRange(end)) == "end")
        // Text that includes an escape maps to the whole string.
        let across = try #require(overview.text.utf8Range(of: "one\nline"))
        #expect(overview.spans.sourceRange(across) == ByteRange(
            overview.spans.segments[0].sourceOffset + 5, overview.spans.segments[1].sourceOffset + 4))
    }

    @Test func valuesAfterWideCharacters() throws {
        let (file, document) = try Support.document("{\"é😀\u{301}\": \"x y\"}", format: .json)
        let value = try #require(document.root?["é😀\u{301}"])
        #expect(file.start(value.range) == "1:9")
        #expect(file.position(ofByte: value.range.lowerBound, unit: .utf16).column == 10)
    }

    @Test func literalsAndEmptyCollections() throws {
        let (file, document) = try Support.document("[true, false, null, {}, [], \"\"]", format: .json)
        let items = try #require(document.root?.list)
        #expect(items.map(\.typeDescription) == ["a boolean", "a boolean", "null", "a map", "a list", "a string"])
        #expect(items.map { file.text($0.range) } == ["true", "false", "null", "{}", "[]", "\"\""])
        #expect(items[0].scalar?.bool == true)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let file = SourceFile(path: "p.json", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        let root = try #require(try DocumentLoader.read(file, format: .json).root)
        #expect(file.start(try #require(root["a"]).range) == "1:7")
    }
}
