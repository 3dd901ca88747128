import Foundation
import Testing
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The lint result cache's entries and the rule set a replay reports with.
@Suite struct ResultCacheEntryTests {
    let key = String(repeating: "ab", count: 16)
    let payload = Array(#"{"diagnostics":[],"fits":[],"insights":[],"scores":{"completeness":87.5}}"#.utf8)

    @Test func anEntryGivesBackItsPayloadForItsKeyOnly() {
        let entry = ResultCache.entry(payload: payload, key: key)
        #expect(ResultCache.payload(of: entry, key: key).map(Array.init) == payload)
        #expect(ResultCache.payload(of: entry, key: String(repeating: "cd", count: 16)) == nil)
    }

    @Test func everyTruncationAndEveryFlippedBitIsAMiss() {
        let entry = ResultCache.entry(payload: payload, key: key)
        for length in 0..<entry.count {
            #expect(ResultCache.payload(of: Array(entry.prefix(length)), key: key) == nil, "truncated to \(length)")
        }
        #expect(ResultCache.payload(of: entry + [0], key: key) == nil, "a byte too many")
        for index in entry.indices {
            for bit in 0..<8 {
                var damaged = entry
                damaged[index] ^= 1 << bit
                #expect(ResultCache.payload(of: damaged, key: key) == nil, "bit \(bit) of byte \(index)")
            }
        }
    }

    @Test func findingsRoundTripThroughAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("result-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = ResultCache(directory: directory)
        let file = SourceFile(path: "p.yaml", text: "title: x\n")
        let diagnostic = Diagnostic(ruleID: "title-length", severity: .warning, message: "short", range: ByteRange(7, 8),
                                    fieldPath: "title", notes: [Note("n", range: ByteRange(0, 5))],
                                    fixes: [Fix(description: "d", edits: [TextEdit(range: ByteRange(7, 8), replacement: "y")])])
        let insight = SectionInsight(section: "profile", fieldPath: "", scores: ["keyword_coverage": 0.1 + 0.2],
                                     fit: FitPicture(fitSize: 2, corpusSize: 9, tags: [.init(display: "SQL", inFit: 2, inCorpus: 3, own: true)],
                                                     rate: 1.0 / 3, hourlyRanges: [.init(low: 5, high: 2)], currency: "USD",
                                                     categories: [.init(name: "Data", posts: 2)],
                                                     posts: [.init(title: "t", location: "jobs.csv:2", url: nil, score: 2.0 / 3)]))
        let result = LintResult(file: file, diagnostics: [diagnostic], scores: ["completeness": 100.0 / 7], insights: [insight])
        cache.write(ResultCache.Findings(result), key: key)
        let read = try #require(cache.read(key: key)).result(for: file)
        #expect(read.diagnostics == result.diagnostics)
        #expect(read.scores == result.scores)
        #expect(read.insights == result.insights)
        #expect(cache.read(key: String(repeating: "0", count: 32)) == nil)
    }

    /// Findings with every optional present and absent, every kind of value and text that
    /// needs care (empty, non-ASCII, NUL).
    static func sampleFindings() -> ResultCache.Findings {
        let file = SourceFile(path: "p.yaml", text: "title: x\n")
        let diagnostics = [
            Diagnostic(ruleID: "title-length", severity: .warning, message: "short ✓ \u{0}", range: ByteRange(7, 8),
                       fieldPath: "title", notes: [Note("n", range: ByteRange(0, 5)), Note("")],
                       fixes: [Fix(description: "d", edits: [TextEdit(range: ByteRange(7, 8), replacement: "y"),
                                                             TextEdit(range: ByteRange(0, 0), replacement: "")])]),
            Diagnostic(ruleID: "parse-error", severity: .error, message: "", range: ByteRange(0, 0)),
            Diagnostic(ruleID: "x", severity: .info, message: "m", range: ByteRange(Int.max - 1, Int.max)),
        ]
        let picture = FitPicture(fitSize: 2, corpusSize: 9,
                                 tags: [.init(display: "SQL", inFit: 2, inCorpus: 3, own: true, category: "Data"),
                                        .init(display: "Ünïcode", inFit: 0, inCorpus: 1, own: false)],
                                 rate: 1.0 / 3, hourlyRanges: [.init(low: 5, high: 2), .init(low: -0.0, high: .infinity)],
                                 currency: nil, freelancerRates: true, categories: [.init(name: "Data", posts: 2)],
                                 posts: [.init(title: "t", location: "jobs.csv:2", url: nil, score: 2.0 / 3),
                                         .init(title: "", location: "", url: "https://example.com/a", score: -1)])
        let insights = [SectionInsight(section: "profile", fieldPath: "", scores: ["keyword_coverage": 0.1 + 0.2, "b": 0], fit: picture),
                        SectionInsight(section: "specialized profile 1", fieldPath: "specialized_profiles[0]", scores: [:], fit: nil)]
        let fits = [FitReport(section: "profile", fitting: 3, corpusPosts: 7, enough: false, minimum: 5, criterion: "c",
                              posts: [.init(path: "jobs.csv", line: 4, id: nil, url: "u", title: "T", score: 0.5, tagShare: nil, wordScore: 0.25),
                                      .init(path: "j.csv", line: 1, id: "42", url: nil, title: "", score: 1, tagShare: 0.75, wordScore: 0)])]
        return ResultCache.Findings(LintResult(file: file, diagnostics: diagnostics, scores: ["completeness": 100.0 / 7, "z": .nan],
                                               insights: insights, fits: fits))
    }

    @Test func theBinaryCodecRoundTripsEveryField() throws {
        let findings = Self.sampleFindings()
        let bytes = findings.encoded
        #expect(bytes == Self.sampleFindings().encoded, "the same findings give the same bytes")
        let file = SourceFile(path: "p.yaml", text: "title: x\n")
        let decoded = try #require(ResultCache.Findings(decoding: bytes[...])).result(for: file)
        let original = findings.result(for: file)
        #expect(decoded.diagnostics == original.diagnostics)
        #expect(decoded.scores.keys.sorted() == original.scores.keys.sorted())
        #expect(decoded.scores["completeness"] == original.scores["completeness"])
        #expect(decoded.scores["z"]?.isNaN == true)
        #expect(decoded.insights == original.insights)
        #expect(decoded.fits == original.fits)
        #expect(decoded.fits.first?.share == original.fits.first?.share)
    }

    @Test func everyCutOfAPayloadDecodesToNothing() {
        let bytes = Self.sampleFindings().encoded
        for length in 0..<bytes.count {
            #expect(ResultCache.Findings(decoding: bytes[..<length]) == nil, "cut at \(length)")
        }
        #expect(ResultCache.Findings(decoding: (bytes + [0])[...]) == nil, "a byte too many")
        // Without the entry's checksum a changed byte may still decode; it must never trap.
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0xFF
            _ = ResultCache.Findings(decoding: changed[...])
        }
    }

