import Foundation
import Testing
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules
@testable import ProfileText

/// The rule pack compiled into the binary is exactly `rules/` (regenerate with
/// `scripts/generate-rule-pack` after changing a rule file).
@Suite struct BuiltInRulePackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func matchesTheRulesDirectory() throws {
        let onDisk = try RulePack.directory(Self.root.appendingPathComponent("rules").path)
        let names = onDisk.files.map { ($0.path as NSString).lastPathComponent }
        #expect(BuiltInRulePack.files.map(\.name) == names,
                "rules/ and the built-in pack list different files: run scripts/generate-rule-pack")
        for (file, builtIn) in zip(onDisk.files, BuiltInRulePack.files) {
            let same = file.bytes == Array(builtIn.text.utf8)
            #expect(same,
                    "\(builtIn.name) differs from rules/\(builtIn.name): run scripts/generate-rule-pack")
        }
    }

    /// The trees compiled in are what the YAML loader reads from rules/ today, ranges and
    /// span maps included (compared through their generated source, which spells every field).
    @Test func parsedTreesMatchTheRulesDirectory() throws {
        for builtIn in BuiltInRulePack.files {
            let path = Self.root.appendingPathComponent("rules").appendingPathComponent(builtIn.name).path
            guard case .success(let file) = BoundedRead.sourceFile(path: path) else {
                Issue.record("cannot read rules/\(builtIn.name)")
                continue
            }
            let parsed = try DocumentLoader.load(file, format: .yaml)
            #expect(parsed.map { NodeLiteral.source($0) } == builtIn.tree.map { NodeLiteral.source($0) },
                    "the tree of \(builtIn.name) differs from rules/\(builtIn.name): run scripts/generate-rule-pack")
        }
        #expect(RulePack.builtIn.parsedTrees.count == BuiltInRulePack.files.count)
    }

    /// Built-in `pattern` rules compile their expression only when a text may match it, so
    /// each must compile (a user's rule file compiles its pattern when it loads).
    @Test func builtInPatternsCompileAndWaitForAText() throws {
        let rules = try RulePack.load([RulePack.builtIn]).rules.filter { $0.kind == PatternCheck.name }
        #expect(!rules.isEmpty)
        for rule in rules {
            let check = try PatternCheck(rule: rule)
            #expect(!check.expression.isCompiled, "\(rule.id) compiled its pattern when it loaded")
            _ = try UserPattern(check.expression.pattern, caseInsensitive: check.expression.caseInsensitive)
        }
        let user = try PatternCheck(rule: KindHarness.rule("kind: pattern\nfield: title\npattern: \"[A-Z]{3}\""))
        #expect(user.expression.isCompiled)
    }

    @Test func loadsTheSameRulesAndAliasesAsTheDirectory() throws {
        let builtIn = try RulePack.load([RulePack.builtIn])
        let onDisk = try RulePack.load([RulePack.directory(Self.root.appendingPathComponent("rules").path)])
        #expect(builtIn.rules.count == onDisk.rules.count)
        #expect(builtIn.rules.map(\.id) == onDisk.rules.map(\.id))
        #expect(builtIn.rules.allSatisfy { $0.file.path.hasPrefix(BuiltInRulePack.pathPrefix) })
        #expect(builtIn.skillAliases != nil)
        #expect(builtIn.skillAliases?.canonical(for: "ReactJS") == onDisk.skillAliases?.canonical(for: "ReactJS"))
    }

    /// The built-in pack loads without the checks that only look for mistakes (`isBuiltIn`);
    /// with them it finds none and loads the same rules, field for field.
    @Test func loadsTheSameRulesWithAndWithoutValidation() throws {
        let pack = RulePack.builtIn
        let onDisk = try RulePack.directory(Self.root.appendingPathComponent("rules").path)
        #expect(pack.isBuiltIn && !onDisk.isBuiltIn)
        let checked = try pack.ruleFiles.map { file throws in try RuleLoader.load(file, root: pack.root(of: file), validating: true) }
        let trusted = try RulePack.load([pack]).rules
        #expect(checked.count == BuiltInRulePack.files.count - 1)  // one alias file
        #expect(checked.count == trusted.count)
        for (one, other) in zip(checked, trusted) {
            #expect(one.id == other.id && one.kind == other.kind && one.appliesTo == other.appliesTo && one.fields == other.fields)
            #expect(one.severity == other.severity && one.message == other.message && one.rationale == other.rationale)
            #expect(one.helpURI == other.helpURI && one.howToFix == other.howToFix && one.idRange == other.idRange)
            #expect(one.examples.triggering == other.examples.triggering && one.examples.passing == other.examples.passing)
            #expect(one.file.path == other.file.path && one.parameters.keys.sorted() == other.parameters.keys.sorted(), "\(one.id)")
        }
    }

    /// Loaded alone, the built-in pack is loaded once per process: the same rules as loading
    /// its files now, also while another thread started the load (`prefetchBuiltIn`).
    @Test func theBuiltInPackAloneIsLoadedOnce() throws {
        RulePack.prefetchBuiltIn()
        let once = try RulePack.load([RulePack.builtIn])
        let now = try RulePack.loadFiles([RulePack.builtIn])
        #expect(once.rules.map(\.id) == now.rules.map(\.id))
        #expect(once.rules.map(\.message) == now.rules.map(\.message))
        #expect(once.skillAliases?.canonical(for: "ReactJS") == now.skillAliases?.canonical(for: "ReactJS"))
        // With another pack the files are loaded, the built-in ones first.
        let extra = ConfigFixtures.repository.appendingPathComponent("Tests/Fixtures/cli/rules").path
        let both = try RulePack.load([RulePack.builtIn, RulePack.directory(extra)])
        #expect(both.rules.prefix(once.rules.count).map(\.id) == once.rules.map(\.id))
        #expect(both.rules.count > once.rules.count)
    }

    @Test func hiddenFilesInARuleDirectoryAreNotRules() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rulepack-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        id: one-rule
        kind: required
        field: title
        severity: info
        message: "the title is {state}"
        rationale: A title is needed.
        """.write(to: directory.appendingPathComponent("one.yml"), atomically: true, encoding: .utf8)
        // An editor lock link (dangling) and a configuration file are left alone.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(".#one.yml").path,
                                                   withDestinationPath: "user@host.1234:1700000000")
        try "rules: {one-rule: off}\n".write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let loaded = try RulePack.load([RulePack.directory(directory.path)])
        #expect(loaded.rules.map(\.id) == ["one-rule"])
    }

    @Test func environmentDirectoriesAddToTheBuiltInPack() {
        #expect(DefaultRulePack.current(environment: [:]) == .builtIn)
        #expect(DefaultRulePack.current(environment: ["PROFILELINT_RULES": ""]) == .builtIn)
        #expect(DefaultRulePack.current(environment: ["PROFILELINT_RULES": "/r"])
            == DefaultRulePack(includesBuiltIn: true, directories: ["/r"]))
        #expect(DefaultRulePack.current(environment: ["PROFILELINT_RULES": "/r::rel/s:"])
            == DefaultRulePack(includesBuiltIn: true, directories: ["/r", "rel/s"]))
        // Only a set, non-empty PROFILELINT_NO_BUILTIN_RULES leaves the built-in pack out.
        #expect(DefaultRulePack.current(environment: ["PROFILELINT_RULES": "/r", "PROFILELINT_NO_BUILTIN_RULES": "1"]) == .directory("/r"))
        #expect(DefaultRulePack.current(environment: ["PROFILELINT_NO_BUILTIN_RULES": ""]) == .builtIn)
        #expect(DefaultRulePack.current(environment: ["PROFILELINT_NO_BUILTIN_RULES": "yes"]).includesBuiltIn == false)
    }

    @Test func environmentDirectoriesLoadAfterTheBuiltInPackAndBeforeTheConfiguration() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("env-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            id: own-rule
            kind: required
            field: title
            severity: info
            message: "add a title"
            rationale: "A profile needs a title."

            """.write(to: directory.appendingPathComponent("own-rule.yml"), atomically: true, encoding: .utf8)
        // The CLI fixture pack shares no rule id with the built-in pack.
        let extra = ConfigFixtures.repository.appendingPathComponent("Tests/Fixtures/cli/rules").path
        var factory = SessionFactory(options: SessionFactory.Options(
            ruleDirectories: [extra],
            defaultRules: DefaultRulePack.current(environment: ["PROFILELINT_RULES": directory.path])))
        let built = try factory.build(configuration: nil)
        let builtIn = try RulePack.load([RulePack.builtIn]).rules.map(\.id)
        let own = try RulePack.load([RulePack.directory(extra)]).rules.map(\.id)
        #expect(built.rules.map(\.id) == builtIn + ["own-rule"] + own)
        #expect(built.ruleDirectories == [directory.path, extra])
        #expect(built.packCount == 3)
    }
}
