import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A diagnostic of `ruleID` on the first occurrence of `needle` in `file`.
private func finding(_ ruleID: String, _ needle: String, field: String, in file: SourceFile) -> Diagnostic {
    let text = file.text
    let start = text.utf8.count - (text.range(of: needle).map { text[$0.lowerBound...].utf8.count } ?? 0)
    return Diagnostic(ruleID: ruleID, severity: .warning, message: "message \(Int.random(in: 0...9))",
                      range: ByteRange(start, start + needle.utf8.count), fieldPath: field)
}

@Suite struct BaselineTests {
    let original = SourceFile(path: "profiles/p.yaml", text: "title: Rockstar ninja\nskills: [SQL, SQL, SQL]\n")

    @Test func entriesSurviveLineShiftsAndIgnoreMessages() {
        let before = [finding("buzzwords", "Rockstar", field: "title", in: original)]
        let baseline = Baseline.recording([LintResult(file: original, diagnostics: before)], directory: "profiles")
        let shifted = SourceFile(path: "profiles/p.yaml", text: "# new comment\n\n\ntitle: Rockstar ninja\nskills: [SQL, SQL, SQL]\n")
        let after = [finding("buzzwords", "Rockstar", field: "title", in: shifted)]
        #expect(after[0].range != before[0].range)
        let outcome = baseline.apply(after, in: shifted)
        #expect(outcome.kept.isEmpty)
        #expect(outcome.acceptedCount == 1)
    }

    @Test func newFindingsAndChangedTextAreReported() {
        let baseline = Baseline.recording([LintResult(file: original, diagnostics: [finding("buzzwords", "Rockstar", field: "title", in: original)])],
                                          directory: "profiles")
        let edited = SourceFile(path: "profiles/p.yaml", text: "title: Guru ninja\nskills: [SQL, SQL, SQL]\n")
        let changedText = finding("buzzwords", "Guru", field: "title", in: edited)
        let otherRule = finding("title-length", "Guru", field: "title", in: edited)
        let outcome = baseline.apply([changedText, otherRule], in: edited)
        #expect(outcome.kept == [changedText, otherRule])
    }

    @Test func matchingIsCountAware() {
        // Two duplicates recorded; three now: one is new.
        let twoDuplicates = SourceFile(path: "profiles/p.yaml", text: "skills: [SQL, SQL, SQL]\n")
        let first = Diagnostic(ruleID: "skills-unique", severity: .warning, message: "m", range: ByteRange(14, 17), fieldPath: "skills")
        let second = Diagnostic(ruleID: "skills-unique", severity: .warning, message: "m", range: ByteRange(19, 22), fieldPath: "skills")
        let baseline = Baseline.recording([LintResult(file: twoDuplicates, diagnostics: [first])], directory: "profiles")
        #expect(baseline.counts.values.reduce(0, +) == 1)
        let outcome = baseline.apply([first, second], in: twoDuplicates)
        #expect(outcome.kept == [second])
        #expect(outcome.acceptedCount == 1)
        // Recording both gives a count of 2 for one key.
        let both = Baseline.recording([LintResult(file: twoDuplicates, diagnostics: [first, second])], directory: "profiles")
        #expect(Array(both.counts.values) == [2])
        #expect(both.apply([first, second], in: twoDuplicates).kept.isEmpty)
    }

    @Test func keysUsePathsRelativeToTheBaselineAndTheFirstLineOfText() {
        let file = SourceFile(path: "profiles/p.yaml", text: "overview: |\n  Line one   \n  Line two\n")
        let whole = Diagnostic(ruleID: "overview-length", severity: .info, message: "m", range: ByteRange(10, file.bytes.count), fieldPath: "overview")
        let baseline = Baseline(directory: ".")
        let key = baseline.key(for: whole, in: file)
        #expect(key.file == "profiles/p.yaml")
        #expect(key.text == "|")
        let inner = Diagnostic(ruleID: "r", severity: .info, message: "m", range: ByteRange(14, file.bytes.count), fieldPath: "overview")
        #expect(baseline.key(for: inner, in: file).text == "Line one")
        #expect(Baseline(directory: "profiles").key(for: inner, in: file).file == "p.yaml")
        #expect(Baseline(directory: "elsewhere").key(for: inner, in: file).file == "../profiles/p.yaml")
    }