    @Test func ruleFactsRoundTripBesideTheFindings() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("result-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = ResultCache(directory: directory)
        var rule = try Self.skillsMaxRule(id: "skills-max")
        rule.severity = .info
        rule.helpURI = "https://example.com/skills-max"
        rule.howToFix = "Remove a skill."
        let catalog = RuleCatalog(try RuleSet(rules: [rule, try Self.skillsMaxRule(id: "other")]))
        #expect(catalog.entries.map(\.severity) == [.info, .warning])
        cache.writeRules(catalog, sessionKey: key)
        #expect(cache.readRules(sessionKey: key) == catalog)
        #expect(cache.readRules(sessionKey: String(repeating: "cd", count: 16)) == nil)
        #expect(cache.read(key: key) == nil, "rule facts are not findings")
        #expect(cache.entries().count == 1)
        let path = cache.path(forKey: key, prefix: ResultCache.rulesPrefix)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 1] ^= 0x04
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(cache.readRules(sessionKey: key) == nil, "a damaged rule entry is a miss")
        #expect(cache.clean().removed == 1)
    }

    @Test func pruningKeepsTheNewestEntries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("result-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = ResultCache(directory: directory)
        let file = SourceFile(path: "p.yaml", text: "title: x\n")
        let keys = (0..<5).map { String(repeating: String($0), count: 32) }
        for (index, key) in keys.enumerated() {
            cache.write(ResultCache.Findings(LintResult(file: file, diagnostics: [])), key: key)
            let date = Date(timeIntervalSince1970: Double(1_000_000 + index))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: cache.path(forKey: key))
        }
        try Data("other".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
        cache.prune(maxEntries: 2)
        #expect(keys.map { cache.read(key: $0) != nil } == [false, false, false, true, true])
        #expect(FileManager.default.fileExists(atPath: directory + "/notes.txt"))
        #expect(cache.clean().removed == 2)
        #expect(FileManager.default.fileExists(atPath: directory + "/notes.txt"))
    }

    @Test func aTreeListsEveryVisibleEntryAndSeesEdits() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tree-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/nested", withIntermediateDirectories: true)
        try Data("a".utf8).write(to: URL(fileURLWithPath: directory + "/nested/jobs.csv"))
        try Data("h".utf8).write(to: URL(fileURLWithPath: directory + "/.hidden.csv"))
        try FileManager.default.createSymbolicLink(atPath: directory + "/nested/loop", withDestinationPath: directory)
        let before = try #require(FileIdentity.tree(directory))
        #expect(before.map(\.path) == [directory, directory + "/nested", directory + "/nested/jobs.csv", directory + "/nested/loop"])
        try Data("ab".utf8).write(to: URL(fileURLWithPath: directory + "/nested/jobs.csv"))
        let after = try #require(FileIdentity.tree(directory))
        #expect(after[2].identity != before[2].identity)
        #expect(FileIdentity.tree(directory + "/missing") == nil)
    }

    /// A `count` rule allowing two skills.
    private static func skillsMaxRule(id: String) throws -> Rule {
        try RuleLoader.load(SourceFile(path: "r.yml", text: """
            id: \(id)
            kind: count
            applies_to: [profile]
            field: skills
            max: 2
            severity: warning
            message: "{count} skills"
            rationale: r
            """))
    }

    @Test func aDescribedRuleSetBuildsEachCheckOnFirstUse() throws {
        let rule = try Self.skillsMaxRule(id: "skills-max")
        let described = RuleSet.describing([rule, rule], skillAliases: nil)
        #expect(described.entries.map(\.rule.id) == ["skills-max"])
        let built = try RuleSet(rules: [rule])
        let file = SourceFile(path: "p.yaml", text: "skills: [a, b, c]\n")
        #expect(Linter(ruleSet: described).lint(file).diagnostics == Linter(ruleSet: built).lint(file).diagnostics)
        #expect(Linter(ruleSet: described).lint(file).diagnostics.count == 1)
    }

    @Test func aCheckThatDoesNotBuildIsReportedAsTheRulesFailure() throws {
        var rule = try Self.skillsMaxRule(id: "odd-rule")
        rule.kind = "no-such-kind"
        let diagnostics = Linter(ruleSet: RuleSet.describing([rule], skillAliases: nil))
            .lint(SourceFile(path: "p.yaml", text: "skills: [a]\n")).diagnostics
        #expect(diagnostics.map(\.message) == ["rule 'odd-rule' failed: unknown check kind 'no-such-kind'"])
        #expect(diagnostics.map(\.severity) == [.error])
    }
}
