import Foundation
import Testing
@testable import ProfileRules
import ProfileText

/// `link-policy` runs each URL pattern only on texts that pass its requirement
/// (`LinkPolicyCheck.urlRequirements`): a text that fails one must hold no match of its pattern.
@Suite struct LinkPolicyGuardTests {
    /// Pieces near each requirement's edge: dots, top-level domains and their prefixes and
    /// extensions, what may follow a domain, schemes, `www`, non-ASCII letters and spaces.
    static let pieces = [
        ".", ".", "com", "co", "comm", "org", "me", "in", "info", "io", "js", "net", "uk", "eu", "a", "x1", "jane", "-", "_", "@",
        "/", "?", "#", " ", "\n", "www", "www.", "http", "https://", "://", ":", "é", "ü", "\u{00A0}", "\u{2028}", "Ｃｏｍ", "COM",
        "e.g.", "node.js", "1", "2024", ",", ")", "'", "\"",
    ]

    /// Whether each pattern's matches in `text` (folded, as the check matches) are empty
    /// wherever its requirement fails; the count of patterns that matched.
    @discardableResult
    static func expectGuardsHold(_ text: String) throws -> Int {
        let folded = FoldedText(text).text
        let bytes = Array(folded.utf8)
        var matched = 0
        for (pattern, requirement) in zip(LinkPolicyCheck.urlPatterns, LinkPolicyCheck.urlRequirements) {
            let found = try pattern.characterRanges(in: folded, bytes: bytes)
            matched += found.isEmpty ? 0 : 1
            if !requirement.holds(for: bytes) { #expect(found.isEmpty, "\(pattern.pattern) in \(text.debugDescription)") }
        }
        return matched
    }

    /// The patterns and their requirements are two lists read side by side (`zip`): a pattern
    /// added without its requirement would silently never run.
    @Test func everyPatternHasOneRequirement() {
        #expect(LinkPolicyCheck.urlPatterns.count == LinkPolicyCheck.urlRequirements.count)
    }

    @Test func aTextFailingARequirementHoldsNoMatch() throws {
        var random = RandomCorpus.Generator(state: 41)  // seeded: a failing text can be replayed
        var matched = 0
        for _ in 0..<6_000 {
            let text = (0..<Int.random(in: 1...10, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            matched += try Self.expectGuardsHold(text)
        }
        #expect(matched > 300)  // the texts do hold links
    }

    /// Every line of both real corpora.
    @Test(arguments: ["four-tracks-2400.csv", "data-analyst-340.json"])
    func theCorporaFailNoRequirementTheyMatch(file: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/data/jobs/\(file)").standardizedFileURL
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count > 300)
        var matched = 0
        for line in lines { matched += try Self.expectGuardsHold(line) }
        #expect(matched > 10)
    }

    @Test func theBareDomainTestReadsTheDomainsEnd() {
        let holds = { (text: String) in LinkPolicyCheck.mayHoldBareDomain(Array(text.utf8)) }
        #expect(holds("see jane.com") && holds("jane.com/work") && holds("jane.co.") && holds("jane.meé"))
        #expect(!holds("see jane.comx") && !holds("node.js") && !holds("jane.co_") && !holds("a.me@x") && !holds("no dot com"))
    }
}
