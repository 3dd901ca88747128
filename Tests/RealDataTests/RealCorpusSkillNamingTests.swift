import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Whether some fitting post carries or names a skill (`Corpus.anyFitPost`, what
/// `corpus-off-niche-skills` asks) agrees with the count of such posts being above zero
/// (`CorpusSection.fitPostsNaming`) on the real corpora: for each track profile, its own skills,
/// the other tracks' and a spread of the corpus's tags (rare ones among them).
@Suite struct RealCorpusSkillNamingTests {
    static let profiles = [TrackProfiles.android, TrackProfiles.ai, TrackProfiles.dataAnalyst, TrackProfiles.javascript,
                           TrackProfiles.mixed]

    static func check(_ corpus: Corpus) throws -> (named: Int, unnamed: Int) {
        // The profiles with enough fitting posts for advice (on data-analyst-340, not every track's).
        let sections = try profiles.compactMap { text in
            let profile = try TrackProfiles.profile(text)
            return CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus))
        }
        #expect(!sections.isEmpty)
        let skills = sections.flatMap { $0.query.skills.map(\.text) }
        let tags = stride(from: 0, to: corpus.stats.tagDisplays.count, by: 7).map { corpus.stats.tagDisplays[$0] }
        var named = 0, unnamed = 0
        for section in sections {
            for skill in skills + tags {
                let tag = corpus.stats.tagIndex[corpus.canonicalizer.key(skill)]
                let any = corpus.anyFitPost(carrying: tag, orHolding: section.namingTerms(of: skill), in: section.fit)
                #expect(any == (section.fitPostsNaming(skill) > 0), "'\(skill)'")
                if any { named += 1 } else { unnamed += 1 }
            }
        }
        return (named, unnamed)
    }

    @Test func onFourTracks() throws {
        let (named, unnamed) = try Self.check(RealData.fourTracksCorpus)
        #expect(named > 100 && unnamed > 100, "both answers are exercised: \(named) named, \(unnamed) not")
    }

    @Test func onDataAnalyst() throws {
        let (named, unnamed) = try Self.check(RealData.dataAnalystCorpus)
        #expect(named > 20 && unnamed > 20, "both answers are exercised: \(named) named, \(unnamed) not")
    }
}
