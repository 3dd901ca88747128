import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

private func edit(_ lower: Int, _ upper: Int, _ replacement: String) -> TextEdit {
    TextEdit(range: ByteRange(lower, upper), replacement: replacement)
}

private func fix(_ edits: TextEdit...) -> Fix {
    Fix(description: "test fix", edits: edits)
}

@Suite struct FixApplierTests {
    @Test func appliesEditsAndKeepsEveryOtherByte() {
        let text = "# keep me\r\ntitle:  'Data  Engineer'   # and me\r\nskills: [sql, SQL]\r\n"
        let bytes = Array(text.utf8)
        let doubleSpace = text.utf8.count - text[text.range(of: "Data  ")!.upperBound...].utf8.count - 2
        let duplicate = text.utf8.count - text[text.range(of: ", SQL")!.lowerBound...].utf8.count
        let outcome = FixApplier.apply([
            fix(edit(doubleSpace, doubleSpace + 2, " ")),
            fix(edit(duplicate, duplicate + 5, "")),
        ], to: bytes)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "# keep me\r\ntitle:  'Data Engineer'   # and me\r\nskills: [sql]\r\n")
        #expect(outcome.applied.count == 2)
        #expect(outcome.deferred.isEmpty)
    }

    @Test func overlappingFixesAreDeferredInOrder() {
        let bytes = Array("abcdef".utf8)
        let first = fix(edit(1, 3, "X"))
        let overlapping = fix(edit(2, 4, "Y"))
        let touching = fix(edit(3, 4, "Z"))
        let outcome = FixApplier.apply([first, overlapping, touching], to: bytes)
        #expect(outcome.applied == [first, touching])
        #expect(outcome.deferred == [overlapping])
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "aXZef")
    }

    @Test func aFixIsAllOrNothing() {
        let bytes = Array("abcdef".utf8)
        let taken = fix(edit(0, 1, "A"))
        let partlyOverlapping = fix(edit(0, 1, "Q"), edit(4, 5, "E"))
        let outcome = FixApplier.apply([taken, partlyOverlapping], to: bytes)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "Abcdef")
        #expect(outcome.deferred == [partlyOverlapping])
    }

    @Test func insertionsAndIdenticalFixes() {
        let bytes = Array("abc".utf8)
        // An insertion at a replaced range's end goes after it; at its start, before it.
        let outcome = FixApplier.apply([fix(edit(1, 2, "B")), fix(edit(2, 2, "+")), fix(edit(1, 1, "-")), fix(edit(1, 2, "B"))], to: bytes)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "a-B+c")
        #expect(outcome.applied.count == 3)
        // Two insertions at one place would have no defined order: the second waits.
        let same = FixApplier.apply([fix(edit(1, 1, "x")), fix(edit(1, 1, "y"))], to: bytes)
        #expect(String(decoding: same.bytes, as: UTF8.self) == "axbc")
        #expect(same.deferred.count == 1)
        // An insertion inside a replaced range conflicts.
        #expect(FixApplier.overlaps(ByteRange(2, 2), ByteRange(1, 3)))
        #expect(!FixApplier.overlaps(ByteRange(1, 1), ByteRange(1, 3)))
        #expect(!FixApplier.overlaps(ByteRange(0, 2), ByteRange(2, 4)))
    }

    @Test func invalidFixesAreSkipped() {
        let bytes = Array("é!".utf8)  // é is two bytes
        let outside = fix(edit(1, 9, ""))
        let cutsCharacter = fix(edit(1, 2, "e"))
        let selfOverlapping = fix(edit(0, 2, "e"), edit(1, 3, ""))
        let empty = Fix(description: "nothing", edits: [])
        let outcome = FixApplier.apply([outside, cutsCharacter, selfOverlapping, empty], to: bytes)
        #expect(outcome.invalid == [outside, cutsCharacter, selfOverlapping, empty])
        #expect(outcome.bytes == bytes)
        #expect(FixApplier.apply([fix(edit(0, 2, "e"))], to: bytes).bytes == Array("e!".utf8))
    }
}

