import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The text of each comment `YAMLComments` finds in `yaml`.
private func comments(_ yaml: String) -> [String] {
    let file = SourceFile(path: "p.yaml", text: yaml)
    return YAMLComments.scan(file).map { String(decoding: file.bytes[$0.range.lowerBound..<$0.range.upperBound], as: UTF8.self) }
}

@Suite struct YAMLCommentTests {
    @Test func findsWholeLineAndTrailingComments() {
        let yaml = "# top\ntitle: Data Engineer # trailing\n  # indented\nskills: [a, b] # after flow\n"
        #expect(comments(yaml) == ["# top", "# trailing", "# indented", "# after flow"])
        let file = SourceFile(path: "p.yaml", text: yaml)
        #expect(YAMLComments.scan(file).map(\.isWholeLine) == [true, false, true, false])
        #expect(YAMLComments.scan(file).map(\.line) == [0, 1, 2, 3])
    }

    @Test func hashWithoutSpaceBeforeIsText() {
        #expect(comments("title: C# and F# developer\nvideo: https://example.com/intro#t=30\n").isEmpty)
    }

    @Test func quotedScalarsHideHashes() {
        #expect(comments("title: \"Growth # hacker\" # real\n").elementsEqual(["# real"]))
        #expect(comments("title: 'It''s # not a comment' # real\n") == ["# real"])
        #expect(comments("title: \"escaped \\\" # still inside\" # real\n") == ["# real"])
        #expect(comments("skills: [\"a # b\", 'c # d'] # real\n") == ["# real"])
        #expect(comments("{title: \"x # y\"} # real\n") == ["# real"])
    }

    @Test func quotedScalarsMaySpanLines() {
        let yaml = "overview: \"first line\n  # inside the string\n  last\" # real\nnext: 1 # also\n"
        #expect(comments(yaml) == ["# real", "# also"])
    }

    @Test func apostropheInsidePlainScalarIsNotAQuote() {
        #expect(comments("title: It's a data engineer's profile # real\n") == ["# real"])
        #expect(comments("- don't # real\n") == ["# real"])
    }

    @Test func blockScalarContentIsNotComments() {
        let yaml = """
            overview: |
              I build dashboards.
              # profilelint-disable this is text
                # deeper text
            title: Data # real
            portfolio:
              - description: >-
                  # text in a folded block
                  more text

                  # after a blank line, still text
                title: x # real two
              - |
                # list item block text
            # back at the top
            """
        #expect(comments(yaml) == ["# real", "# real two", "# back at the top"])
    }

    @Test func blockHeaderMayCarryAComment() {
        let yaml = "overview: |  # header comment\n  # text\nnext: 1\n"
        #expect(comments(yaml) == ["# header comment"])
    }

    @Test func urlFragmentsAndColonsInValues() {
        #expect(comments("url: http://a.b/c#d\ntime: 10:30 # real\n") == ["# real"])
    }
}

/// A diagnostic of `ruleID` at the first occurrence of `needle` in `text`.
private func diagnostic(_ ruleID: String, at needle: String, in text: String) -> Diagnostic {
    let bytes = Array(text.utf8)
    let target = Array(needle.utf8)
    let start = (0...(bytes.count - target.count)).first { Array(bytes[$0..<$0 + target.count]) == target } ?? 0
    return Diagnostic(ruleID: ruleID, severity: .warning, message: "m", range: ByteRange(start, start + target.count))
}

private let known = ["title-length", "buzzwords", "skills-limit", "overview-length"]

@Suite struct SuppressionTests {
    @Test func parsesDirectivesWithIdsAndReason() {
        let file = SourceFile(path: "p.yaml", text: "# profilelint-disable-next-line title-length, buzzwords -- the client asked for it\ntitle: x\n")
        let (directives, problems) = Suppressions.directives(in: file)
        #expect(problems.isEmpty)
        #expect(directives.count == 1)
        #expect(directives[0].kind == .disableNextLine)
        #expect(directives[0].ruleIDs.map(\.id) == ["title-length", "buzzwords"])
        #expect(directives[0].reason == "the client asked for it")
        let idRange = directives[0].ruleIDs[1].range
        #expect(file.position(ofByte: idRange.lowerBound) == SourcePosition(line: 1, column: 47))
    }

