import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A skill central to the niche is not to drop because few fitting posts write its name, but
/// one fitting post is no evidence. The corpus: 80 Android posts, 3 of which name Android
/// Studio, 2 Git and 1 Espresso (no post is tagged with any of them), 2 Wear OS posts tagged
/// beside Android that no profile fits (watch faces), 150 web posts, 6 of which name Git, and
/// 150 wedding-video posts. Android Studio is on 4% of the fit and on no post outside it; Git
/// is on 2.5% of the fit and 4% of the web posts; Espresso is on one fitting post and no other;
/// Video Editing is on no fitting post. The fit is large enough (80 posts) to show that 1 or 2
/// of its posts mean a rare skill, not one of a small sample (`Suggestions.showsRare`).
@Suite struct CentralSkillTests {
    static let corpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<80 {
            let tool = index < 3 ? " Set up Android Studio for the build." : index < 5 ? " Keep the code in Git."
                : index == 5 ? " Add Espresso tests." : ""
            posts.add("Android app screens \(index)", "Build Android screens in Kotlin, part \(index).\(tool)", ["Android", "Kotlin", "Mobile App Development"])
        }
        for index in 0..<2 {
            posts.add("Watch face \(index)", "Draw a round watch face with the time and steps \(index).", ["Wear OS", "Android"])
        }
        for index in 0..<150 {
            posts.add("Web shop pages \(index)", "Build React pages for a shop\(index < 6 ? ", with Git" : ""), part \(index).", ["React", "JavaScript"])
        }
        for index in 0..<150 {
            posts.add("Wedding video \(index)", "Cut a wedding film with music \(index).", ["Video Editing", "Adobe Premiere Pro", "Color Grading"])
        }
        return posts.corpus()
    }()

    static let text = "title: Android Developer\nskills: [Android, Kotlin, Mobile App Development, Android Studio, Git, Espresso, Wear OS, Video Editing]\n"

    static func section() throws -> CorpusSection {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        return try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus)))
    }

    @Test func aToolOnlyTheFittingPostsNameIsCentral() throws {
        let section = try Self.section()
        #expect(section.fit.count == 80)
        #expect(section.fitPostsNaming("Android Studio") == 3 && section.corpusPostsNaming("Android Studio") == 3)
        #expect(section.isCentral("Android Studio", minLift: 1.5, companionShare: 0.25))
        // Git: 2 of the 80 fitting posts and 6 of the 302 others, about as common.
        #expect(section.fitPostsNaming("Git") == 2 && section.corpusPostsNaming("Git") == 8)
        #expect(!section.isCentral("Git", minLift: 1.5, companionShare: 0.25))
        #expect(!section.isCentral("Video Editing", minLift: 1.5, companionShare: 0.25))
    }

    @Test func oneFittingPostIsNoEvidenceOfANiche() throws {
        // Espresso is on 1 fitting post and no other: its lift is as high as it gets, but one
        // client's wording is not the niche's. Before, it counted as central.
        let section = try Self.section()
        #expect(section.fitPostsNaming("Espresso") == 1 && section.corpusPostsNaming("Espresso") == 1)
        #expect(!section.isCentral("Espresso", minLift: 1.5, companionShare: 0.25))
        #expect(Evidence.minSupport == 3)
    }

    @Test func aCompanionNeedsTheMinimumSupport() throws {
        // Wear OS is tagged on 2 posts, both beside Android, which every fitting post carries:
        // Android is its companion on 2 posts, under the 3 a central skill needs.
        let section = try Self.section()
        #expect(section.fitPostsNaming("Wear OS") == 0)
        #expect(section.nicheCompanion(of: "Wear OS", share: 0.25) != nil)
        #expect(section.nicheCompanion(of: "Wear OS", share: 0.25, minPosts: Evidence.minSupport) == nil)
        #expect(!section.isCentral("Wear OS", minLift: 1.5, companionShare: 0.25))
    }

    @Test func onACorpusMostlyOfTheNicheOneFittingPostIsStillNoEvidence() throws {
        // 80 Android posts and 20 web posts: the other posts are fewer than the fitting ones, so
        // no lift is required; a skill one fitting post names passed as central. (80 fitting
        // posts show a skill on one of them rare; 40 would not.)
        var posts = TestCorpus()
        for index in 0..<80 {
            let tool = index == 0 ? " Add Espresso tests." : index < 4 ? " Set up Android Studio for the build." : ""
            posts.add("Android app screens \(index)", "Build Android screens in Kotlin, part \(index).\(tool)", ["Android", "Kotlin"])
        }
        for index in 0..<20 {
            posts.add("Web shop pages \(index)", "Build React pages for a shop, part \(index).", ["React", "JavaScript"])
        }
        let corpus = posts.corpus()
        let text = "title: Android Developer\nskills: [Android, Kotlin, Android Studio, Espresso]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus)))
        #expect(section.fit.count == 80)
        #expect(section.isCentral("Android Studio", minLift: 1.5, companionShare: 0.25))
        #expect(!section.isCentral("Espresso", minLift: 1.5, companionShare: 0.25))
        let drop = Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck()).dropTags
        #expect(drop.map(\.text) == ["Espresso"], "\(drop)")
    }

    @Test func suggestDropsNeitherTheCoreToolNorKeepsTheOffNicheSkill() throws {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: Self.text)).profile)
        let items = Suggestions.make(for: profile.general, corpus: Self.corpus, keywords: KeywordCoverageCheck()).dropTags
        #expect(items.map(\.text) == ["Wear OS", "Video Editing", "Espresso", "Git"], "\(items)")
        // The corpus count is counted as the fit's is (carrying or naming): no post is tagged
        // Git, 8 name it, 2 of them fitting; it read "2 of 60 fitting posts (0 of all 360)".
        #expect(items.last?.posts == 2 && items.last?.corpusPosts == 8)
    }
}
