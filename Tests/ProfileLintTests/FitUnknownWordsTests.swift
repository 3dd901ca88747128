import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// What a profile names that the corpus never does: its unknown words must not make every post
/// look irrelevant (a corpus of one niche, whose own words are in most posts and weigh little),
/// and its unknown skills must not let a profile whose niche the corpus lacks fit other niches'
/// posts on a few common words.
@Suite struct FitUnknownWordsTests {
    /// 30 posts, all Android work: the profile's niche is the whole corpus.
    static func uniform(tagged: Bool) -> Corpus {
        var posts = TestCorpus()
        let apps = ["step counter", "parking meter", "recipe planner", "bus timetable", "plant care", "expense log"]
        let extras = ["Room", "Retrofit", "Firebase", "Google Play", "Material Design"]
        for index in 0..<30 {
            posts.add("Android developer for a \(apps[index % 6]) app \(index)",
                      "Build our Android app in Kotlin with Jetpack Compose screens and a Play Store release, part \(index).",
                      tagged ? ["Android", "Kotlin", "Mobile App Development", extras[index % 5]] : [])
        }
        return posts.corpus()
    }

    /// Android and web posts, and one untagged post about writing web copy.
    static let mixed: Corpus = {
        var posts = TestCorpus()
        for index in 0..<20 {
            posts.add("Kotlin Android app \(index)", "A native Android app in Kotlin for our brand \(index).",
                      ["Android", "Kotlin", "Mobile App Development"])
            posts.add("Web landing page \(index)", "A React landing page for our brand and its blog \(index).",
                      ["React", "JavaScript", "Web Design"])
        }
        posts.add("Copywriter for our landing page", "Write the landing page copy and three blog articles for our brand.", [])
        return posts.corpus()
    }()

    static func fit(_ profile: String, _ corpus: Corpus) throws -> Fit {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: profile)).profile)
        let context = LintContext(profile: profile, corpus: corpus, fitCriterion: FitCriterion())
        return try #require(CorpusSection.any(profile.general, context: context)).fit
    }

    /// Five words of the title ('wearable', 'health', 'clinic', 'sensor', 'watch') and two
    /// skills are in no post.
    static let wearables = """
        title: Android Developer for Wearable Health Sensors and Clinic Watch Apps
        skills: [Android, Kotlin, Jetpack Compose, Wear OS, Bluetooth Low Energy]
        """

    @Test func aCorpusOfTheProfilesNicheFitsItsPosts() throws {
        let fit = try Self.fit(Self.wearables, Self.uniform(tagged: true))
        // Every post shares two or three of the profile's tags and names its known words. Each
        // known word is in every post, where rank-bm25's idf floor is negative; counted with
        // the idf of an unseen word, the five unknown words outweighed them; none fitted.
        #expect(fit.count == 30 && fit.isEnough, "\(fit.count)")
        #expect(fit.wordScores.allSatisfy { $0 > 0.5 }, "\(fit.wordScores)")
    }

    @Test func onWordsAloneUnknownWordsStillCountAsMissing() throws {
        // Without tags the words are all the evidence: the score is scaled by the share of the
        // profile's word weight the corpus knows, an unknown word weighing the idf of an unseen
        // one. A profile naming only words the corpus uses fits every post; the wearables
        // profile, five of whose eleven words no post uses, fits none (the limit of words
        // alone: the same weight keeps 'Logo Designer' from fitting posts on 'design').
        let plain = try Self.fit("title: Android Developer\nskills: [Android, Kotlin, Jetpack Compose]\n", Self.uniform(tagged: false))
        #expect(plain.count == 30 && plain.tagShares.allSatisfy { $0 == nil }, "\(plain.count)")
        #expect(try Self.fit(Self.wearables, Self.uniform(tagged: false)).count == 0)
    }

    @Test func aNicheTheCorpusLacksFitsNoTaggedPost() throws {
        // 'landing', 'page', 'brand' and 'blog' are in the web posts, but no post carries a
        // copywriting skill: tagged posts never fit on words, whether or not the corpus knows
        // one of the profile's skills. The untagged copywriting post fits on its words.
        let copywriter = """
            title: Copywriter for Brand Landing Pages and Blog Articles
            skills: [Copywriting, SEO Writing, Blog Writing]
            """
        let fit = try Self.fit(copywriter, Self.mixed)
        let titles = fit.posts.map { Self.mixed.stats.titles[$0] }
        #expect(titles == ["Copywriter for our landing page"], "\(titles)")
        #expect(!fit.isEnough)
    }

    @Test func unknownWordsDoNotGrowAMinorityFit() throws {
        // The word guard no longer counts the unknown words, so it is easier to pass: on a
        // corpus where the Android niche is 2 posts among 60 of other work, the fit must still
        // be those posts' and none of the learning posts that carry `Android`.
        let full = try Self.fit(Self.wearables, FitCompositionTests.corpus(androidPosts: 20))
        let minority = try Self.fit(Self.wearables, FitCompositionTests.corpus(androidPosts: 2))
        let corpus = FitCompositionTests.corpus(androidPosts: 2)
        let titles = minority.posts.map { corpus.stats.titles[$0] }
        #expect(full.count == 20)
        #expect(Set(titles) == ["Kotlin Android app for a fitness tracker 0", "Kotlin Android app for a parking meter 1"], "\(titles)")
    }
}
