import Foundation
import Testing

/// `suggest`'s skills to drop agree with `lint`'s off-niche findings on the shipped example: a
/// skill on none of the fitting posts is listed and flagged; a skill on one of 24 fitting posts
/// (`pandas` in the strong example) is neither, since so few posts cannot show it rare.
@Suite struct DropAdviceCLITests {
    static let profile = CLI.root.appendingPathComponent("examples/strong-profile.yaml").path

    @Test func theDropListIsWhatLintFlagsOffNiche() throws {
        let scratch = try CorpusCLITests.Scratch(profile: "")
        defer { scratch.remove() }
        let suggest = try CLI.run(["suggest", Self.profile, "--corpus", CorpusCLITests.exampleJobs, "--format", "json"],
                                  environment: scratch.environment)
        #expect(suggest.status == 0, "\(suggest.stderr)")
        let sections = try #require((try JSONSerialization.jsonObject(with: Data(suggest.stdout.utf8)) as? [String: Any])?["sections"] as? [[String: Any]])
        let drops = sections.flatMap { ($0["drop_tags"] as? [[String: Any]]) ?? [] }
        let lint = try CLI.run(["lint", Self.profile, "--corpus", CorpusCLITests.exampleJobs, "--format", "json"],
                               environment: scratch.environment)
        let files = try #require((try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
        let offNiche = files.flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
            .filter { $0["rule"] as? String == "corpus-off-niche-skills" }
            .compactMap { ($0["message"] as? String)?.split(separator: "'").dropFirst().first.map(String.init) }
        #expect(Set(drops.compactMap { $0["text"] as? String }) == Set(offNiche), "\(drops) \(offNiche)")
        #expect(Set(offNiche) == ["Sales Analytics", "Inventory Management"], "\(offNiche)")
        #expect(drops.allSatisfy { $0["posts"] as? Int == 0 }, "\(drops)")
        // The general profile's fit: 24 posts, none of its skills shown rare.
        let general = try #require(sections.first)
        #expect(general["fit_size"] as? Int == 24 && (general["drop_tags"] as? [Any])?.isEmpty == true, "\(general)")
    }
}
