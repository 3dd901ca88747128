import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// `docs/problem-matcher.json` against real text-format output: every finding line is matched
/// exactly once (errors/warnings by one matcher, info by the other) with the right groups,
/// and notes and the summary are matched by none.
@Suite struct ReporterProblemMatcherTests {
    struct Matcher {
        var owner: String
        var regex: NSRegularExpression
        var groups: [String: Int]
    }

    static func matchers() throws -> [Matcher] {
        let url = ReporterFixture.packageRoot.appendingPathComponent("docs/problem-matcher.json")
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        let list = try #require((json as? [String: Any])?["problemMatcher"] as? [[String: Any]])
        return try list.map { entry in
            let pattern = try #require((entry["pattern"] as? [[String: Any]])?.first)
            let regexp = try #require(pattern["regexp"] as? String)
            var groups: [String: Int] = [:]
            for (key, value) in pattern { if let index = value as? Int { groups[key] = index } }
            return Matcher(owner: try #require(entry["owner"] as? String), regex: try NSRegularExpression(pattern: regexp), groups: groups)
        }
    }

    static func capture(_ match: NSTextCheckingResult, _ group: Int?, in line: String) -> String? {
        guard let group, let range = Range(match.range(at: group), in: line) else { return nil }
        return String(line[range])
    }

    @Test func matchesEveryFindingLineOfTheTextFormat() throws {
        let matchers = try Self.matchers()
        let results = try ReporterFixture.results()
        let text = TextReporter(options: ReporterFixture.options()).report(results, rules: try ReporterFixture.ruleSet())
        var matched: [(owner: String, file: String, line: String, column: String, severity: String?, message: String, code: String)] = []
        for line in text.split(separator: "\n").map(String.init) {
            let nsRange = NSRange(line.startIndex..., in: line)
            let hits = matchers.compactMap { matcher in matcher.regex.firstMatch(in: line, range: nsRange).map { (matcher, $0) } }
            #expect(hits.count <= 1, "\(line)")
            guard let (matcher, match) = hits.first else { continue }
            matched.append((matcher.owner,
                            Self.capture(match, matcher.groups["file"], in: line) ?? "",
                            Self.capture(match, matcher.groups["line"], in: line) ?? "",
                            Self.capture(match, matcher.groups["column"], in: line) ?? "",
                            Self.capture(match, matcher.groups["severity"], in: line),
                            Self.capture(match, matcher.groups["message"], in: line) ?? "",
                            Self.capture(match, matcher.groups["code"], in: line) ?? ""))
        }
        let expectedCount = results.reduce(0) { $0 + $1.diagnostics.count }
        #expect(matched.count == expectedCount)
        let title = try #require(matched.first { $0.code == "title-keywords" })
        #expect(title.owner == "profilelint")
        #expect(title.file == "profiles/café studio.yaml")
        #expect(title.line == "1" && title.column == "32" && title.severity == "warning")
        #expect(title.message == "title lacks \"video editing\": 57% of matching posts use it, yours doesn't <yet> & should")
        let info = try #require(matched.first { $0.code == "buzzwords" })
        #expect(info.owner == "profilelint-info" && info.severity == nil && info.line == "3" && info.column == "43")
        let parse = try #require(matched.first { $0.code == "parse-error" })
        #expect(parse.file == "/srv/shared/broken.json" && parse.severity == "error")
    }
}
