import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Tags clients ask for instead of the section's own are offered apart. The corpus: 40
/// Android posts tagged `Android`, `Kotlin`, `Mobile App Development`; 10 more that add `iOS`
/// (a companion: they carry all three of the profile's tags); 10 Flutter posts tagged only
/// `Flutter` and `Mobile App Development` (one of the profile's tags: an alternative); and 150
/// web posts.
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
            posts.add("Flutter mobile app \(index)", "Build a mobile app in Flutter for a gym, part \(index).",
                      ["Flutter", "Mobile App Development"])
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
        #expect(suggestions.alternativeTags.map(\.text) == ["Flutter"], "\(suggestions.alternativeTags)")
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
        // (50 posts × 3 tags + 10 × 1) / 60 posts.
        #expect(abs(overlap.base - 160.0 / 60.0) < 1e-9)
        let flutter = try #require(Self.corpus.stats.tagIndex[Self.corpus.canonicalizer.key("Flutter")])
        let iOS = try #require(Self.corpus.stats.tagIndex[Self.corpus.canonicalizer.key("iOS")])
        #expect(overlap.byTag[flutter]?.posts == 10 && overlap.byTag[flutter]?.sectionTags == 10)
        #expect(overlap.byTag[iOS]?.posts == 10 && overlap.byTag[iOS]?.sectionTags == 30)
        // At the threshold's edge: Flutter's 1 tag per post is under 0.9 × 2.67; iOS's 3 are not.
        #expect(1 < Suggestions.maxAlternativeOverlap * overlap.base && 3 >= Suggestions.maxAlternativeOverlap * overlap.base)
    }
}
