import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// On the real corpora, the posts a title part's words alone match (`Corpus.wordMatches`) are
/// the posts of its fit, and a split of them by a profile's fit and its common tags
/// (`Corpus.split`) is what reading each post's tag row gives: for the parts of the track
/// profiles' titles and of a spread of the corpus's own titles.
@Suite struct RealCorpusTitlePartTests {
    static func check(_ corpus: Corpus) throws -> Int {
        let profile = try TrackProfiles.profile(TrackProfiles.dataAnalyst)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus)))
        let tags = section.commonTags
        let fitPosts = Set(section.fit.posts)
        let titles = [TrackProfiles.android, TrackProfiles.ai, TrackProfiles.dataAnalyst, TrackProfiles.javascript, TrackProfiles.mixed]
            .compactMap { try? TrackProfiles.profile($0).general.node["title"]?.string }
            + stride(from: 0, to: corpus.stats.postCount, by: 40).map { corpus.stats.titles[$0] }
        var parts = 0
        for part in titles.flatMap(OffNicheCheck.parts(of:)) {
            let query = corpus.wordQuery(part)
            let matched = corpus.wordMatches(query)
            #expect(matched == corpus.fit(query).posts.sorted(), "'\(part)'")
            let split = corpus.split(matched, by: section.fit, outsideCarryingNoneOf: tags)
            let plainOut = matched.count { !fitPosts.contains($0) && !corpus.stats.tags(ofPost: $0).contains(where: tags.contains) }
            #expect(split.inFit == matched.filter(fitPosts.contains) && split.outside == plainOut, "'\(part)'")
            parts += 1
        }
        return parts
    }

    @Test func onFourTracks() throws {
        #expect(try Self.check(RealData.fourTracksCorpus) > 50)
    }

    @Test func onDataAnalyst() throws {
        #expect(try Self.check(RealData.dataAnalystCorpus) > 10)
    }
}
