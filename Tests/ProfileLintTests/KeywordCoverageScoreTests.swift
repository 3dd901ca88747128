import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The `keyword_coverage` score counts the fit's marker tags beside its characteristic words:
/// a profile listing the tags that mark its niche scores above one listing none, even where
/// the words of the two profiles are the same.
@Suite struct KeywordCoverageScoreTests {
    /// 30 survey posts tagged Survey Design, SPSS and Questionnaire Design (the marker tags) and
    /// Research (on every post of the corpus); 40 posts of other work.
    static let corpus: Corpus = {
        var posts = TestCorpus()
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
        for index in 0..<30 {
            posts.add("Survey \(words[index % 10]) \(index)", "Questionnaire \(words[(index + 3) % 10]) round \(index).",
                      ["Survey Design", "SPSS", "Questionnaire Design", "Research"])
        }
        for index in 0..<40 {
            posts.add("Wedding video edit \(index)", "Edit a wedding video with music and titles, film \(index).",
                      ["Video Editing", "Research"])
        }
        return posts.corpus()
    }()

    static func score(skills: String) throws -> Double? {
        let text = "title: Survey Analyst\noverview: I run studies for researchers.\nskills: [\(skills)]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let context = LintContext(profile: profile, corpus: corpus)
        let section = try #require(CorpusSection(profile.general, context: context))
        #expect(section.fit.count == 30, "the survey posts fit: \(section.fit.count)")
        return KeywordCoverageCheck().score(profile.general, context: context)
    }

    @Test func theMarkerTagsTheProfileListsCount() throws {
        let all = try #require(try Self.score(skills: "Survey Design, SPSS, Questionnaire Design"))
        let two = try #require(try Self.score(skills: "Survey Design, SPSS"))
        #expect(all == 100, "every marker tag listed: \(all)")
        #expect(two > 0 && two < all, "two of three: \(two)")
        // The words are the same in both: only the tags move the score.
    }

    @Test func aTagOnEveryPostOfTheCorpusMarksNothing() throws {
        let check = KeywordCoverageCheck()
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: "title: Survey Analyst\nskills: [SPSS]\n")).profile)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: Self.corpus)))
        let tags = check.markerTags(section).map(\.term.display)
        #expect(Set(tags) == ["Survey Design", "SPSS", "Questionnaire Design"], "\(tags)")
    }
}
