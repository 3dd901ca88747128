import Testing
@testable import ProfileModel

/// Invalid YAML that libyaml accepts, refused by `YAMLPreScan` with the place of the
/// offending character, and the valid look-alikes it must leave alone.
@Suite struct LoadingPreScanTests {
    typealias Support = LoadingTestSupport

    /// "line:col" and message of the error reading `text`, or nil when it loads.
    func failure(_ text: String) -> (String, String)? {
        let (file, error) = Support.loadError(text)
        return error.map { (file.start($0.range), $0.message) }
    }

    /// Whether `text` loads without an error.
    func loads(_ text: String) -> Bool {
        Support.loadError(text).1 == nil
    }

    static let comment = "a comment needs a space before '#'"

    @Test func aHashRightAfterATokenIsNoComment() {
        #expect(failure("title: \"Data engineer\"# lead\n")! == ("1:23", Self.comment))
        #expect(failure("title: 'Data engineer'#lead\n")! == ("1:23", Self.comment))
        #expect(failure("skills: [SQL, Python]#core\n")! == ("1:22", Self.comment))
        #expect(failure("links: {site: x}#main\n")! == ("1:17", Self.comment))
        #expect(failure("skills: [SQL,#core\n  Python]\n")! == ("1:14", Self.comment))
        #expect(failure("skills: [#first\n  SQL]\n")! == ("1:10", Self.comment))
        #expect(failure("skills:\n  - [Go, \"Rust\"#x]\n")! == ("2:16", Self.comment))
    }

    @Test func aHashRightAfterABlockScalarHeaderIsNoComment() {
        #expect(failure("overview: |#intro\n  text\n")! == ("1:12", Self.comment))
        #expect(failure("overview: >-#intro\n  text\n")! == ("1:13", Self.comment))
        #expect(failure("overview: |2#intro\n  text\n")! == ("1:13", Self.comment))
    }

    @Test func aHashRightAfterTheYAMLVersionIsNoComment() {
        #expect(failure("%YAML 1.2#strict\n---\ntitle: x\n")! == ("1:10", Self.comment))
        #expect(loads("%YAML 1.2 # strict\n---\ntitle: x\n"))
    }

    @Test func hashesInTextAndAfterBlanksAreLeftAlone() throws {
        let yaml = """
        title: C#/F# developer
        site: https://example.com/work#latest
        note: "quoted" # a comment
        skills: [SQL, "C#"] # a comment
        tags: [a#1, b] # a plain 'a#1'
        overview: | # a comment
          #1 in text
        summary: first line
          "second"# still plain text
          [third]#also text
        """
        let (_, document) = try Support.document(yaml)
        #expect(document.root?["title"]?.string == "C#/F# developer")
        #expect(document.root?["summary"]?.string == "first line \"second\"# still plain text [third]#also text")
    }

    static func lineInside(_ what: String, at opener: String, spaces: Int, close: String) -> String {
        "a line inside the \(what) opened at \(opener) must be indented by at least \(spaces) space\(spaces == 1 ? "" : "s"), "
            + "more than its key or '-' (is a closing '\(close)' missing?)"
    }

    @Test func linesOfAFlowCollectionAreIndentedPastTheirKey() {
        #expect(failure("skills: [SQL,\nPython]\n")! == ("2:1", Self.lineInside("[ ] list", at: "1:9", spaces: 1, close: "]")))
        #expect(failure("skills: [\n  SQL\n]\n")! == ("3:1", Self.lineInside("[ ] list", at: "1:9", spaces: 1, close: "]")))
        #expect(failure("links: {\nsite: x}\n")! == ("2:1", Self.lineInside("{ } map", at: "1:8", spaces: 1, close: "}")))
        #expect(failure("jobs:\n  - tools: [a,\n    b]\n")! == ("3:5", Self.lineInside("[ ] list", at: "2:12", spaces: 5, close: "]")))
        #expect(failure("- [a,\nb]\n")! == ("2:1", Self.lineInside("[ ] list", at: "1:3", spaces: 1, close: "]")))
        #expect(failure("skills:\n  [a,\n b,\nc]\n")! == ("4:1", Self.lineInside("[ ] list", at: "2:3", spaces: 1, close: "]")))
        // A missing closing bracket now points at the first line after it.
        #expect(failure("skills: [a, b\nx: 1\n")! == ("2:1", Self.lineInside("[ ] list", at: "1:9", spaces: 1, close: "]")))
    }

    @Test func linesOfAQuotedScalarAreIndentedPastTheirKey() {
        #expect(failure("title: \"Data\nengineer\"\n")! == ("2:1", Self.lineInside("quoted text", at: "1:8", spaces: 1, close: "\"")))
        #expect(failure("title: 'Data\nengineer'\n")! == ("2:1", Self.lineInside("quoted text", at: "1:8", spaces: 1, close: "'")))
        #expect(failure("jobs:\n  - role: \"Lead\n   dev\"\n")! == ("3:4", Self.lineInside("quoted text", at: "2:11", spaces: 5, close: "\"")))
        #expect(failure("title: \"Data engineer\n\"\n")! == ("2:1", Self.lineInside("quoted text", at: "1:8", spaces: 1, close: "\"")))
    }

