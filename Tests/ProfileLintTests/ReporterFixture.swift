import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Hand-written lint results over `Tests/Fixtures/reporters/profile.yaml`, whose lines put emoji
/// (astral scalars), accented letters, CJK and a tab before the flagged spans, so scalar, UTF-16
/// and byte columns all differ. Results and findings are given out of order on purpose.
enum ReporterFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Tests/Fixtures/reporters")
    static let workingDirectory = "/work/project"

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    static func profileBytes() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("profile.yaml").path) else {
            throw FixtureError(description: "cannot read the reporter fixture profile")
        }
        return Array(data)
    }

    /// The byte range of the first `needle` in `file`.
    static func range(of needle: String, in file: SourceFile) throws -> ByteRange {
        let pattern = Array(needle.utf8)
        var index = 0
        while index + pattern.count <= file.bytes.count {
            if Array(file.bytes[index..<index + pattern.count]) == pattern { return ByteRange(index, index + pattern.count) }
            index += 1
        }
        throw FixtureError(description: "'\(needle)' not in \(file.path)")
    }

    static func rule(_ id: String, severity: Severity, rationale: String, helpURI: String? = nil) throws -> Rule {
        var yaml = """
        id: \(id)
        kind: count
        applies_to: [profile, specialized]
        field: skills
        max: 15
        severity: \(severity.rawValue)
        message: "a message for {count}"
        rationale: "\(rationale)"

        """
        if let helpURI { yaml += "help_uri: \(helpURI)\n" }
        return try RuleLoader.load(SourceFile(path: "rules/\(id).yml", text: yaml))
    }

    static func ruleSet() throws -> RuleSet {
        try RuleSet(rules: [
            rule("title-keywords", severity: .warning,
                 rationale: "Clients search by the words in a title (seed 001). Titles that name the service get seen.",
                 helpURI: "https://example.org/rules/title-keywords"),
            rule("buzzwords", severity: .info, rationale: "Stock adjectives say nothing a client can check; results do."),
            rule("opening-greeting", severity: .warning,
                 rationale: "Only the first ~250 characters show in search (seed 002); a greeting wastes them."),
            rule("niche-terms", severity: .info, rationale: "Terms the matching posts share belong where clients look first."),
            rule("rate-minimum", severity: .error, rationale: "The marketplace rejects hourly rates under $3."),
        ])
    }

    static func results() throws -> [LintResult] {
        let profile = SourceFile(path: "profiles/café studio.yaml", bytes: try profileBytes())
        let opening = try range(of: "Bonjour", in: profile)
        let openingEnd = try range(of: "I cut", in: profile)
        let rateLine = try range(of: "hourly_rate: 2", in: profile)
        let rate = ByteRange(rateLine.upperBound - 1, rateLine.upperBound)
        let diagnostics = [
            Diagnostic(ruleID: "rate-minimum", severity: .error,
                       message: "hourly rate $2 is below the marketplace minimum of $3",
                       range: rate, fieldPath: "hourly_rate",
                       fixes: [Fix(description: "raise the rate to the minimum", edits: [
                           TextEdit(range: rate, replacement: "3"),
                       ])]),
            Diagnostic(ruleID: "buzzwords", severity: .info,
                       message: "'passionate' and 'results-driven' are stock adjectives; show a result instead",
                       range: try range(of: "passionate, results-driven", in: profile), fieldPath: "overview",
                       fixes: [Fix(description: "replace with a concrete trait", edits: [
                           TextEdit(range: try range(of: "passionate, results-driven", in: profile), replacement: "detail-minded"),
                       ])]),
            Diagnostic(ruleID: "title-keywords", severity: .warning,
                       message: "title lacks \"video editing\": 57% of matching posts use it, yours doesn't <yet> & should",
                       range: try range(of: "YouTube SEO", in: profile), fieldPath: "title",
                       notes: [
                           Note("'video editing' is in 57 of 100 matching posts"),
                           Note("the closest term your title has", range: try range(of: "Montage", in: profile)),
                       ]),
            Diagnostic(ruleID: "unknown-key", severity: .warning,
                       message: "unknown key 'portfolo'; did you mean 'portfolio'?",
                       range: try range(of: "portfolo", in: profile), fieldPath: "portfolo",
                       fixes: [Fix(description: "rename the key to 'portfolio'", edits: [
                           TextEdit(range: try range(of: "portfolo", in: profile), replacement: "portfolio"),
                       ])]),
            Diagnostic(ruleID: "niche-terms", severity: .info,
                       message: "'B2B SaaS' matches 31 posts; name it in the title",
                       range: try range(of: "B2B SaaS", in: profile), fieldPath: "overview"),
            Diagnostic(ruleID: "opening-greeting", severity: .warning,
                       message: "the opening spends its visible characters on a greeting",
                       range: ByteRange(opening.lowerBound, openingEnd.upperBound), fieldPath: "overview"),
        ]
        let broken = SourceFile(path: "/srv/shared/broken.json", text: "{\"title\": \"Zoë 😀\",}\n")
        let clean = SourceFile(path: "\(workingDirectory)/profiles/clean.yaml", text: "title: Video Editor for SaaS Channels\n")
        return [
            LintResult(file: profile, diagnostics: diagnostics,
                       scores: ["completeness": 62.5, "keyword_coverage": 40, "niche_focus": 81.25], insights: insights()),
            LintResult(file: clean, diagnostics: [], scores: ["completeness": 100]),
            LintResult(file: broken, diagnostics: [
                Diagnostic(ruleID: "parse-error", severity: .error, message: "expected a key after ',' in the JSON object",
                           range: try range(of: "}", in: broken)),
            ]),
        ]
    }

    /// Scores and a fitting-post picture for the fixture profile, for the formats that draw
    /// them: own tags inside and outside the fit, ranges around the rate, a post with a web
    /// link, one with a `javascript:` URL (never linked) and one without.
    static func insights() -> [SectionInsight] {
        let picture = FitPicture(
            fitSize: 40, corpusSize: 1250,
            tags: [
                FitPicture.Tag(display: "YouTube", inFit: 31, inCorpus: 120, own: true, category: "Video"),
                FitPicture.Tag(display: "Video Editing", inFit: 23, inCorpus: 410, own: false),
                FitPicture.Tag(display: "Thumbnail Design", inFit: 9, inCorpus: 35, own: false),
                FitPicture.Tag(display: "Montage ✂️", inFit: 0, inCorpus: 0, own: true),
                FitPicture.Tag(display: "Vidéo SEO", inFit: 0, inCorpus: 14, own: true, category: "Marketing <SEO>"),
            ],
            rate: 2,
            hourlyRanges: [FitPicture.HourlyRange(low: 15, high: 30), FitPicture.HourlyRange(low: 20, high: 45),
                           FitPicture.HourlyRange(low: 25, high: 25), FitPicture.HourlyRange(low: 40, high: 90)],
            categories: [FitPicture.Category(name: "Video", posts: 30), FitPicture.Category(name: "Marketing <SEO>", posts: 6)],
            posts: [
                FitPicture.Post(title: "YouTube editor for a SaaS channel", location: "\(workingDirectory)/jobs/posts.csv:12",
                                url: "https://example.org/jobs/12", score: 9.25),
                FitPicture.Post(title: "Shorts <cuts> & captions", location: "jobs/posts.csv:40",
                                url: "javascript:alert(1)", score: 7.5),
                FitPicture.Post(title: "", location: "jobs/more.jsonl:3", url: nil, score: 6),
            ])
        return [SectionInsight(section: "profile", fieldPath: "", scores: ["completeness": 62.5, "keyword_coverage": 40,
                                                                          "niche_focus": 81.25], fit: picture)]
    }

    static func options(color: Bool = false, showSource: Bool = false) -> ReportOptions {
        ReportOptions(color: color, showSource: showSource, workingDirectory: workingDirectory, toolVersion: "0.0.0-test")
    }
}