/// A stand-in linter: one diagnostic (with a fix to one space) per pair of adjacent spaces
/// after the first non-space character of a line, overlapping pairs included.
private func doubleSpaceLint(_ file: SourceFile) -> LintResult {
    var diagnostics: [Diagnostic] = []
    for line in 0..<file.lineCount {
        let range = file.lineContentRange(line)
        guard let firstText = (range.lowerBound..<range.upperBound).first(where: { file.bytes[$0] != UInt8(ascii: " ") }) else { continue }
        for index in firstText..<max(firstText, range.upperBound - 1) where file.bytes[index] == UInt8(ascii: " ") && file.bytes[index + 1] == UInt8(ascii: " ") {
            diagnostics.append(Diagnostic(ruleID: "double-space", severity: .warning, message: "two spaces", range: ByteRange(index, index + 2),
                                          fixes: [fix(edit(index, index + 2, " "))]))
        }
    }
    return LintResult(file: file, diagnostics: diagnostics)
}

@Suite struct FixLoopTests {
    @Test func repeatsUntilNoFixAppliesAndASecondRunChangesNothing() {
        let file = SourceFile(path: "p.yaml", text: "# a  comment\ntitle: Data    Engineer\n  nested:   x\n")
        let first = FixApplier.fixRepeatedly(file, lint: doubleSpaceLint)
        #expect(first.fixed.text == "# a comment\ntitle: Data Engineer\n  nested: x\n")
        #expect(first.passes == 2)  // four spaces: pairs 0 and 2 in pass one, the rest in pass two
        #expect(first.appliedCount == 6)
        #expect(first.result.diagnostics.isEmpty)
        #expect(first.changed)
        let second = FixApplier.fixRepeatedly(first.fixed, lint: doubleSpaceLint)
        #expect(!second.changed)
        #expect(second.passes == 0)
        #expect(second.fixed.bytes == first.fixed.bytes)
    }

    @Test func passesAreBounded() {
        let grow = { (file: SourceFile) in
            LintResult(file: file, diagnostics: [Diagnostic(ruleID: "grow", severity: .info, message: "m", range: ByteRange(0, 0),
                                                            fixes: [fix(edit(file.bytes.count, file.bytes.count, "x"))])])
        }
        let result = FixApplier.fixRepeatedly(SourceFile(path: "p.yaml", text: ""), maxPasses: 4, lint: grow)
        #expect(result.passes == 4)
        #expect(result.fixed.text == "xxxx")
        #expect(FixApplier.fixRepeatedly(SourceFile(path: "p.yaml", text: ""), lint: grow).fixed.text.count == FixApplier.defaultMaxPasses)
    }

    @Test func stopsWhenFixesWouldCycle() {
        let toggle = { (file: SourceFile) in
            let replacement = file.text.hasPrefix("a") ? "b" : "a"
            return LintResult(file: file, diagnostics: [Diagnostic(ruleID: "toggle", severity: .info, message: "m", range: ByteRange(0, 1),
                                                                   fixes: [fix(edit(0, 1, replacement))])])
        }
        let result = FixApplier.fixRepeatedly(SourceFile(path: "p.yaml", text: "a"), lint: toggle)
        #expect(result.passes == 1)
        #expect(result.fixed.text == "b")
    }

    @Test func alternativesAreNotAppliedAutomatically() {
        let choices = { (file: SourceFile) in
            LintResult(file: file, diagnostics: [Diagnostic(ruleID: "word", severity: .info, message: "m", range: ByteRange(0, 7),
                                                            fixes: [fix(edit(0, 7, "use")), fix(edit(0, 7, "apply"))])])
        }
        let result = FixApplier.fixRepeatedly(SourceFile(path: "p.yaml", text: "utilize"), lint: choices)
        #expect(!result.changed)
        #expect(result.result.diagnostics.count == 1)
    }
}

@Suite struct SessionFixTests {
    private func session(_ configuration: String? = nil) throws -> LintSession {
        let built = try ConfigFixtures.build(ConfigFixtures.rulesDirectory)
        #expect(built.session.ruleSet.skillAliases != nil)
        return try LintSession(rules: built.rules, skillAliases: built.session.ruleSet.skillAliases,
                               configuration: configuration.map { try ConfigLoader.load(SourceFile(path: ".profilelint.yml", text: $0)) })
    }

