import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A skill central to the niche is not to drop because few fitting posts write its name. The
/// corpus: 60 Android posts, 2 of which name Android Studio and 2 Git (no post is tagged with
/// either), 150 web posts, 6 of which name Git, and 150 wedding-video posts. Android Studio
/// is on 3% of the fit and on no post outside it; Git is on 3% of the fit and 4% of the
/// web posts; Video Editing is on no fitting post.
@Suite struct CentralSkillTests {
    static let corpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<60 {
            let tool = index < 2 ? " Set up Android Studio for the build." : index < 4 ? " Keep the code in Git." : ""
            posts.add("Android app screens \(index)", "Build Android screens in Kotlin, part \(index).\(tool)", ["Android", "Kotlin", "Mobile App Development"])
        }
        for index in 0..<150 {
            posts.add("Web shop pages \(index)", "Build React pages for a shop\(index < 6 ? ", with Git" : ""), part \(index).", ["React", "JavaScript"])
        }
        for index in 0..<150 {
            posts.add("Wedding video \(index)", "Cut a wedding film with music \(index).", ["Video Editing", "Adobe Premiere Pro", "Color Grading"])
        }
        return posts.corpus()
    }()

    static let text = "title: Android Developer\nskills: [Android, Kotlin, Mobile App Development, Android Studio, Git, Video Editing]\n"

    static func section() throws -> CorpusSection {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        return try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus)))
    }

    @Test func aToolOnlyTheFittingPostsNameIsCentral() throws {
        let section = try Self.section()
        #expect(section.fit.count == 60)
        #expect(section.fitPostsNaming("Android Studio") == 2 && section.corpusPostsNaming("Android Studio") == 2)
        #expect(section.isCentral("Android Studio", minLift: 1.5, companionShare: 0.25))
        // Git: 2 of the 60 fitting posts and 6 of the 300 others, about as common.
        #expect(section.fitPostsNaming("Git") == 2 && section.corpusPostsNaming("Git") == 8)
        #expect(!section.isCentral("Git", minLift: 1.5, companionShare: 0.25))
        #expect(!section.isCentral("Video Editing", minLift: 1.5, companionShare: 0.25))
    }

    @Test func suggestDropsNeitherTheCoreToolNorKeepsTheOffNicheSkill() throws {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: Self.text)).profile)
        let items = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck()).dropTags
        #expect(items.map(\.text) == ["Video Editing", "Git"], "\(items)")
        // The corpus count is counted as the fit's is (carrying or naming): no post is tagged
        // Git, 8 name it, 2 of them fitting; it read "2 of 60 fitting posts (0 of all 360)".
        #expect(items.last?.posts == 2 && items.last?.corpusPosts == 8)
    }
}
