import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A temporary directory with files, removed by the caller.
struct TemporaryCorpus {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    var path: String { url.path }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }

    func load(columnMap: [String: String] = [:]) throws -> LoadedPosts {
        let files = try CorpusLoader.read(CorpusLoader.filePaths([path]))
        return CorpusLoader.load(files, mapper: try PostFieldMapper(columnMap: columnMap))
    }
}

@Suite struct CSVReaderTests {
    @Test func quotedMultilineFieldsEscapedQuotesCRLFAndBOM() {
        let text = "\u{FEFF}title,description\r\n\"A, \"\"quoted\"\" title\",\"line one\r\nline two\"\r\nplain,text\r\n"
        let (records, problems) = CSVReader().records(Array(text.utf8))
        #expect(problems.isEmpty)
        #expect(records.map(\.fields) == [["title", "description"], ["A, \"quoted\" title", "line one\r\nline two"], ["plain", "text"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func tabDelimiterAndBareCarriageReturns() {
        let (records, _) = CSVReader(delimiter: UInt8(ascii: "\t")).records(Array("a\tb\rc\td\r".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func emptyFieldsAndBlankLinesBetweenRecords() {
        let (records, _) = CSVReader().records(Array("a,,c\n\n,,\n".utf8))
        #expect(records.map(\.fields) == [["a", "", "c"], ["", "", ""]])
    }

    @Test func unterminatedQuoteIsLocatedAndDropsOnlyItsRecord() {
        let text = "title,description\nok,fine\nbad,\"never closed\nmore\n"
        let (records, problems) = CSVReader().records(Array(text.utf8))
        #expect(records.map(\.fields) == [["title", "description"], ["ok", "fine"]])
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.column == 5)
    }

    @Test func strayQuotesAreKeptAndReported() {
        let (records, problems) = CSVReader().records(Array("a\"b,\"c\"d\n".utf8))
        #expect(records.map(\.fields) == [["a\"b", "cd"]])
        // The second problem points at the text after the closing quote.
        #expect(problems.map(\.column) == [2, 8])
    }
}

@Suite struct ListEncodingTests {
    /// ASCII list literals are read byte by byte; the items must be those the character path gives.
    @Test func asciiLiteralItemsEqualTheCharacterPath() {
        let pieces = ["'", "\"", "\\", ",", " ", "\t", "\r\n", "SQL", "C#", "Node.js", "a b", "x"]
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        for _ in 0..<4_000 {
            var body = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int((state >> 40) % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                body += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(ListEncoding.asciiLiteralItems(body) == ListEncoding.characterLiteralItems(body), "\(body.debugDescription)")
        }
    }

    /// The quoted-items shortcut against the general reader, on bodies made mostly of quoted
    /// items (where the shortcut applies) with the pieces that make it step aside mixed in.
    @Test func quotedItemsEqualTheGeneralReader() {
        let pieces = ["'SQL'", "\"C#\"", "'a b'", "''", "'  '", "\"it's\"", ", ", ",", " ", "\t", "'", "\"", "\\", "x", "'Node.js'"]
        var state: UInt64 = 0x0F1E_2D3C_4B5A_6978
        var shortcuts = 0
        for _ in 0..<6_000 {
            var body = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int((state >> 40) % 10) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Separators and quoted items twice as often as the rest.
                let index = Int((state >> 33) % UInt64(2 * pieces.count))
                body += pieces[index < pieces.count ? index : index % 7]
            }
            var bytes = body
            if let items = bytes.withUTF8(ListEncoding.quotedItems) {
                shortcuts += 1
                #expect(items == ListEncoding.characterLiteralItems(body), "\(body.debugDescription)")
            }
            #expect(ListEncoding.asciiLiteralItems(body) == ListEncoding.characterLiteralItems(body), "\(body.debugDescription)")
        }
        #expect(shortcuts > 1_000)
    }

    @Test func pythonAndJSONListLiterals() {
        #expect(ListEncoding.decode("['SQL', 'Tableau']") == ["SQL", "Tableau"])
        #expect(ListEncoding.decode("[\"C#\", \"Node.js\"]") == ["C#", "Node.js"])
        #expect(ListEncoding.decode("['It\\'s', \"a, b\"]") == ["It's", "a, b"])
        #expect(ListEncoding.decode("[]") == [])
        #expect(ListEncoding.decode("[SQL, Excel]") == ["SQL", "Excel"])
    }

    @Test func separatedText() {
        #expect(ListEncoding.decode("SQL, Tableau") == ["SQL", "Tableau"])
        #expect(ListEncoding.decode("SQL; Tableau") == ["SQL", "Tableau"])
        #expect(ListEncoding.decode("SQL | Tableau") == ["SQL", "Tableau"])
        #expect(ListEncoding.decode("Power BI") == ["Power BI"])
        #expect(ListEncoding.decode("  ") == [])
    }
}

@Suite struct CorpusLoadingTests {
    @Test func everyFormatWithAliasesAndListStrings() throws {
        let corpus = try TemporaryCorpus([
            "a.yaml": "- title: YAML post\n  description: first\n  skills: [SQL]\n  budget: {min: 20, max: 40}\n- title: Second\n  description: two\n",
            "b.json": "[{\"job_title\": \"JSON post\", \"desc\": \"<p>html &amp; more</p>\", \"tags\": \"SQL, Excel\", \"fixed_price\": 300}]",
            "c.jsonl": "{\"title\": \"Line one\", \"description\": \"x\"}\n\n{\"title\": \"Line two\", \"description\": \"y\", \"skills\": \"['A', 'B']\"}\n",
            "d.csv": "title,description,skills,track_name,job_type,average_budget\nCSV post,\"multi\nline\",\"['Kotlin', 'Android']\",android,Hourly,35.5\n",
            "e.tsv": "title\tdescription\nTSV post\ttabbed\n",
            "f.md": "---\nskills: [Writing]\ncategory: seo\n---\n# Markdown post\n\nBody text.\n",
            "sub/g.txt": "\nText post title\nthe body\n",
            ".hidden/h.md": "# Hidden\n",
            "notes.pdf": "ignored",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(loaded.posts.map(\.title) == ["YAML post", "Second", "JSON post", "Line one", "Line two", "CSV post", "TSV post",
                                              "Markdown post", "Text post title"])
        let byTitle = Dictionary(uniqueKeysWithValues: loaded.posts.map { ($0.title, $0) })
        #expect(byTitle["YAML post"]?.budget == Budget(hourlyMin: 20, hourlyMax: 40))
        #expect(byTitle["YAML post"]?.location.line == 1)
        #expect(byTitle["Second"]?.location.line == 5)
        #expect(byTitle["JSON post"]?.description == "html & more")
        #expect(byTitle["JSON post"]?.skills == ["SQL", "Excel"])
        #expect(byTitle["JSON post"]?.budget.fixed == 300)
        #expect(byTitle["Line two"]?.skills == ["A", "B"])
        #expect(byTitle["Line two"]?.location.line == 3)
        #expect(byTitle["CSV post"]?.description == "multi\nline")
        #expect(byTitle["CSV post"]?.category == "android")
        #expect(byTitle["CSV post"]?.budget == Budget(hourlyMin: 35.5, hourlyMax: 35.5))
        #expect(byTitle["Markdown post"]?.skills == ["Writing"])
        #expect(byTitle["Markdown post"]?.description == "Body text.")
        #expect(byTitle["Markdown post"]?.location.line == 5)
        #expect(byTitle["Text post title"]?.location == PostLocation(path: corpus.path("sub/g.txt"), line: 2))
    }

    @Test func columnMapPicksAnotherColumn() throws {
        let corpus = try TemporaryCorpus(["p.csv": "title,description,raw_description\nT,short,the long text\n"])
        defer { corpus.remove() }
        #expect(try corpus.load().posts.first?.description == "short")
        #expect(try corpus.load(columnMap: ["description": "raw_description"]).posts.first?.description == "the long text")
    }

    @Test func columnMapWithUnknownFieldIsAnError() {
        #expect(throws: CorpusError.self) { try PostFieldMapper(columnMap: ["titel": "x"]) }
        do {
            _ = try PostFieldMapper(columnMap: ["descripton": "x"])
            Issue.record("an unknown field must throw")
        } catch {
            #expect(error.message.contains("did you mean 'description'"))
        }
    }

    @Test func malformedPostsAreLocatedAndSkippedAlone() throws {
        let corpus = try TemporaryCorpus([
            "a.jsonl": "{\"title\": \"good\", \"description\": \"d\"}\n{not json}\n[1, 2]\n{\"skills\": [\"x\"]}\n",
            "b.csv": "title,description\nfine,row\nextra,field,here\nshort\n",
            "c.json": "[{\"title\": \"ok\", \"description\": \"d\"},\n 42,\n {\"title\": \"ok too\", \"description\": \"e\", \"budget\": \"lots\"}]",
            "d.yaml": "title: [unclosed\n",
            "e.md": "---\ntitle: x\n",
            "f.json": "",
            "g.json": "[{\"title\": \"huge\", \"description\": \"d\", \"hourly_max\": 1e400}]",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.posts.map(\.title) == ["good", "fine", "ok", "ok too", "huge"])
        let issues = loaded.issues.map { "\(($0.location.path as NSString).lastPathComponent):\($0.location.line): \($0.message)" }
        #expect(issues.contains("a.jsonl:2: line is not valid JSON; post skipped"))
        #expect(issues.contains("a.jsonl:3: a JSON Lines post must be an object, not a list; post skipped"))
        #expect(issues.contains("a.jsonl:4: job post has neither a title nor a description; skipped"))
        #expect(issues.contains("b.csv:3: row has 3 fields but the header has 2; row skipped"))
        #expect(issues.contains("b.csv:4: row has 1 field but the header has 2; row skipped"))
        #expect(issues.contains("c.json:2: a job post must be an object, not a number; post skipped"))
        #expect(issues.contains("c.json:3: 'budget' is not a number: 'lots'; ignored"))
        #expect(issues.contains("g.json:1: 'hourly_max' is not a finite number; ignored"), "\(issues)")
        #expect(issues.contains { $0.hasPrefix("d.yaml:") && $0.hasSuffix("no posts read from this file") }, "\(issues)")
        #expect(issues.contains("e.md:1: front matter opened with '---' is never closed; post skipped"))
        #expect(issues.contains("f.json:1: corpus file is empty; no posts read"))
        #expect(loaded.issues.allSatisfy { $0.description.hasPrefix($0.location.path + ":") && $0.description.contains(": warning: ") })
    }

    @Test func duplicatesByIDURLOrNormalizedText() throws {
        let corpus = try TemporaryCorpus([
            "a.jsonl": """
            {"id": "1", "title": "First", "description": "one"}
            {"id": "1", "title": "First again", "description": "edited"}
            {"url": "https://x.test/job/7?ref=a", "title": "Seven", "description": "s"}
            {"url": "http://www.x.test/job/7/", "title": "Seven b", "description": "s2"}
            {"title": "  FIRST ", "description": "One"}
            {"title": "Other", "description": "two"}
            """,
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        // Line 2 shares the id of line 1 with other text: the file's ids are not trusted,
        // so it stays; line 4 shares the URL of line 3; line 5 the text of line 1.
        #expect(loaded.posts.map(\.title) == ["First", "First again", "Seven", "Other"])
        #expect(loaded.duplicates == 2)
        #expect(loaded.issues.count == 1)
        #expect(loaded.issues.first?.location.line == 2)
    }

    @Test func distinctIDsFindDuplicatesAcrossFiles() throws {
        let corpus = try TemporaryCorpus([
            "a.jsonl": "{\"id\": \"9\", \"title\": \"Nine\", \"description\": \"n\"}\n",
            "b.jsonl": "{\"id\": \"9\", \"title\": \"Nine, edited later\", \"description\": \"n2\"}\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.posts.map(\.title) == ["Nine"])
        #expect(loaded.duplicates == 1)
    }

    @Test func missingPathAndUnsupportedFileAreErrors() throws {
        #expect(throws: CorpusError.self) { try CorpusLoader.filePaths(["/nonexistent/corpus"]) }
        let corpus = try TemporaryCorpus(["jobs.pdf": "x"])
        defer { corpus.remove() }
        #expect(throws: CorpusError.self) { try CorpusLoader.filePaths([corpus.path("jobs.pdf")]) }
        #expect(try CorpusLoader.filePaths([corpus.path]).isEmpty)
    }

    @Test func amountsWithSymbolsAndUnits() {
        #expect(PostFieldMapper.parseAmount("$1,200.50") == 1200.5)
        #expect(PostFieldMapper.parseAmount("40 USD") == 40)
        #expect(PostFieldMapper.parseAmount("25/hr") == 25)
        #expect(PostFieldMapper.parseAmount("lots") == nil)
        #expect(PostFieldMapper.parseAmount("12 apples") == nil)
    }
}