    @Test func removesDuplicateSkillsAndKeepsEverythingElse() throws {
        let text = """
            # keep this comment
            title: 'Front-end Developer'   # and this one
            skills: [React, "TypeScript", ReactJS, react]
            specialized_profiles:
              - skills:
                  - Storybook
                  - storybook
                  - Vue
            """
        let result = try session().fix(SourceFile(path: "p.yaml", text: text))
        #expect(result.fixed.text == """
            # keep this comment
            title: 'Front-end Developer'   # and this one
            skills: [React, "TypeScript"]
            specialized_profiles:
              - skills:
                  - Storybook
                  - Vue
            """)
        #expect(result.appliedCount == 3)
        #expect(result.passes == 1)
        #expect(result.result.diagnostics.isEmpty)
        // A second run finds nothing to fix.
        let again = try session().fix(result.fixed)
        #expect(!again.changed)
        #expect(again.fixed.bytes == result.fixed.bytes)
    }

    @Test func suppressedAndDisabledFindingsAreNotFixed() throws {
        let text = "# profilelint-disable-next-line skills-unique\nskills: [React, ReactJS]\n"
        let suppressed = try session().fix(SourceFile(path: "p.yaml", text: text))
        #expect(!suppressed.changed)
        #expect(suppressed.result.diagnostics.isEmpty)
        let off = try session("rules: {skills-unique: off}\n").fix(SourceFile(path: "p.yaml", text: "skills: [React, ReactJS]\n"))
        #expect(!off.changed)
    }

    @Test func jsonProfilesAreFixedToo() throws {
        let result = try session().fix(SourceFile(path: "p.json", text: "{\n  \"skills\": [\"React\", \"react\", \"Vue\"]\n}\n"))
        #expect(result.fixed.text == "{\n  \"skills\": [\"React\", \"Vue\"]\n}\n")
    }
}

@Suite struct AtomicFileWriterTests {
    @Test func replacesContentKeepingPermissionsAndLinks() throws {
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/profile.yaml"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let link = directory + "/link.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "profile.yaml")

        try AtomicFileWriter.write(Array("new\n".utf8), to: link)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "profile.yaml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.yaml", "profile.yaml"])
    }

    @Test func failureIsReportedAndLeavesNoTemporaryFile() throws {
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write([1], to: "/nonexistent-dir/p.yaml") }
    }
}

/// Runs a tool and returns its standard output.
private func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct UnifiedDiffTests {
    static let lines = (1...30).map { "line \($0)\n" }.joined()

    /// (old, new) pairs covering the shapes a diff can take.
    static let cases: [(String, String)] = [
        (lines, lines.replacingOccurrences(of: "line 5\n", with: "line five\n")),
        (lines, lines.replacingOccurrences(of: "line 2\n", with: "").replacingOccurrences(of: "line 27\n", with: "line 27\nextra\n")),
        (lines, lines.replacingOccurrences(of: "line 10\n", with: "ten\n").replacingOccurrences(of: "line 15\n", with: "fifteen\n")),
        ("a\nb\nc", "a\nb\nc\n"),
        ("a\nb\nc\n", "a\nB\nc"),
        ("", "new\nfile\n"),
        ("gone\n", ""),
        ("x: 1\r\ny: 2\r\n", "x: 1\r\ny: 3\r\n"),
        ("a\na\na\nb\n", "a\nb\na\nb\n"),
        (lines, "start\n" + lines + "end\n"),
        // CR-only line ends: `patch` and GNU diff see one line, ended by no newline.
        ("x: 1\ry: 2\rz: 3\r", "x: 1\ry: 3\rz: 3\r"),
        ("x: 1\ry: 2", "x: 1\ry: 3"),
        ("a\nb: 1\rc: 2\rd\n", "a\nb: 1\rc: 3\rd\n"),
    ]

    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.make(old: Array("a\n".utf8), new: Array("a\n".utf8), oldLabel: "a", newLabel: "b") == "")
    }

    @Test func formatOfASimpleChange() {
        let diff = UnifiedDiff.make(old: Array("a\nb\nc\n".utf8), new: Array("a\nB\nc\n".utf8), oldLabel: "a/p.yaml", newLabel: "b/p.yaml")
        #expect(diff == "--- a/p.yaml\n+++ b/p.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    }

    /// Whatever follows the diff on standard output starts on a line of its own.
    @Test(arguments: cases.indices)
    func diffEndsWithANewline(_ index: Int) {
        let (old, new) = Self.cases[index]
        let diff = UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a", newLabel: "b")
        #expect(diff.utf8.last == UInt8(ascii: "\n"), "\(diff.debugDescription)")
    }

    @Test(arguments: cases.indices)
    func patchReproducesTheNewText(_ index: Int) throws {
        let (old, new) = Self.cases[index]
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try old.write(toFile: directory + "/old.txt", atomically: true, encoding: .utf8)
        let diff = UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "old.txt", newLabel: "old.txt")
        try diff.write(toFile: directory + "/change.diff", atomically: true, encoding: .utf8)
        let patched = try run(["patch", "--quiet", "--binary", "-o", "out.txt", "old.txt", "change.diff"], in: directory)
        #expect(patched.status == 0, "\(patched.output)\n\(diff)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/out.txt")) == Data(new.utf8), "\(diff)")
    }

    /// Where several shortest scripts exist (case 8: repeated lines) GNU diff may pick
    /// another; both are checked by `patchReproducesTheNewText`, and here only unique ones.
    @Test(arguments: cases.indices.filter { $0 != 8 })
    func hunksMatchGNUDiff(_ index: Int) throws {
        let (old, new) = Self.cases[index]
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try old.write(toFile: directory + "/old.txt", atomically: true, encoding: .utf8)
        try new.write(toFile: directory + "/new.txt", atomically: true, encoding: .utf8)
        let expected = try run(["diff", "-u", "--label", "a", "--label", "b", "old.txt", "new.txt"], in: directory).output
        let diff = UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a", newLabel: "b")
        #expect(diff == expected, "\(diff)\nvs\n\(expected)")
    }

    /// Pseudo-random edits of a text with many repeated lines: `patch` must rebuild the new
    /// text, and the script must be as short as `diff --minimal`'s.
    @Test func randomEditsAreMinimalAndPatchable() throws {
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for round in 0..<25 {
            let old = (0..<(5 + next(60))).map { _ in "w\(next(6))" }
            var new = old
            for _ in 0..<(1 + next(8)) {
                switch next(3) {
                case 0 where !new.isEmpty: new.remove(at: next(new.count))
                case 1: new.insert("n\(next(4))", at: next(new.count + 1))
                default: if !new.isEmpty { new[next(new.count)] = "c\(next(4))" }
                }
            }
            let oldText = old.map { $0 + "\n" }.joined()
            let newText = new.map { $0 + "\n" }.joined()
            try oldText.write(toFile: directory + "/old.txt", atomically: true, encoding: .utf8)
            try newText.write(toFile: directory + "/new.txt", atomically: true, encoding: .utf8)
            let diff = UnifiedDiff.make(old: Array(oldText.utf8), new: Array(newText.utf8), oldLabel: "old.txt", newLabel: "old.txt")
            try diff.write(toFile: directory + "/change.diff", atomically: true, encoding: .utf8)
            let patched = try run(["patch", "--quiet", "-o", "out.txt", "old.txt", "change.diff"], in: directory)
            #expect(patched.status == 0, "round \(round)")
            #expect(try String(contentsOfFile: directory + "/out.txt", encoding: .utf8) == newText, "round \(round)")
            try? FileManager.default.removeItem(atPath: directory + "/out.txt")
            let oracle = try run(["diff", "--minimal", "-u", "old.txt", "new.txt"], in: directory).output
            let changedLines = { (text: String) in
                text.split(separator: "\n").filter { ($0.hasPrefix("+") && !$0.hasPrefix("+++")) || ($0.hasPrefix("-") && !$0.hasPrefix("---")) }.count
            }
            #expect(changedLines(diff) == changedLines(oracle), "round \(round)\n\(diff)\nvs\n\(oracle)")
        }
    }
}
