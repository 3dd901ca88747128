import Foundation
import Testing

/// What users read stays true: per-rule pages match the rule files, every relative link in
/// README.md and docs/ resolves, and nothing a user sees names an internal file.
@Suite struct DocumentationTests {
    /// README.md and every Markdown file under docs/.
    static func markdownFiles() throws -> [URL] {
        var files = [CLI.root.appendingPathComponent("README.md")]
        let docs = CLI.root.appendingPathComponent("docs")
        let walker = try #require(FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil))
        for case let url as URL in walker where url.pathExtension == "md" { files.append(url) }
        return files
    }

    @Test func perRulePagesAreWhatTheGeneratorWrites() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.root.appendingPathComponent("scripts/generate-rule-docs").path, "--check",
                             "--binary", CLI.binary.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func everyDefaultRuleLinksToItsPage() throws {
        let output = try CLI.run(["rules", "--format", "json"], environment: CLI.environment(defaultRules: true))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(rules.count > 40)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect(rule["help_uri"] as? String == "https://github.com/profilelint/profilelint/blob/main/docs/rules/\(id).md")
            #expect(FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("docs/rules/\(id).md").path))
        }
        let explain = try CLI.run(["explain", "title-length"], environment: CLI.environment(defaultRules: true))
        #expect(explain.stdout.contains("More: https://github.com/profilelint/profilelint/blob/main/docs/rules/title-length.md"))
        #expect(explain.stdout.contains("\nHow to fix:\n  Shorten the title"))
        // Parameters the rule leaves out are listed with the kind's default.
        let gaps = try CLI.run(["explain", "corpus-skill-gaps"], environment: CLI.environment(defaultRules: true))
        #expect(gaps.stdout.contains("\n  min_share: 0.25\n  min_posts: 3  (the kind's default)\n"), "\(gaps.stdout)")
    }

    /// Every default rule says how to fix its findings, in its own words (not a shared sentence).
    @Test func everyDefaultRuleHasItsOwnHowToFix() throws {
        let output = try CLI.run(["rules", "--format", "json"], environment: CLI.environment(defaultRules: true))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let rules = try #require(document["rules"] as? [[String: Any]])
        let fixes = rules.compactMap { $0["how_to_fix"] as? String }
        #expect(fixes.count == rules.count, "rules without how_to_fix: \(rules.filter { $0["how_to_fix"] == nil }.map { $0["id"] ?? "" })")
        #expect(Set(fixes).count == fixes.count, "two rules share a how_to_fix text")
    }

    /// The built-in checks have pages too, linked from `rules --format json` and `explain`.
    @Test func everyBuiltInCheckLinksToItsPage() throws {
        let environment = CLI.environment(defaultRules: true)
        let output = try CLI.run(["rules", "--format", "json"], environment: environment)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let checks = try #require(document["built_in_checks"] as? [[String: Any]])
        #expect(checks.count == 6)
        for check in checks {
            let id = try #require(check["id"] as? String)
            let uri = "https://github.com/profilelint/profilelint/blob/main/docs/rules/\(id).md"
            #expect(check["help_uri"] as? String == uri)
            #expect(FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("docs/rules/\(id).md").path))
            let explain = try CLI.run(["explain", id], environment: environment)
            #expect(explain.stdout.contains("\nHow to fix:\n") && explain.stdout.hasSuffix("More: \(uri)\n"), "\(explain.stdout)")
        }
    }

    @Test func everyRelativeLinkResolves() throws {
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        for file in try Self.markdownFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(match.range(at: 1), in: text)!])
                if target.contains("://") || target.hasPrefix("#") || target.hasPrefix("mailto:") { continue }
                let path = String(target.split(separator: "#", maxSplits: 1)[0])
                let resolved = file.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: resolved.path),
                        "\(file.lastPathComponent) links to \(target), which does not exist")
            }
        }
    }

    @Test func noUserFacingTextNamesInternalFiles() throws {
        let internalName = try NSRegularExpression(pattern: #"\b\d{3}_[0-9a-f]{16}\.txt\b|SPEC ?§|\bSPEC\.md\b"#)
        var texts: [(String, String)] = []
        for file in try Self.markdownFiles() {
            texts.append((file.lastPathComponent, try String(contentsOf: file, encoding: .utf8)))
        }
        let rules = CLI.root.appendingPathComponent("rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: rules.path) {
            texts.append((name, try String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8)))
        }
        // What the binary prints about rules and built-in checks (explain, SARIF and editor hovers use the same texts).
        let environment = CLI.environment(defaultRules: true)
        texts.append(("rules --format json", try CLI.run(["rules", "--format", "json"], environment: environment).stdout))
        for id in ["parse-error", "invalid-type", "unknown-key", "duplicate-key"] {
            texts.append(("explain \(id)", try CLI.run(["explain", id], environment: environment).stdout))
        }
        for (name, text) in texts {
            let found = internalName.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(found == nil, "\(name) names an internal file: \(found.map { String(text[Range($0.range, in: text)!]) } ?? "")")
        }
    }
}
