import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The word guard of a tagged post reads the section's title and the tags the post shares,
/// not every skill listed: a profile listing the marketplace's 15 skills must not need more of
/// a short post's words than the same profile listing 5.
@Suite struct FitGuardTests {
    static let androidSkills = ["Android", "Kotlin", "Android App Development", "Java", "Mobile App Development"]
    /// Ten more skills of the niche, each the tag of a few posts of the corpus (so the corpus
    /// knows their words, and they weigh in a guard built from every listed skill).
    static let moreSkills = ["Firebase", "Google Play", "SQLite", "Android Studio", "RESTful API", "Git",
                             "Mobile App Testing", "Android SDK", "Smartphone", "Material Design"]

    /// 20 short Android posts tagged `Android` and `Kotlin` among three others; 20 posts, one
    /// per extra skill twice, naming it; 20 web posts.
    static let corpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<20 {
            posts.add("Android app fix \(index)", "Fix the login screen of our Kotlin Android app, ticket \(index).",
                      ["Android", "Kotlin", "User Authentication", "Bug Fix", "Smartphone App"])
        }
        for (index, skill) in (moreSkills + moreSkills).enumerated() {
            posts.add("\(skill) work \(index)", "Set up \(skill) for our team, task \(index).", [skill, "Consulting"])
        }
        for index in 0..<20 {
            posts.add("Landing page \(index)", "A React landing page for our brand \(index).", ["React", "JavaScript", "Web Design"])
        }
        return posts.corpus()
    }()

    static func fit(skills: [String], title: String = "Android Developer") throws -> Fit {
        let text = "title: \(title)\nskills: [\(skills.joined(separator: ", "))]\n"
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        return corpus.fit(ProfileQuery(section: profile.general, corpus: corpus))
    }

    @Test func fifteenSkillsFitTheShortPostsFiveFit() throws {
        let five = try Self.fit(skills: Self.androidSkills)
        let fifteen = try Self.fit(skills: Self.androidSkills + Self.moreSkills)
        let android = Set(five.posts.filter { $0 < 20 })
        #expect(android.count == 20, "\(five.posts)")
        #expect(Set(fifteen.posts.filter { $0 < 20 }) == android)
        // Read on every listed skill's words, the short posts score under the 0.1 guard.
        let query = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: "title: Android Developer\nskills: [\((Self.androidSkills + Self.moreSkills).joined(separator: ", "))]\n")).profile)
        var words: [Double] = []
        _ = Relevance(stats: Self.corpus.stats).wordScores(ProfileQuery(section: query.general, corpus: Self.corpus).fitQuery,
                                                           stats: Self.corpus.stats, bm25: Self.corpus.bm25, into: &words)
        #expect(words[0] < FitCriterion().minWordScore, "\(words[0])")
    }

    @Test func aPostsGuardDoesNotChangeWithSkillsItDoesNotShare() throws {
        // The Android posts share `Android` and `Kotlin` with both versions: the same words
        // guard them, so the same word scores.
        let five = try Self.fit(skills: Self.androidSkills)
        let fifteen = try Self.fit(skills: Self.androidSkills + Self.moreSkills)
        func scores(_ fit: Fit) -> [Int: Double] {
            Dictionary(uniqueKeysWithValues: zip(fit.posts, fit.wordScores).filter { $0.0 < 20 })
        }
        #expect(scores(five) == scores(fifteen))
        #expect(scores(five).values.allSatisfy { $0 >= FitCriterion().minWordScore })
        // An extra-skill post shares one of its two tags and names it: it fits the version
        // listing that skill, on the title's and that tag's words.
        let firebase = try #require(Self.corpus.stats.titles.firstIndex { $0 == "Firebase work 0" })
        #expect(fifteen.posts.contains(firebase) && !five.posts.contains(firebase))
    }

    @Test func withoutATitleTheCorpusKnowsTheGuardReadsEverySkill() throws {
        // As it did for every profile before: the short Android posts name too few of 15 skills.
        let untitled = try Self.fit(skills: Self.androidSkills + Self.moreSkills, title: "Zyxwv")
        #expect(!untitled.posts.contains { $0 < 20 }, "\(untitled.posts.map { Self.corpus.stats.titles[$0] })")
    }
}