    @Test func longTextIsCutAtACharacterBoundary() {
        let text = "title: " + String(repeating: "é", count: 150) + "\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let diagnostic = Diagnostic(ruleID: "r", severity: .info, message: "m", range: ByteRange(7, file.bytes.count - 1))
        let key = Baseline(directory: ".").key(for: diagnostic, in: file)
        #expect(key.text == String(repeating: "é", count: 100))
    }

    @Test func roundTripsThroughItsFile() throws {
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = SourceFile(path: directory + "/p.yaml", text: "title: \"Quote \\\" and / slash\"\nskills: [SQL, SQL]\n")
        let diagnostics = [
            finding("buzzwords", "\"Quote \\\" and / slash\"", field: "title", in: file),
            finding("skills-unique", "SQL", field: "skills[1]", in: file),
        ]
        let baseline = Baseline.recording([LintResult(file: file, diagnostics: diagnostics)], directory: directory)
        let path = directory + "/baseline.json"
        try baseline.write(to: path)
        let loaded = try Baseline.load(path: path)
        #expect(loaded == baseline)
        #expect(loaded.apply(diagnostics, in: file).kept.isEmpty)
        let json = try String(contentsOfFile: path, encoding: .utf8)
        #expect(json.contains("\"version\" : 1"))
        #expect(json.contains("\"file\" : \"p.yaml\""))
        #expect(json.hasSuffix("}\n"))
        // The encoding is stable: writing again gives the same bytes.
        #expect(loaded.encoded() == json)
        // Python's json module reads it and sees the same entries.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import json,sys; d=json.load(open(sys.argv[1])); print(d['version'], sorted((e['rule'], e['text'], e['count']) for e in d['entries']))", path]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        python.waitUntilExit()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed == "1 [('buzzwords', '\"Quote \\\\\" and / slash\"', 1), ('skills-unique', 'SQL', 1)]\n")
    }

    @Test func malformedFilesAreLocatedErrors() throws {
        func error(_ json: String) -> RuleFileError? {
            do {
                _ = try Baseline.load(SourceFile(path: "b.json", text: json))
                return nil
            } catch {
                return error
            }
        }
        #expect(error("{\"version\": 2, \"entries\": []}")?.message == "unsupported baseline version 2; this profilelint reads version 1")
        #expect(error("{\"entries\": []}")?.message == "the baseline file has no 'version'")
        #expect(error("[]")?.message.contains("must be a JSON object") == true)
        let misspelt = try #require(error("{\"version\": 1, \"entries\": [\n  {\"file\": \"p.yaml\", \"rule\": \"r\", \"fiel\": \"title\", \"text\": \"x\"}\n]}"))
        #expect(misspelt.message == "unknown baseline key 'fiel'; did you mean 'field'?")
        #expect(misspelt.position == SourcePosition(line: 2, column: 35))
        #expect(error("{\"version\": 1, \"entries\": [{\"file\": \"p\", \"rule\": \"r\", \"field\": \"f\", \"text\": \"t\", \"count\": 0}]}")?.message
            == "'count' must be a whole number of at least 1")
        #expect(error("{\"version\": 1, \"entries\": [{\"file\": \"p\", \"rule\": \"r\", \"field\": \"f\"}]}")?.message == "the baseline entry has no 'text'")
        #expect(error("{\"version\": 1, \"entries\": [{\"file\": \"p\", \"rule\": \"r\", \"field\": \"f\", \"text\": 3}]}")?.message == "'text' must be a string")
        #expect(error("{\"version\": 1, \"entries\": []}") == nil)
        #expect(throws: RuleFileError.self) { try Baseline.load(path: "/nonexistent/baseline.json") }
        #expect(error("{\"version\": 1, \"entries\": [{\"file\": \"p\", \"rule\": \"r\", \"field\": \"f\", \"text\": \"t\", \"count\": 99999999999999999999}]}")?.message
            == "'count' 99999999999999999999 is too large; the largest accepted is 9223372036854775807")
    }

    /// Counts of one key add up; past the largest integer they stay there instead of trapping.
    @Test func countsThatAddPastTheLargestIntegerSaturate() throws {
        let entry = "{\"file\": \"p.yaml\", \"rule\": \"r\", \"field\": \"f\", \"text\": \"t\", \"count\": "
        let json = "{\"version\": 1, \"entries\": [\(entry)9223372036854775807}, \(entry)1}, \(entry)5}]}"
        let baseline = try Baseline.load(SourceFile(path: "b.json", text: json))
        #expect(baseline.counts.values.sorted() == [Int.max])
    }
}