    @Test func disableNextLineSuppressesOnlyTheNextContentLine() {
        let text = """
            # profilelint-disable-next-line title-length -- long on purpose

            # another comment in between
            title: A very long title
            overview: also long
            """
        let file = SourceFile(path: "p.yaml", text: text)
        let onTitle = diagnostic("title-length", at: "A very", in: text)
        let otherRule = diagnostic("buzzwords", at: "A very", in: text)
        let nextLine = diagnostic("title-length", at: "also", in: text)
        let outcome = Suppressions.apply([onTitle, otherRule, nextLine], in: file, knownRuleIDs: known)
        #expect(outcome.suppressed == [onTitle])
        #expect(outcome.kept == [otherRule, nextLine])
        #expect(outcome.problems.isEmpty)
    }

    @Test func stackedNextLineCommentsAllApply() {
        let text = "# profilelint-disable-next-line title-length\n# profilelint-disable-next-line buzzwords\ntitle: x\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let a = diagnostic("title-length", at: "title: x", in: text)
        let b = diagnostic("buzzwords", at: "title: x", in: text)
        let outcome = Suppressions.apply([a, b], in: file, knownRuleIDs: known)
        #expect(outcome.kept.isEmpty)
        #expect(outcome.problems.isEmpty)
    }

    @Test func noIdMeansEveryRule() {
        let text = "# profilelint-disable-next-line\ntitle: x\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let outcome = Suppressions.apply([diagnostic("title-length", at: "title: x", in: text), diagnostic("buzzwords", at: "title: x", in: text)],
                                         in: file, knownRuleIDs: known)
        #expect(outcome.kept.isEmpty)
        #expect(outcome.suppressed.count == 2)
    }

    @Test func disableLineCoversItsOwnLine() {
        let text = "title: x  # profilelint-disable-line title-length\noverview: y\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let onLine = diagnostic("title-length", at: "title: x", in: text)
        let below = diagnostic("title-length", at: "y", in: text)
        let outcome = Suppressions.apply([onLine, below], in: file, knownRuleIDs: known)
        #expect(outcome.suppressed == [onLine])
        #expect(outcome.kept == [below])
    }

    @Test func blocksRunToTheMatchingEnableOrTheEnd() {
        let text = """
            title: before
            # profilelint-disable buzzwords
            overview: inside
            # profilelint-enable
            skills: after
            # profilelint-disable
            portfolio: to the end
            """
        let file = SourceFile(path: "p.yaml", text: text)
        let before = diagnostic("buzzwords", at: "before", in: text)
        let inside = diagnostic("buzzwords", at: "inside", in: text)
        let insideOther = diagnostic("title-length", at: "inside", in: text)
        let after = diagnostic("buzzwords", at: "after", in: text)
        let end = diagnostic("skills-limit", at: "to the end", in: text)
        let outcome = Suppressions.apply([before, inside, insideOther, after, end], in: file, knownRuleIDs: known)
        #expect(outcome.suppressed == [inside, end])
        #expect(outcome.kept == [before, insideOther, after])
        #expect(outcome.problems.isEmpty)
    }

    @Test func enablingOneIdKeepsTheOthersDisabled() {
        let text = """
            # profilelint-disable buzzwords, title-length
            a: one
            # profilelint-enable buzzwords
            b: two
            # profilelint-disable
            # profilelint-enable skills-limit
            c: three
            """
        let file = SourceFile(path: "p.yaml", text: text)
        let oneBuzz = diagnostic("buzzwords", at: "one", in: text)
        let oneTitle = diagnostic("title-length", at: "one", in: text)
        let twoBuzz = diagnostic("buzzwords", at: "two", in: text)
        let twoTitle = diagnostic("title-length", at: "two", in: text)
        let threeSkills = diagnostic("skills-limit", at: "three", in: text)
        let threeBuzz = diagnostic("buzzwords", at: "three", in: text)
        let outcome = Suppressions.apply([oneBuzz, oneTitle, twoBuzz, twoTitle, threeSkills, threeBuzz], in: file, knownRuleIDs: known)
        #expect(outcome.kept == [twoBuzz, threeSkills])
        #expect(outcome.suppressed == [oneBuzz, oneTitle, twoTitle, threeBuzz])
        #expect(outcome.problems.isEmpty)
    }

    @Test func unusedSuppressionsAreReportedAtTheComment() {
        let text = """
            # profilelint-disable-next-line title-length, buzzwords
            title: x
            # profilelint-disable-next-line
            overview: y
            # profilelint-enable
            """
        let file = SourceFile(path: "p.yaml", text: text)
        let outcome = Suppressions.apply([diagnostic("title-length", at: "title: x", in: text)], in: file, knownRuleIDs: known)
        #expect(outcome.kept.isEmpty)
        #expect(outcome.problems.map(\.ruleID) == ["unused-suppression", "unused-suppression", "unused-suppression"])
        #expect(outcome.problems.map(\.severity) == [.warning, .warning, .warning])
        #expect(outcome.problems.map(\.message) == [
            "'buzzwords' reports nothing here; remove it from this profilelint-disable-next-line comment",
            "this profilelint-disable-next-line comment suppresses nothing; remove it",
            "no rule is disabled here, so this profilelint-enable does nothing; remove it",
        ])
        #expect(outcome.problems.map { file.position(ofByte: $0.range.lowerBound) } == [
            SourcePosition(line: 1, column: 47), SourcePosition(line: 3, column: 1), SourcePosition(line: 5, column: 1),
        ])
    }

    @Test func unknownIdGetsADidYouMean() {
        let text = "# profilelint-disable-next-line titel-length\ntitle: x\n"
        let outcome = Suppressions.apply([], in: SourceFile(path: "p.yaml", text: text), knownRuleIDs: known)
        #expect(outcome.problems.map(\.message) == ["unknown rule id 'titel-length' in this profilelint-disable-next-line comment; did you mean 'title-length'?"])
    }

    @Test func disableNextLineAtTheEndSuppressesNothing() {
        let text = "title: x\n# profilelint-disable-next-line title-length\n"
        let outcome = Suppressions.apply([diagnostic("title-length", at: "title: x", in: text)], in: SourceFile(path: "p.yaml", text: text), knownRuleIDs: known)
        #expect(outcome.kept.count == 1)
        #expect(outcome.problems.count == 1)
    }

    @Test func malformedDirectivesAreInvalidSuppressions() {
        let text = "# profilelint-disable-nextline title-length\n# profilelint-disable Title Length\n# Profilelint-Enable\ntitle: x\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let (directives, problems) = Suppressions.directives(in: file)
        #expect(directives.isEmpty)
        #expect(problems.map(\.ruleID) == ["invalid-suppression", "invalid-suppression", "invalid-suppression"])
        #expect(problems[0].message == "unknown suppression comment 'profilelint-disable-nextline'; did you mean 'profilelint-disable-next-line'?")
        #expect(problems[1].message.hasPrefix("'Title' is not a rule id"))
        #expect(file.position(ofByte: problems[1].range.lowerBound) == SourcePosition(line: 2, column: 23))
        #expect(problems[2].message.hasPrefix("unknown suppression comment 'Profilelint-Enable'; did you mean 'profilelint-enable'?"))
    }

    @Test func ordinaryCommentsAndTextAreIgnored() {
        let text = "# just a note about profiles\n# profilelint runs in CI\noverview: |\n  # profilelint-disable\n  text\ntitle: \"# profilelint-disable\"\n"
        let (directives, problems) = Suppressions.directives(in: SourceFile(path: "p.yaml", text: text))
        #expect(directives.isEmpty)
        #expect(problems.isEmpty)
    }

    @Test func jsonProfilesHaveNoSuppressions() {
        let text = "{\"title\": \"x # profilelint-disable\"}"
        let file = SourceFile(path: "p.json", text: text)
        let finding = diagnostic("title-length", at: "title: x", in: text)
        let outcome = Suppressions.apply([finding], in: file, knownRuleIDs: known)
        #expect(outcome.kept == [finding])
        #expect(outcome.problems.isEmpty)
    }

    @Test func suppressionWarningsAreNotThemselvesSuppressed() {
        let text = "# profilelint-disable\ntitle: x\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let unused = Diagnostic(ruleID: BuiltInCheck.unusedSuppression.id, severity: .warning, message: "m", range: ByteRange(0, 1))
        let outcome = Suppressions.apply([unused], in: file, knownRuleIDs: known)
        #expect(outcome.kept == [unused])
        #expect(outcome.problems.count == 1)
    }

    @Test func aParseErrorCannotBeSuppressed() {
        let text = "# profilelint-disable parse-error\ntitle: [x\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let broken = Diagnostic(ruleID: BuiltInCheck.parseError.id, severity: .error, message: "m", range: ByteRange(35, 36))
        let outcome = Suppressions.apply([broken], in: file, knownRuleIDs: known)
        #expect(outcome.kept == [broken])
        #expect(outcome.suppressed.isEmpty)
        #expect(outcome.problems.map(\.message) == ["'parse-error' cannot be suppressed by a comment; remove it from this profilelint-disable comment"])
    }
}

