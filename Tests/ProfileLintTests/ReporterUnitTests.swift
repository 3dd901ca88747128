import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ProfileText
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct ReporterUnitTests {
    @Test func githubEscapesDataAndProperties() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b")
        #expect(GitHubReporter.escapeProperty("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A")
    }

    @Test func githubUsesNoticeForInfoAndRelativePaths() throws {
        let file = SourceFile(path: "/repo/dir/p.yaml", text: "title: x\n")
        let result = LintResult(file: file, diagnostics: [
            Diagnostic(ruleID: "r", severity: .info, message: "m", range: ByteRange(7, 8)),
        ])
        let output = GitHubReporter(options: ReportOptions(workingDirectory: "/repo")).report([result], rules: try RuleSet(rules: []))
        #expect(output == "::notice file=dir/p.yaml,line=1,col=8,endLine=1,endColumn=9,title=r::m\n")
    }

    @Test func xmlEscapingCoversMarkupQuotesAndControls() {
        #expect(XMLEscaping.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;")
        #expect(XMLEscaping.escape("x\u{1B}y\u{0}") == "x\u{FFFD}y\u{FFFD}")
        #expect(XMLEscaping.escape("1\n2\t3\r") == "1&#10;2&#9;3&#13;")
        #expect(XMLEscaping.escape("1\n2\t3\r", inAttribute: false) == "1\n2\t3&#13;")
    }

    @Test func checkstyleAndJUnitAreWellFormedXML() throws {
        for format in [ReportFormat.checkstyle, .junit] {
            let xml = try ReporterGoldenTests.render(format)
            let document = try XMLDocument(data: Data(xml.utf8))
            #expect(document.rootElement()?.name == (format == .junit ? "testsuites" : "checkstyle"))
        }
    }

    @Test func junitCountsTestsAndFailures() throws {
        let document = try XMLDocument(data: Data(try ReporterGoldenTests.render(.junit).utf8))
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "8")
        #expect(root.attribute(forName: "failures")?.stringValue == "7")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 3)
        let clean = try #require(suites.first { $0.attribute(forName: "name")?.stringValue?.hasSuffix("clean.yaml") == true })
        #expect(clean.elements(forName: "testcase").count == 1)
        #expect(clean.elements(forName: "testcase").first?.elements(forName: "failure").isEmpty == true)
    }

    @Test func summaryPluralizes() {
        func result(_ severities: [Severity]) -> LintResult {
            LintResult(file: SourceFile(path: "p.yaml", text: "a: 1\n"),
                       diagnostics: severities.map { Diagnostic(ruleID: "r", severity: $0, message: "m", range: ByteRange(0, 1)) })
        }
        #expect(TextReporter.summary([result([.error, .warning, .info])]) == "1 error, 1 warning, 1 info in 1 file")
        #expect(TextReporter.summary([result([.error, .error]), result([.info, .info, .warning, .warning])])
            == "2 errors, 2 warnings, 2 info in 2 files")
        #expect(TextReporter.summary([result([.warning]), result([])]) == "0 errors, 1 warning, 0 info in 1 of 2 files")
        #expect(TextReporter.summary([result([])]) == "no problems in 1 file")
        #expect(TextReporter.summary([]) == "no problems in 0 files")
    }

    @Test func displayWidthCountsGraphemeClusters() {
        #expect(GraphemeClusters.width("a") == 1)
        #expect(GraphemeClusters.width("é") == 1)
        #expect(GraphemeClusters.width("e\u{301}") == 1)
        #expect(GraphemeClusters.width("\u{301}") == 0)
        #expect(GraphemeClusters.width("\u{200D}") == 0)
        #expect(GraphemeClusters.width("東") == 2)
        #expect(GraphemeClusters.width("😀") == 2)
        #expect(GraphemeClusters.width("Ｓ") == 2)
        #expect(GraphemeClusters.width("👨‍👩‍👧") == 2)
        #expect(GraphemeClusters.width("🇫🇷") == 2)
        #expect(GraphemeClusters.width("👍🏽") == 2)
        #expect(GraphemeClusters.width("❤️") == 2)
        #expect(GraphemeClusters.width("❤") == 1)
        #expect(GraphemeClusters.width("1️⃣") == 2)
        #expect(GraphemeClusters.clusters(ArraySlice("a👨‍👩‍👧🇫🇷".utf8)).map(\.range) == [0..<1, 1..<19, 19..<27])
    }

    @Test func caretAlignsAfterTabsWideCharactersAndCombiningMarks() throws {
        // "e\u{301}" is one column; the tab after "ab" reaches column 4; 東 is two columns.
        let text = "x: \"e\u{301}東\tab\tTARGET\"\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let start = try ReporterFixture.range(of: "TARGET", in: file)
        let result = LintResult(file: file, diagnostics: [Diagnostic(ruleID: "r", severity: .error, message: "m", range: start)])
        let output = TextReporter(options: ReportOptions(showSource: true, showSummary: false)).report([result], rules: try RuleSet(rules: []))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // `x: "` 4 columns, é 1, 東 2 → 7; tab to 8; `ab` → 10; tab to 12.
        #expect(lines[1] == " 1 | x: \"e\u{301}東 ab  TARGET\"")
        #expect(lines[2] == "   | " + String(repeating: " ", count: 12) + "^~~~~~")
    }

    @Test func longSourceLinesAreCutToAWindowAroundTheFinding() throws {
        let text = "overview: \"" + String(repeating: "word ", count: 80) + "TARGET end\"\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let range = try ReporterFixture.range(of: "TARGET", in: file)
        let result = LintResult(file: file, diagnostics: [Diagnostic(ruleID: "r", severity: .error, message: "m", range: range)])
        let output = TextReporter(options: ReportOptions(showSource: true, showSummary: false)).report([result], rules: try RuleSet(rules: []))
        let lines = output.split(separator: "\n").map(String.init)
        let source = lines[1].dropFirst(" 1 | ".count)
        let caret = lines[2].dropFirst("   | ".count)
        #expect(source.hasPrefix("…") && source.hasSuffix("\""))
        #expect(source.count <= 160)
        let caretColumn = caret.prefix { $0 == " " }.count
        #expect(Array(source)[caretColumn..<caretColumn + 6].map(String.init).joined() == "TARGET")
        #expect(caret.hasSuffix("^~~~~~"))
        // On a 60-column terminal the whole excerpt line, gutter included, fits in 60 columns.
        let narrow = TextReporter(options: ReportOptions(showSource: true, showSummary: false, terminalWidth: 60))
            .report([result], rules: try RuleSet(rules: [])).split(separator: "\n").map(String.init)
        #expect(narrow[1].count <= 60, "\(narrow[1])")
        let narrowCaret = narrow[2].dropFirst("   | ".count)
        let narrowColumn = narrowCaret.prefix { $0 == " " }.count
        #expect(Array(narrow[1].dropFirst(" 1 | ".count))[narrowColumn..<narrowColumn + 6].map(String.init).joined() == "TARGET")
    }

    @Test func textKeepsMessagesOnOneLineAndNeutralisesControlCharacters() throws {
        let file = SourceFile(path: "p.yaml", text: "a: \"x\u{1B}[31my\"\n")
        let result = LintResult(file: file, diagnostics: [
            Diagnostic(ruleID: "r", severity: .warning, message: "two\nlines\u{1B}", range: ByteRange(4, 5)),
        ])
        let output = TextReporter(options: ReportOptions(showSource: true, showSummary: false)).report([result], rules: try RuleSet(rules: []))
        #expect(output.hasPrefix("p.yaml:1:5: warning: two\\nlines\\u{1B} [r]\n"))
        #expect(!output.contains("\u{1B}"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let results = try ReporterFixture.results()
        let rules = try ReporterFixture.ruleSet()
        #expect(!TextReporter(options: ReporterFixture.options()).report(results, rules: rules).contains("\u{1B}["))
        #expect(TextReporter(options: ReporterFixture.options(color: true)).report(results, rules: rules).contains("\u{1B}[1;31merror:"))
    }

    @Test func terminalOptionsHonourNoColor() {
        let tty = ReportOptions.forOutput(isTerminal: true, noColorFlag: false, environment: [:], quiet: false, workingDirectory: "/")
        #expect(tty.color && tty.showSource && tty.showSummary)
        let flag = ReportOptions.forOutput(isTerminal: true, noColorFlag: true, environment: [:], quiet: false, workingDirectory: "/")
        #expect(!flag.color && flag.showSource)
        let environment = ReportOptions.forOutput(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": "1"], quiet: true, workingDirectory: "/")
        #expect(!environment.color && !environment.showSummary)
        let emptyNoColor = ReportOptions.forOutput(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": ""], quiet: false, workingDirectory: "/")
        #expect(emptyNoColor.color)
        let pipe = ReportOptions.forOutput(isTerminal: false, noColorFlag: false, environment: [:], quiet: false, workingDirectory: "/")
        #expect(!pipe.color && !pipe.showSource)
    }

    @Test func exitPolicyFollowsTheSpec() {
        func results(_ severities: [Severity]) -> [LintResult] {
            [LintResult(file: SourceFile(path: "p.yaml", text: "a: 1\n"),
                        diagnostics: severities.map { Diagnostic(ruleID: "r", severity: $0, message: "m", range: ByteRange(0, 1)) })]
        }
        #expect(ExitPolicy().status(results([])) == 0)
        #expect(ExitPolicy().status(results([.warning, .info])) == 0)
        #expect(ExitPolicy().status(results([.error])) == 1)
        #expect(ExitPolicy(failOn: .warning).status(results([.warning])) == 1)
        #expect(ExitPolicy(failOn: .warning).status(results([.info])) == 0)
        #expect(ExitPolicy(failOn: .info).status(results([.info])) == 1)
        #expect(ExitPolicy(maxWarnings: 1).status(results([.warning])) == 0)
        #expect(ExitPolicy(maxWarnings: 1).status(results([.warning, .warning])) == 1)
        #expect(ExitPolicy(maxWarnings: 0).tooManyWarnings(results([.warning])))
        #expect(ExitPolicy(exitZero: true).status(results([.error])) == 0)
    }

    @Test func quietKeepsFindingsAtOrAboveTheThreshold() {
        let result = LintResult(file: SourceFile(path: "p.yaml", text: "a: 1\n"), diagnostics: [Severity.info, .warning, .error].map {
            Diagnostic(ruleID: "r", severity: $0, message: "m", range: ByteRange(0, 1))
        })
        #expect(result.keeping(atLeast: .error).diagnostics.map(\.severity) == [.error])
        #expect(result.keeping(atLeast: .warning).diagnostics.map(\.severity) == [.warning, .error])
    }

    @Test func pathsAndURIs() {
        #expect(ReportPaths.relative("/w/p/a.yaml", to: "/w/p") == "a.yaml")
        #expect(ReportPaths.relative("/w/p/a.yaml", to: "/w/p/") == "a.yaml")
        #expect(ReportPaths.relative("/w/pq/a.yaml", to: "/w/p") == "/w/pq/a.yaml")
        #expect(ReportPaths.relative("./././a.yaml", to: "/w") == "a.yaml")
        #expect(ReportPaths.uri("dir/café a#1.yaml") == "dir/caf%C3%A9%20a%231.yaml")
        #expect(ReportPaths.uri("/x y/a.yaml") == "file:///x%20y/a.yaml")
        #expect(ReportPaths.directoryURI("/w/p") == "file:///w/p/")
    }

    @Test func ruleSummaryIsTheFirstSentenceWithoutCitations() throws {
        let rule = try ReporterFixture.rule("x", severity: .info,
                                            rationale: "Clients read titles first (seed 004, \\\"Title\\\"). Everything else comes later.")
        #expect(rule.summary() == "Clients read titles first.")
        #expect(rule.summary(limit: 10) == "Clients…")
    }

    @Test func sarifLevelsAndNames() {
        #expect(SARIFReporter.level(.info) == "note")
        #expect(SARIFReporter.level(.warning) == "warning")
        #expect(SARIFReporter.pascalCase("skills-limit") == "SkillsLimit")
    }

    @Test func jsonIndentationKeepsStringsIntact() {
        #expect(JSONOutput.indent(#"{"a":[],"b":{"c":"x,y:{[\"]}"},"d":[1,2]}"#) == """
        {
          "a": [],
          "b": {
            "c": "x,y:{[\\"]}"
          },
          "d": [
            1,
            2
          ]
        }
        """)
    }

    @Test func caretsCountGraphemeClustersAndTheirWidths() throws {
        // A ZWJ family and a flag are one cluster two columns wide each; a combining accent joins its letter.
        let text = "x: \"👨‍👩‍👧 🇫🇷 e\u{301} TARGET\"\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let range = try ReporterFixture.range(of: "TARGET", in: file)
        let result = LintResult(file: file, diagnostics: [Diagnostic(ruleID: "r", severity: .error, message: "m", range: range)])
        let lines = TextReporter(options: ReportOptions(showSource: true, showSummary: false)).report([result], rules: try RuleSet(rules: []))
            .split(separator: "\n").map(String.init)
        // `x: "` 4 + family 2 + space + flag 2 + space + é 1 + space = 12 columns before TARGET.
        #expect(lines[2] == "   | " + String(repeating: " ", count: 12) + "^~~~~~")
    }

    @Test func bidiControlsInExcerptsAndMessagesAreEscaped() throws {
        let text = "overview: \"mail me: \u{202E}moc.elpmaxe@mas\"\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let range = try ReporterFixture.range(of: "mail", in: file)
        let result = LintResult(file: file, diagnostics: [Diagnostic(ruleID: "r", severity: .error, message: "found \u{202E}x", range: range)])
        let output = TextReporter(options: ReportOptions(showSource: true, showSummary: false)).report([result], rules: try RuleSet(rules: []))
        #expect(!output.unicodeScalars.contains("\u{202E}"))
        #expect(output.contains("found \\u{202E}x"))
        #expect(output.contains("mail me: \\u{202E}moc.elpmaxe@mas"))
    }
}
