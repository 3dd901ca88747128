import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Tags clients ask for instead of the section's own are offered apart. The corpus: 40
/// Android posts tagged `Android`, `Kotlin`, `Mobile App Development`; 10 more that add `iOS`
/// (a companion: their other tags are all the profile's); 10 Flutter posts tagged `Flutter`,
/// `Dart`, `Mobile App Development` and `Android` (two thirds of their other tags are the
/// profile's: the alternatives); and 150 web posts.
@Suite struct AlternativeTagsTests {
    static let corpus: Corpus = {
        var posts = TestCorpus()
        for index in 0..<40 {
            posts.add("Android app screens \(index)", "Build Android screens in Kotlin for a mobile app, part \(index).",
                      ["Android", "Kotlin", "Mobile App Development"])
        }
        for index in 0..<10 {
            posts.add("Android and iOS app \(index)", "Build the Android app in Kotlin and its iOS twin for a mobile shop, part \(index).",
                      ["Android", "Kotlin", "Mobile App Development", "iOS"])
        }
        for index in 0..<10 {
            posts.add("Flutter mobile app \(index)", "Build a mobile app in Flutter and Dart for a gym, part \(index).",
                      ["Flutter", "Dart", "Mobile App Development", "Android"])
        }
        for index in 0..<150 {
            posts.add("Web shop pages \(index)", "Build React pages for a shop, part \(index).", ["React", "JavaScript"])
        }
        return posts.corpus()
    }()

    static let text = "title: Android Developer\nskills: [Android, Kotlin, Mobile App Development]\n"

    static func suggestions() throws -> Suggestions {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        return Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck())
    }

    @Test func aTagWhosePostsCarryFewerOfTheProfilesTagsIsAnAlternative() throws {
        let suggestions = try Self.suggestions()
        #expect(suggestions.fitSize == 60)
        #expect(suggestions.addTags.map(\.text) == ["iOS"], "\(suggestions.addTags)")
        #expect(Set(suggestions.alternativeTags.map(\.text)) == ["Flutter", "Dart"], "\(suggestions.alternativeTags)")
        let text = suggestions.text()
        #expect(text.contains("Alternatives clients also ask for"), "\(text)")
        #expect(text.contains("  Flutter — in 10 of 60 fitting posts (10 of all 210)"), "\(text)")
        let json = String(decoding: try JSONEncoder().encode(suggestions), as: UTF8.self)
        #expect(json.contains(#""alternative_tags":[{"#), "\(json)")
    }

    @Test func theOverlapIsMeasuredOnTheTaggedFittingPosts() throws {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: Self.text)).profile)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: Self.corpus)))
        let overlap = section.sectionTagOverlap
        // 40 posts whose 3 tags are all the profile's, 10 with 3 of 4, 10 with 2 of 4.
        #expect(abs(overlap.base - (40 + 10 * 0.75 + 10 * 0.5) / 60) < 1e-9)
        let flutter = try #require(Self.corpus.stats.tagIndex[Self.corpus.canonicalizer.key("Flutter")])
        let iOS = try #require(Self.corpus.stats.tagIndex[Self.corpus.canonicalizer.key("iOS")])
        // Leaving the tag's own slot out: two of a Flutter post's three other tags are the
        // profile's (Dart is not), all three of an iOS post's are.
        #expect(overlap.byTag[flutter]?.posts == 10 && abs((overlap.byTag[flutter]?.sectionShare ?? 0) - 20.0 / 3) < 1e-9)
        #expect(overlap.byTag[iOS]?.posts == 10 && overlap.byTag[iOS]?.sectionShare == 10)
        #expect(2.0 / 3 < Suggestions.maxAlternativeOverlap * overlap.base && 1 >= Suggestions.maxAlternativeOverlap * overlap.base)
    }

    /// 40 Android posts; 10 tagged like them plus `Firebase` (titled by Android, the text naming
    /// Firebase); 10 tagged like them plus `Flutter`, titled by Flutter alone: as many of their
    /// other tags are the profile's, so only their titles tell that they hire for Flutter.
    @Test func aTagTheCarryingPostsTitleInsteadOfTheProfilesSkillsIsAnAlternative() throws {
        var posts = TestCorpus()
        for index in 0..<40 {
            posts.add("Android app screens \(index)", "Build Android screens in Kotlin for a mobile app, part \(index).",
                      ["Android", "Kotlin", "Mobile App Development"])
        }
        for index in 0..<10 {
            posts.add("Android app with a login \(index)", "Build the Android app in Kotlin with a Firebase login, part \(index).",
                      ["Android", "Kotlin", "Mobile App Development", "Firebase"])
        }
        for index in 0..<10 {
            posts.add("Flutter developer for a gym \(index)", "Build the mobile app for Android phones in Kotlin or Flutter, part \(index).",
                      ["Android", "Kotlin", "Mobile App Development", "Flutter"])
        }
        for index in 0..<150 {
            posts.add("Web shop pages \(index)", "Build React pages for a shop, part \(index).", ["React", "JavaScript"])
        }
        let corpus = posts.corpus()
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: Self.text)).profile)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus)))
        let tags = corpus.fitTags(section.fit).filter { ["Flutter", "Firebase"].contains($0.display) }
        let share = Dictionary(uniqueKeysWithValues: tags.map { ($0.display, section.titleNamingShare(of: $0)) })
        #expect(share == ["Flutter": 1, "Firebase": 0], "\(share)")
        let suggestions = Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck())
        #expect(suggestions.fitSize == 60)
        #expect(suggestions.addTags.map(\.text) == ["Firebase"], "\(suggestions.addTags)")
        #expect(suggestions.alternativeTags.map(\.text) == ["Flutter"], "\(suggestions.alternativeTags)")
    }
}