/// Cross-checks the lexical comment scan against the YAML parser: no comment may start
/// inside a scalar the parser read, and every `#` the scan skipped outside scalars must be
/// one that YAML does not treat as a comment either (checked on tricky documents and the examples).
@Suite struct CommentScanAgreesWithTheParserTests {
    static let documents: [String] = [
        """
        title: "C# # and F#" # one
        overview: |
          # text, not a comment
            # deeper text
          last line # still text
        # two
        skills: ['a # b', "c", d#e] # three
        portfolio:
          - title: It's # four
            description: >-
              # folded text

              # more folded text
            url: https://example.com/a#b # five
          - |
            # list block text
        # six
        languages: [{name: English, level: "Native # speaker"}] # seven
        multi: "first
          # inside a multi-line string
          end" # eight
        """,
    ]

    /// Every scalar range in the tree.
    private func scalarRanges(_ node: Node) -> [ByteRange] {
        switch node.value {
        case .scalar: return [node.range]
        case .list(let items): return items.flatMap(scalarRanges)
        case .map(let entries): return entries.flatMap { [$0.keyRange] + scalarRanges($0.value) }
        }
    }

    private func check(_ file: SourceFile) throws {
        let root = try #require(try DocumentLoader.load(file, format: .yaml))
        let scalars = scalarRanges(root)
        let comments = YAMLComments.scan(file)
        for comment in comments {
            #expect(!scalars.contains { $0.lowerBound <= comment.range.lowerBound && comment.range.lowerBound < $0.upperBound },
                    "\(file.path): comment at \(file.position(ofByte: comment.range.lowerBound)) lies inside a scalar")
        }
        // A `#` after a space outside every scalar is a comment the scan must find.
        for index in file.bytes.indices where file.bytes[index] == UInt8(ascii: "#")
            && (index == 0 || file.bytes[index - 1] == UInt8(ascii: " ") || file.bytes[index - 1] == UInt8(ascii: "\n")) {
            let insideScalar = scalars.contains { $0.lowerBound <= index && index < $0.upperBound }
            let isComment = comments.contains { $0.range.lowerBound == index }
            #expect(insideScalar != isComment, "\(file.path): '#' at \(file.position(ofByte: index)) inside a scalar: \(insideScalar), found as comment: \(isComment)")
        }
    }

    @Test func trickyDocuments() throws {
        for (index, text) in Self.documents.enumerated() {
            let file = SourceFile(path: "tricky-\(index).yaml", text: text)
            try check(file)
            #expect(YAMLComments.scan(file).count == 8)
        }
    }

    @Test func exampleProfiles() throws {
        let directory = ConfigFixtures.repository.appendingPathComponent("examples").path
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".yaml") {
            let path = directory + "/" + name
            try check(SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        }
    }
}
