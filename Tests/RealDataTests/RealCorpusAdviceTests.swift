import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The keyword advice on the real four-track corpus reads like a careful ATS-style keyword
/// report: terms distinctive of the profile's track, written as clients write them, never
/// words every job post uses, never a fragment of a phrase, never what the profile already says.
@Suite struct RealCorpusAdviceTests {
    static func missingKeywords(_ text: String) throws -> [String] {
        let corpus = RealData.fourTracksCorpus
        let profile = try TrackProfiles.profile(text)
        let rule = try RuleLoader.load(SourceFile(path: "corpus-keyword-coverage.yml", bytes: Array(try Data(contentsOf:
            RealData.root.appendingPathComponent("rules/corpus-keyword-coverage.yml")))))
        let check = try KeywordCoverageCheck(rule: rule)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus)))
        return check.coverage(section).filter { !$0.covered }.map(\.term.display)
    }

    /// No term is a word of another listed term (`decision` beside `decision making`).
    static func hasNoFragments(_ terms: [String]) -> Bool {
        let lowered = terms.map { " \($0.lowercased()) " }
        return !lowered.enumerated().contains { index, term in
            lowered.enumerated().contains { $0.offset != index && $0.element.contains(term) }
        }
    }

    static let generic = ["project", "work", "need", "needed", "looking", "team", "experience", "help", "business",
                          "company", "time", "application", "user", "tool", "power", "key"]

    @Test func dataAnalystKeywordsAreDistinctiveAndSpelledAsClientsWriteThem() throws {
        let terms = try Self.missingKeywords("""
            title: Data Analyst
            overview: I analyse data in Excel and build reports for small companies.
            skills: [Data Analysis, Microsoft Excel]
            """)
        // Description prose ('insights' in 441 posts, 19 titles; 'decision making' in none) is
        // not a keyword; a skill the posts name is.
        #expect(!terms.contains("insights") && !terms.contains("decision making"), "\(terms)")
        #expect(terms.contains("Data Visualization"), "\(terms)")
        // A tag most fitting posts carry ('Dashboard') is skill-gaps' advice, not a keyword.
        #expect(!terms.contains { $0.lowercased() == "dashboard" }, "\(terms)")
        for word in Self.generic { #expect(!terms.contains { $0.lowercased() == word }, "\(word) in \(terms)") }
        #expect(Self.hasNoFragments(terms), "\(terms)")
        // Covered by another form of the word ("analyse", "reports") or already written.
        #expect(!terms.contains { ["analyze", "analysis", "report", "reporting", "excel", "data analysis"].contains($0.lowercased()) }, "\(terms)")
    }

    @Test func androidKeywordsNameTheMobileStackNotGenericWords() throws {
        let terms = try Self.missingKeywords("""
            title: Android Developer
            overview: I build apps.
            skills: [Android, Android App Development, Mobile App Development]
            """)
        // The stack itself is tags, which are skill-gaps' and suggest's advice, not keywords.
        let profile = try TrackProfiles.profile("title: Android Developer\noverview: I build apps.\nskills: [Android, Android App Development, Mobile App Development]")
        let tags = Suggestions.make(for: profile.general, corpus: RealData.fourTracksCorpus, keywords: KeywordCoverageCheck()).addTags.map(\.text)
        #expect(tags.contains { ["React Native", "Flutter", "iOS", "Kotlin"].contains($0) }, "\(tags)")
        #expect(!tags.contains { ["JavaScript", "Python", "Data Analysis", "Machine Learning"].contains($0) }, "\(tags)")
        for word in Self.generic { #expect(!terms.contains { $0.lowercased() == word }, "\(word) in \(terms)") }
        #expect(Self.hasNoFragments(terms), "\(terms)")
        #expect(!terms.contains { $0.lowercased() == "android" || $0.lowercased() == "kotlin" }, "\(terms)")
    }

    /// Clients title posts with tools and roles, not with the prose of their descriptions:
    /// 'insights' 0.51 times as often as an average word, 'decision making' never, 'Python' 2.0,
    /// 'Flutter' 7.0 times.
    @Test func titlesHoldToolsMoreOftenThanDescriptionProse() throws {
        let corpus = RealData.fourTracksCorpus
        func affinity(_ key: String) throws -> Double {
            let term = try #require(corpus.stats.termIndex[key], "\(key)")
            return try #require(corpus.titleAffinity(term))
        }
        #expect(try affinity("insight") < 1)
        #expect(try affinity("decis make") < 0.1)
        #expect(try affinity("flutter") > 2)
        #expect(try affinity("python") > 1)
    }
}
