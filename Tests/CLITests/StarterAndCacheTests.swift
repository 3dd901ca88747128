import Foundation
import Testing

/// `init`, `cache`, standard input, `--color` and shell completion.
@Suite struct StarterAndCacheTests {
    @Test func initWritesAStarterThatLintsAndNeverOverwrites() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = CLI.environment(defaultRules: true)
        let first = try CLI.run(["init"], in: directory, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let lint = try CLI.run(["lint"], in: directory, environment: environment)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.contains("profile.yaml:"))
        // A second run, and a run where only one of the files exists, write nothing.
        let mine = "title: Mine\n"
        try mine.write(to: directory.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
        let again = try CLI.run(["init"], in: directory, environment: environment)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exist; nothing was written"))
        #expect(try String(contentsOf: directory.appendingPathComponent("profile.yaml"), encoding: .utf8) == mine)
        try FileManager.default.removeItem(at: directory.appendingPathComponent(".profilelint.yml"))
        let half = try CLI.run(["init"], in: directory, environment: environment)
        #expect(half.status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".profilelint.yml").path))
        let missing = try CLI.run(["init", "--directory", "nope"], in: directory, environment: environment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("'nope' is not a directory"))
    }

    @Test func cacheDirAndCleanTouchOnlyCacheEntries() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("cache")
        let environment = CLI.environment(["PROFILELINT_CACHE_DIR": cache.path])
        let shown = try CLI.run(["cache", "dir"], environment: environment)
        #expect(shown.stdout == cache.path + "\n")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try "x".write(to: cache.appendingPathComponent("corpus-abc.plstats"), atomically: true, encoding: .utf8)
        try "keep".write(to: cache.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let cleaned = try CLI.run(["cache", "clean"], environment: environment)
        #expect(cleaned.status == 0)
        #expect(cleaned.stdout.hasPrefix("removed 1 cache entry"))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("corpus-abc.plstats").path))
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("notes.txt").path))
    }

    @Test func standardInputIsLintedUnderTheGivenName() throws {
        let input = Data("skills: [Excel]\n".utf8)
        let named = try CLI.run(["lint", "-", "--stdin-filename", "profiles/me.yaml"], input: input)
        #expect(named.stdout.contains("profiles/me.yaml:1:"), "\(named.stdout)\(named.stderr)")
        let unnamed = try CLI.run(["lint", "-"], input: input)
        #expect(unnamed.stdout.contains("<stdin>:1:"))
        // The name decides the format: JSON syntax errors for a .json name.
        let json = try CLI.run(["-", "--stdin-filename", "me.json"], input: Data("{\"title\": ".utf8))
        #expect(json.stdout.contains("me.json:1:") && json.stdout.contains("[parse-error]"), "\(json.stdout)")
        let twice = try CLI.run(["lint", "-", "-"], input: input)
        #expect(twice.status == 2)
        let fix = try CLI.run(["lint", "-", "--fix"], input: input)
        #expect(fix.status == 2)
        #expect(fix.stderr.contains("--fix cannot write back to standard input"))
        let orphan = try CLI.run(["lint", "clean.yaml", "--stdin-filename", "x.yaml"])
        #expect(orphan.status == 2)
    }

    @Test func colorCanBeForcedOrRefused() throws {
        let always = try CLI.run(["lint", "too-many-skills.yaml", "--color", "always"], environment: CLI.environment(["NO_COLOR": "1"]))
        #expect(always.stdout.contains("\u{1B}["))
        let never = try CLI.run(["lint", "too-many-skills.yaml", "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
        let auto = try CLI.run(["lint", "too-many-skills.yaml"])  // not a terminal
        #expect(!auto.stdout.contains("\u{1B}["))
        let bad = try CLI.run(["lint", "too-many-skills.yaml", "--color", "sometimes"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'sometimes' is invalid for '--color"))
    }

    @Test func completionKeepsPathsAndCompletesRuleIDs() throws {
        let bash = try CLI.run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("-fX '!*.@(yaml|yml|json)'"))
        #expect(bash.contains("---completion explain -- positional@0"))
        let zsh = try CLI.run(["--generate-completion-script", "zsh"]).stdout
        #expect(zsh.contains("_files -g"))
        let fish = try CLI.run(["--generate-completion-script", "fish"]).stdout
        #expect(fish.contains("__fish_complete_directories"))
        let ids = try CLI.run(["---completion", "explain", "--", "positional@0", "2", "0", "profilelint", "explain", ""])
        let offered = ids.stdout.split(separator: "\n").map(String.init)
        #expect(offered.contains("skills-max") && offered.contains("parse-error"), "\(ids.stdout)\(ids.stderr)")
    }

    @Test func lintHelpStatesTheJobsDefaultOnce() throws {
        let help = try CLI.run(["lint", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("(default: the number of processors)."))
        #expect(!help.contains("processors). (default:"))
    }
}

@Suite struct PrintConfigTests {
    @Test func showsEachSettingWithWhereItComesFrom() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("jobs"), withIntermediateDirectories: true)
        try """
        exclude: [drafts/]
        corpus: [jobs/]
        column_map: {description: body}
        rules:
          skills-max: {max: 9}
          languages-min: off

        """.write(to: directory.appendingPathComponent(".profilelint.yml"), atomically: true, encoding: .utf8)
        let output = try CLI.run(["lint", "--print-config", "me.yaml", "--exclude", "old/"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("configuration: .profilelint.yml"))
        #expect(lines.contains("  - drafts/  # .profilelint.yml") && lines.contains("  - old/  # --exclude"))
        #expect(lines.contains("  - jobs  # .profilelint.yml"))
        #expect(lines.contains("  description: body  # .profilelint.yml"))
        #expect(lines.contains("    max: 9  # .profilelint.yml:5"))
        #expect(lines.contains("  languages-min: off  # .profilelint.yml"))
        #expect(lines.contains { $0.hasPrefix("  skills-min: ") && $0.hasSuffix("rules/skills-min.yml") })
    }

    /// A parameter nothing sets is shown with its kind's default: what the rule runs with.
    @Test func showsTheKindsDefaultsForParametersNothingSets() throws {
        let directory = try CLI.temporaryDirectory()
        try "title: Data Analyst\n".write(to: directory.appendingPathComponent("me.yaml"), atomically: true, encoding: .utf8)
        let output = try CLI.run(["lint", "--print-config", "me.yaml"], in: directory, environment: CLI.environment(defaultRules: true))
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("    min_phone_digits: 7  # default of kind 'contact-info'"), "\(output.stdout)")
        #expect(lines.contains("    min_posts: 3  # default of kind 'skill-coverage'"), "\(output.stdout)")
    }
}