    @Test func aTabDoesNotIndentALineOfAQuotedScalarOrFlowCollection() {
        let tab = "must start with at least 1 space, more than its key or '-'; a tab does not count as indentation"
        #expect(failure("title: \"Data\n\tengineer\"\n")! == ("2:1", "a line inside the quoted text opened at 1:8 " + tab))
        #expect(failure("- [SQL,\n\tGo]\n")! == ("2:1", "a line inside the [ ] list opened at 1:3 " + tab))
    }

    @Test func wellIndentedLinesLoad() throws {
        #expect(loads("skills: [SQL,\n  Python]\n"))
        #expect(loads("skills: [\n  SQL\n ]\n"))
        #expect(loads("skills:\n  [a,\n b]\n"))
        #expect(loads("- [SQL,\n \tGo]\n"))
        #expect(loads("title: \"Data\n \tengineer\"\n"))
        #expect(loads("skills: [a,\n# a comment line may sit anywhere\n\n  b]\n"))
        #expect(loads("title: \"Data\n\nengineer\"\n") == false)
        #expect(loads("title: \"Data\n\n  engineer\"\n"))
        // At the top level, nothing is indented past anything.
        let json = "{\n\"title\": \"Data engineer\",\n\"skills\": [\n\"SQL\"\n]\n}\n"
        let (_, document) = try Support.document(json)
        #expect(document.root?["skills"]?.list?.count == 1)
        #expect(loads("--- [a,\nb]\n"))
        #expect(loads("---\n\"Data\nengineer\"\n"))
    }

    @Test func lineEndsAndAByteOrderMarkKeepThePlaces() {
        #expect(failure("title: \"Data\r\nengineer\"\r\n")?.0 == "2:1")
        #expect(failure("\u{FEFF}skills: [a,\rb]\r")?.0 == "2:1")
        #expect(failure("\u{FEFF}title: \"a\"#x\n")?.0 == "1:11")
        #expect(loads("\u{FEFF}skills: [a,\r\n  b]\r\n"))
        #expect(loads("\u{FEFF}- [a,\r\n b]\r\n"))
    }

    @Test func aDashAloneInsideAFlowCollectionIsRefused() {
        let message = "inside [ ] or { }, '-' followed by a space, a comma or a bracket cannot start a value; quote it ('-') or remove it"
        #expect(failure("skills: [-]\n")! == ("1:10", message))
        #expect(failure("skills: [SQL, -, Go]\n")! == ("1:15", message))
        #expect(failure("skills: [SQL, - Go]\n")! == ("1:15", message))
        #expect(failure("links: {site: -}\n")! == ("1:15", message))
        #expect(loads("scores: [-1, -2.5, -x, \"-\", '-']\n"))
    }

    @Test func leadingEmptyLinesOfABlockScalarHaveNoMoreSpacesThanItsText() {
        let message = "this empty line at the start of a block scalar has 4 spaces, more than its first line of text (2); remove the extra spaces"
        #expect(failure("overview: >\n\n    \n  Text\n")! == ("3:3", message))
        #expect(failure("jobs:\n  - notes: |\n        \n      Text\n")! == ("3:7", message.replacingOccurrences(of: "4 spaces", with: "8 spaces")
            .replacingOccurrences(of: "(2)", with: "(6)")))
        #expect(loads("overview: >\n\n  \n  Text\n"))
        #expect(loads("overview: |2\n    \n  Text\n"))
        #expect(loads("overview: >\n    \nnext: 1\n"))
        #expect(loads("- \"k\": |\n   \n  x: 1\n"))
    }

    /// Long lines through every new path of the scan, each byte read once: 200,000 list
    /// markers on one line (a walk back to the line start per `- ` took minutes), a
    /// one-line map of 20,000 quoted keys, and lines of 300,000 spaces inside a quoted
    /// scalar and before a block scalar's text.
    @Test func longLinesAreScannedInLinearTime() throws {
        let nested = String(repeating: "- ", count: 200_000) + "x\n"
        #expect(failure(nested)?.1 == "lists and maps nest deeper than 64 levels")
        let keys = (0..<20_000).map { "\"k\($0)\": \"v\"" }
        let (_, map) = try Support.document("links: {" + keys.joined(separator: ", ") + "}\n")
        #expect(map.root?["links"]?.map?.count == 20_000)
        let spaces = String(repeating: " ", count: 300_000)
        let (_, quoted) = try Support.document("title: \"Data\n" + spaces + "engineer\"\n")
        #expect(quoted.root?["title"]?.string == "Data engineer")
        #expect(failure("overview: |\n" + spaces + "\n  Text\n")?.0 == "2:3")
    }
}
