import Foundation
import ProfileText
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct KindsUniqueTests {
    let rule = "kind: unique\nfield: skills"

    func lint(_ profile: String, aliases: [SkillAliases.Group] = []) throws -> Linted {
        let ruleSet = try RuleSet(rules: [KindHarness.rule(rule, message: "{item}={first} ({canonical})")],
                                  skillAliases: try SkillAliases(aliases))
        let file = SourceFile(path: "p.yaml", text: profile)
        let result = Linter(ruleSet: ruleSet).lint(file)
        return Linted(file: file, result: result, diagnostics: result.diagnostics.filter { $0.ruleID == "test-rule" })
    }

    @Test func spellingVariantsAreDuplicates() throws {
        let linted = try lint("skills: [React.js, Vue, ReactJS, réact]\n")
        #expect(linted.diagnostics.map(\.message) == ["ReactJS=React.js (React.js)", "réact=React.js (React.js)"])
        #expect(linted.texts == ["ReactJS", "réact"])
        #expect(linted.diagnostics[0].fieldPath == "skills[2]")
        #expect(linted.diagnostics[0].notes.first?.range == ByteRange(9, 17))
    }

    @Test func anExactRepeatIsListedTwiceNotTheSameSkillAsItself() throws {
        let ruleSet = try RuleSet(rules: [KindHarness.rule(rule, message: "'{item}' is {duplicate}")])
        let result = Linter(ruleSet: ruleSet).lint(SourceFile(path: "p.yaml", text: "skills: [Shopify, Liquid, Shopify, shopify]\n"))
        #expect(result.diagnostics.filter { $0.ruleID == "test-rule" }.map(\.message)
                == ["'Shopify' is listed twice", "'shopify' is the same skill as 'Shopify'"])
    }

    @Test func aliasesFromTheTableAreDuplicates() throws {
        let groups = [SkillAliases.Group(canonical: "Google Ads", aliases: ["Google AdWords"])]
        let linted = try lint("skills: [Google AdWords, SEO, Google Ads]\n", aliases: groups)
        #expect(linted.diagnostics.map(\.message) == ["Google Ads=Google AdWords (Google Ads)"])
    }

    @Test func fixDeletesAFlowItemWithItsComma() throws {
        let linted = try lint("skills: [Ünïcode, React, \"ReactJS\", Vue]\n")
        #expect(linted.texts == ["\"ReactJS\""])
        #expect(linted.location() == "1:26-1:35")
        #expect(linted.fixed() == "skills: [Ünïcode, React, Vue]\n")
    }

    @Test func fixDeletesABlockItemLine() throws {
        let profile = "skills:\n  - Zoë's SEO\n  - React\n  - react   \n  - Vue\ntitle: x\n"
        let linted = try lint(profile)
        #expect(linted.location() == "4:5-4:10")
        #expect(linted.fixed() == "skills:\n  - Zoë's SEO\n  - React\n  - Vue\ntitle: x\n")
    }

    @Test func fixOnTheLastLineWithoutNewline() throws {
        let linted = try lint("skills:\n  - React\n  - ReactJS")
        #expect(linted.fixed() == "skills:\n  - React")
    }

    @Test func fixInAJSONArray() throws {
        let ruleSet = try RuleSet(rules: [KindHarness.rule(rule)])
        let file = SourceFile(path: "p.json", text: #"{"skills": ["SQL", "Excel", "sql"]}"#)
        let result = Linter(ruleSet: ruleSet).lint(file)
        let linted = Linted(file: file, result: result, diagnostics: result.diagnostics.filter { $0.ruleID == "test-rule" })
        #expect(linted.texts == [#""sql""#])
        #expect(linted.fixed() == #"{"skills": ["SQL", "Excel"]}"#)
    }

    @Test func noFixWhenACommentSitsBetweenItems() throws {
        let linted = try lint("skills: [React, # main\n  ReactJS]\n")
        #expect(linted.diagnostics.count == 1)
        #expect(linted.diagnostics[0].fixes.isEmpty)
    }

    @Test func aliasFilesLoadWithLocatedErrors() throws {
        let file = SourceFile(path: "skill-aliases.yml", text: "React: [React.js, ReactJS]\nGoogle Ads: [Google AdWords]\n")
        let aliases = try SkillAliasLoader.load([file])
        #expect(aliases.canonical(for: "google adwords") == "Google Ads")
        func error(_ text: String) -> String? {
            do { _ = try SkillAliasLoader.load([SourceFile(path: "a.yml", text: text)]); return nil } catch { return error.description }
        }
        #expect(error("React: ReactJS\n") == "a.yml:1:8: error: the aliases of 'React' must be a list of names, not a string")
        #expect(error("React: [ReactJS, [x]]\n") == "a.yml:1:18: error: an alias of 'React' must be a non-empty name, not a list")
        #expect(error("React: [ReactJS]\nPreact: [React.js]\n")
            == "a.yml:2:10: error: skill name 'React.js' already belongs to 'React'; a name can be an alias of one skill only")
        #expect(error("- React\n") == "a.yml:1:1: error: a skill alias file must be a map of canonical skill names to lists of aliases")
    }

    /// Blank means what `trimmingCharacters(in: .whitespaces)` left empty: tabs and space
    /// separators (U+00A0, U+3000 too), not line breaks.
    @Test func blankAliasNamesAreTabsAndSpaceSeparators() {
        for text in ["", " ", "\t \u{A0}", "\u{3000}\u{2003}"] { #expect(SkillAliasLoader.isBlank(text)) }
        for text in ["\n", " x ", "\u{200B}", "-"] { #expect(!SkillAliasLoader.isBlank(text)) }
    }

    @Test func aliasConflictsAcrossFilesPointIntoTheLaterFile() {
        let first = SourceFile(path: "default.yml", text: "Google Ads: [AdWords]\n")
        let second = SourceFile(path: "mine.yml", text: "SEO: []\nPPC: [Ad Words]\n")
        #expect(throws: RuleFileError.self) { try SkillAliasLoader.load([first, second]) }
        do { _ = try SkillAliasLoader.load([first, second]) } catch {
            #expect(error.description == "mine.yml:2:7: error: skill name 'Ad Words' already belongs to 'Google Ads'; a name can be an alias of one skill only")
        }
    }

    @Test func theDefaultAliasFileLoads() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
        let aliases = try #require(try SkillAliasLoader.load(directories: [directory]))
        #expect(aliases.groups.count >= 80)
        #expect(aliases.canonical(for: "ReactJS") == "React")
        #expect(aliases.canonical(for: "Google AdWords") == "Google Ads")
        #expect(aliases.canonical(for: "SEO") == "Search Engine Optimization")
        #expect(aliases.canonical(for: "golang") == "Go")
    }
}
