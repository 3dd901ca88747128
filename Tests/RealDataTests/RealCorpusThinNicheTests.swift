import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A niche cut to about 5% of `four-tracks-2400.csv` (every post of the other tracks, an even
/// sample of its own): its fit is mostly other searches' posts sharing its common skills. The
/// JavaScript one is thin there (the AI and mobile searches returned more React and JavaScript
/// posts than the JavaScript search kept); the other tracks' profiles keep their advice.
@Suite struct RealCorpusThinNicheTests {
    static func cut(_ track: String) throws -> Corpus {
        let loaded = try RealData.loadPosts(RealData.fourTracks)
        let own = loaded.posts.filter { $0.category == track }.count
        let step = max(1, own / ((loaded.posts.count - own) / 19))
        var index = 0
        let posts = loaded.posts.filter { post in
            guard post.category == track else { return true }
            defer { index += 1 }
            return index % step == 0
        }
        let canonicalizer = TagCanonicalizer()
        return Corpus(stats: CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0), canonicalizer: canonicalizer),
                      canonicalizer: canonicalizer)
    }

    static func fit(_ text: String, _ corpus: Corpus) throws -> Fit {
        corpus.fit(ProfileQuery(section: try TrackProfiles.profile(text).general, corpus: corpus))
    }

    @Test func aJavaScriptProfileOnACorpusWithFewJavaScriptPostsIsThin() throws {
        let fit = try Self.fit(TrackProfiles.javascript, try Self.cut("javascript_developer"))
        #expect(fit.count >= FitCriterion().minFittingPosts && fit.isThin, "\(fit.summary), support \(String(describing: fit.support))")
        #expect(!fit.isEnough)
    }

    @Test(arguments: [
        ("android_developer", TrackProfiles.android), ("artificial_intelligence", TrackProfiles.ai),
        ("data_analyst", TrackProfiles.dataAnalyst),
    ])
    func theOtherTracksKeepTheirAdviceOnTheirCutCorpora(_ track: String, _ text: String) throws {
        let fit = try Self.fit(text, try Self.cut(track))
        #expect(fit.isEnough, "\(track): \(fit.summary), support \(String(describing: fit.support))")
    }

    @Test func onTheWholeCorpusEveryTrackProfileHasItsSupport() throws {
        for text in [TrackProfiles.android, TrackProfiles.ai, TrackProfiles.dataAnalyst, TrackProfiles.javascript] {
            let fit = try Self.fit(text, RealData.fourTracksCorpus)
            let support = try #require(fit.support, "the track labels tell the corpus's tags apart")
            #expect(fit.isEnough && Double(support) >= 0.8 * Double(fit.count), "\(fit.summary), support \(support)")
        }
    }
}
