import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Every bad-input case of document loading: the message and where it points.
@Suite struct LoadingErrorTests {
    typealias Support = LoadingTestSupport

    /// The error's "line:col" and message; fails when nothing is thrown.
    func failure(_ text: String, format: DocumentFormat = .yaml,
                 limits: LoadLimits = .default) -> (String, String, LoadError.Kind)? {
        failure(Array(text.utf8), format: format, limits: limits)
    }

    func failure(_ bytes: [UInt8], format: DocumentFormat = .yaml,
                 limits: LoadLimits = .default) -> (String, String, LoadError.Kind)? {
        let (file, error) = Support.loadError(bytes, format: format, limits: limits)
        guard let error else {
            Issue.record("expected a load error")
            return nil
        }
        return (file.start(error.range), error.message, error.kind)
    }

    @Test func yamlSyntaxErrorsAreLocated() {
        #expect(failure("title: a: b\n")! == ("1:9", "syntax error: mapping values are not allowed in this context", .syntax))
        #expect(failure("title: x\nskills\nb: 1\n")! == ("3:1", "syntax error: could not find expected ':' (while scanning a simple key at 2:1)", .syntax))
        #expect(failure("a:\n  b: 1\n c: 2\n")! == ("3:2", "syntax error: did not find expected key (while parsing a block mapping at 1:1)", .syntax))
        #expect(failure("skills: [a, b\n  x: 1\n")! == ("2:4", "syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 1:9)", .syntax))
        #expect(failure("title: \"abc\n  x: 1\n")! == ("3:1", "syntax error: found unexpected end of stream (while scanning a quoted scalar at 1:8)", .syntax))
        // Unindented, the line after a missing closing mark is refused before libyaml sees it.
        #expect(failure("title: \"abc\nx: 1\n")! == ("2:1", "a line inside the quoted text opened at 1:8 must be indented by at least 1 space, "
            + "more than its key or '-' (is a closing '\"' missing?)", .syntax))
        #expect(failure("a:\n\tb: 1\n")! == ("2:1", "syntax error: found character that cannot start any token (a tab: YAML indents with spaces only)", .syntax))
        #expect(failure("a: *nope\n")! == ("1:4", "syntax error: alias *nope refers to no anchor defined before it", .syntax))
        #expect(failure("a: 1\n---\nb: 2\n")! == ("2:1", "syntax error: a second YAML document starts here; a file holds one document", .syntax))
    }

    @Test func yamlSyntaxErrorAfterCRLFAndWideCharacters() {
        // Columns count Unicode scalars; CRLF ends a line once.
        #expect(failure("name: \"é😀\"\r\ntitle: é😀 a: b\r\n")! == ("2:12", "syntax error: mapping values are not allowed in this context", .syntax))
    }

    @Test func yamlControlCharacter() {
        #expect(failure("a: b\u{7}c\n")! == ("1:5", "control character U+0007 is not allowed in YAML", .encoding))
    }

    @Test func duplicateKeysAreReportedAtTheRepetition() throws {
        let (file, document) = try Support.document("title: a\nskills: [x]\ntitle: b\nportfolio:\n  - t: 1\n    t: 2\n    t: 3\nq: {a: 1, 'a': 2}\n")
        let problems = document.problems.map { (file.start($0.range), $0.message, $0.kind) }
        #expect(problems.count == 4)
        #expect(problems[0] == ("3:1", "duplicate key 'title' (first defined at 1:1)", .duplicateKey))
        #expect(problems[1] == ("6:5", "duplicate key 't' (first defined at 5:5)", .duplicateKey))
        #expect(problems[2] == ("7:5", "duplicate key 't' (first defined at 5:5)", .duplicateKey))
        #expect(problems[3] == ("8:11", "duplicate key 'a' (first defined at 8:5)", .duplicateKey))
        #expect(document.problems[0].notes.first?.range.map(file.start) == "1:1")
        // Both entries stay, the first one wins lookups, and the masked keys keep their text.
        let root = try #require(document.root)
        #expect(root.map?.filter { $0.key == "title" }.count == 2)
        #expect(root["title"]?.string == "a")
        #expect(file.text(try #require(root.map?[2]).keyRange) == "title")
        #expect(root["q"]?.map?.map(\.key) == ["a", "a"])
    }

    @Test func duplicateQuotedKeyWithEscapesKeepsItsText() throws {
        let (file, document) = try Support.document("\"ti\\u0074le\": a\ntitle: b\n")
        #expect(document.problems.map { file.start($0.range) } == ["2:1"])
        #expect(document.problems.first?.message == "duplicate key 'title' (first defined at 1:1)")
        #expect(document.root?.map?.map(\.key) == ["title", "title"])
    }

    @Test func duplicateKeysWithWideCharactersKeepColumns() throws {
        let (file, document) = try Support.document("é😀日: 1\nx: {é😀日: 2}\né😀日: 3\n")
        #expect(document.problems.map { "\(file.start($0.range)) \($0.message)" } == [
            "3:1 duplicate key 'é😀日' (first defined at 1:1)",
        ])
        let root = try #require(document.root)
        #expect(root.map?.map(\.key) == ["é😀日", "x", "é😀日"])
        #expect(root.map?.map { file.text($0.keyRange) } == ["é😀日", "x", "é😀日"])
        #expect(file.text(try #require(root["x"]?["é😀日"]).range) == "2")
    }

    @Test func strictLoadThrowsDuplicateKeys() {
        let file = SourceFile(path: "r.yml", text: "id: a\nid: b\n")
        #expect(throws: LoadError.self) { try DocumentLoader.load(file, format: .yaml) }
    }

    @Test func deepNestingIsBoundedBeforeTheStackIs() throws {
        // libyaml stops at 1,000 levels; the limit (64) is reported where it is crossed.
        #expect(failure(String(repeating: "[", count: 10_000))! == ("1:65", "lists and maps nest deeper than 64 levels", .depth))
        let flow = "a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        #expect(failure(flow)! == ("1:67", "lists and maps nest deeper than 64 levels", .depth))
        var block = ""
        for level in 0..<70 { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(failure(block)! == ("65:65", "lists and maps nest deeper than 64 levels", .depth))
        #expect(failure(String(repeating: "[", count: 10_000), format: .json)! == ("1:65", "lists and maps nest deeper than 64 levels", .depth))
        let small = LoadLimits(maxDepth: 3)
        #expect(try Support.document("a: {b: [1]}\n", limits: small).1.root != nil)
        #expect(failure("a: {b: [[1]]}\n", limits: small)! == ("1:9", "lists and maps nest deeper than 3 levels", .depth))
    }

    @Test func aliasBombIsBounded() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e"]) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = failure(text)
        #expect(result?.1 == "the document holds more than 100000 values once YAML aliases are expanded")
        #expect(result?.2 == .expansion)
        // The place is an anchored collection the expansion goes through.
        #expect(["3:4", "4:4", "5:4", "6:4"].contains(result?.0 ?? ""))
        let small = LoadLimits(maxNodes: 20)
        #expect(failure("a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a]\n", limits: small)! == ("1:4", "the document holds more than 20 values once YAML aliases are expanded", .expansion))
    }

    @Test func keysThatAreNotTextAreRefusedBeforeParsing() throws {
        // An alias bomb used as a key would make Yams hash millions of nodes.
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h"], ["a", "b", "c", "d", "e", "f", "g"]) {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let message = "a map key must be text; lists, maps and aliases cannot be keys"
        #expect(failure(bomb + "*h : 1\n")! == ("9:1", message, .syntax))
        #expect(failure(bomb + "z: {x: 1, *h : 1}\n")! == ("9:11", message, .syntax))
        #expect(failure(bomb + "? *h\n: 1\n")! == ("9:1", message, .syntax))
        #expect(failure("k:\n  [a, b]: 1\n")! == ("2:3", message, .syntax))
        #expect(failure("- {a: 1}: 2\n")! == ("1:3", message, .syntax))
        #expect(failure("? - a\n: 1\n")! == ("1:1", message, .syntax))
        #expect(failure("?\n  a: 1\n: 2\n")! == ("1:1", message, .syntax))
        // Look-alikes in text, quotes, comments and block scalars are left alone.
        let harmless = """
        title: "*x: [a]: {b}: ? y"
        note: 'it''s *x: fine'   # *y: [z]: 1
        overview: |
          *star: [1]: {2}: text
          ? not a key
        skills:
          - |
            *a: b
          - plain [x]: no
        ? plain explicit key
        : value
        """
        let (_, document) = try Support.document(harmless)
        #expect(document.root?.map?.count == 5)
        #expect(document.root?["skills"]?.list?.last?.map?.first?.key == "plain [x]")
    }

    @Test func sizeLimit() throws {
        let limits = LoadLimits(maxBytes: 1024)
        #expect(failure(String(repeating: "a", count: 1025), limits: limits)! == ("1:1", "the file is 1,025 bytes; the limit is 1,024 bytes", .size))
        #expect(failure(String(repeating: "#", count: 3 << 19))! == ("1:1", "the file is 1.5 MiB; the limit is 1 MiB", .size))
        #expect(try Support.document(String(repeating: " ", count: 1024), limits: limits).1.root == nil)
    }

    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() {
        #expect(failure([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A])! == ("1:4", "invalid UTF-8: byte 0x28 cannot follow 0xC3", .encoding))
        #expect(failure(Array("a: é\nb: ".utf8) + [0xFF])! == ("2:4", "invalid UTF-8: byte 0xFF never occurs in UTF-8", .encoding))
        #expect(failure(Array("x: ".utf8) + [0xE2, 0x82])! == ("1:4", "invalid UTF-8: the sequence starting with 0xE2 is cut short by the end of the file", .encoding))
        #expect(failure(Array("{\"a\": \"".utf8) + [0xED, 0xA0, 0x80, 0x22, 0x7D], format: .json)! == ("1:8", "invalid UTF-8: byte 0xA0 cannot follow 0xED", .encoding))
        #expect(failure([0x80], format: .json)! == ("1:1", "invalid UTF-8: continuation byte 0x80 without a lead byte", .encoding))
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("a: 1".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(failure(utf16)! == ("1:1", "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", .encoding))
        // A NUL byte in the first 8 KiB: binary (or UTF-16 without a byte order mark), in either format.
        let binary = "the file is binary (it holds NUL bytes), not YAML or JSON text; if it is UTF-16 text, save it as UTF-8"
        for format in [DocumentFormat.yaml, .json] {
            #expect(failure(Array("\u{7F}ELF".utf8) + [0x02, 0x01, 0x00, 0xFF], format: format)! == ("1:7", binary, .encoding))
            #expect(failure(Array("title".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, format: format)! == ("1:2", binary, .encoding))
        }
    }

    @Test func emptyDocumentsHaveNoRoot() throws {
        for text in ["", "  \n\n", "# only a comment\n", "---\n"] {
            #expect(try Support.document(text).1.root == nil)
        }
        for text in ["", " \r\n\t"] {
            #expect(try Support.document(text, format: .json).1.root == nil)
        }
    }

    @Test func jsonSyntaxErrorsAreLocated() {
        let cases: [(String, String, String)] = [
            ("{\"a\": 1,}", "1:8", "trailing comma before '}'"),
            ("[1, 2,\n]", "1:6", "trailing comma before ']'"),
            ("{\"a\": \"abc", "1:7", "unterminated string (it starts at 1:7)"),
            ("{\"a\": \"ab\ncd\"}", "1:10", "unterminated string: a line break cannot appear inside a string (write \\n)"),
            ("{\"a\": \"\\q\"}", "1:8", "invalid escape '\\q' (valid escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
            ("{\"a\": \"\\uD83D x\"}", "1:8", "lone high surrogate \\uD83D (a \\uDC00-\\uDFFF escape must follow)"),
            ("{\"a\": \"\\uDE00\"}", "1:8", "lone low surrogate \\uDE00 (it must follow a high surrogate)"),
            ("{\"a\": \"\\u12G4\"}", "1:8", "invalid escape: \\u must be followed by 4 hexadecimal digits"),
            ("{\"a\" 1}", "1:6", "unexpected character '1' after the key 'a'; expected ':'"),
            ("{\"a\": 1 \"b\": 2}", "1:9", "unexpected character '\"' in an object; expected ',' or '}'"),
            ("{a: 1}", "1:2", "unexpected character 'a'; expected a key in double quotes"),
            ("[1 2]", "1:4", "unexpected character '2' in an array; expected ',' or ']'"),
            ("{\"a\": tru}", "1:7", "unexpected 'tru'; expected a value (strings need double quotes)"),
            ("{\"a\": 01}", "1:7", "numbers cannot have leading zeros"),
            ("{\"a\": 1.}", "1:9", "expected a digit after the decimal point"),
            ("{\"a\": -}", "1:8", "expected a digit after '-'"),
            ("{\"a\": 1e}", "1:9", "expected a digit in the exponent"),
            ("{\"a\": 1} x", "1:10", "unexpected character 'x' after the end of the JSON value"),
            ("{\"a\": [1,\n", "2:1", "unexpected end of the file; expected a value"),
            ("{\"a\": 'x'}", "1:7", "unexpected character '''; expected a value (object, array, string, number, true, false or null)"),
            ("{\"a\": \"x\ty\"}", "1:9", "tab must be escaped inside a string"),
            ("{\"é😀\": 1,\r\n \"b\" 2}", "2:6", "unexpected character '2' after the key 'b'; expected ':'"),
            ("[1", "1:3", "unterminated array (it starts at 1:1); expected ',' or ']'"),
            ("{\"a\": 1", "1:8", "unterminated object (it starts at 1:1); expected ',' or '}'"),
        ]
        for (text, position, message) in cases {
            let result = failure(text, format: .json)
            #expect(result?.0 == position, "\(text)")
            #expect(result?.1 == message, "\(text)")
            #expect(result?.2 == .syntax, "\(text)")
        }
    }

    @Test func jsonDuplicateKeys() throws {
        let (file, document) = try Support.document("{\"title\": \"a\",\n \"title\": \"b\"}", format: .json)
        #expect(document.problems.map { file.start($0.range) } == ["2:2"])
        #expect(document.problems.first?.message == "duplicate key 'title' (first defined at 1:2)")
        #expect(document.root?["title"]?.string == "a")
    }
}
