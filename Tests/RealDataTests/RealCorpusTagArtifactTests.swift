import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// On four-tracks, `Neo4j` is a tag on 178 data-analyst posts whose texts never name it (one
/// search's posts all got it): distinctive of the data track by counts, but never suggested.
@Suite struct RealCorpusTagArtifactTests {
    @Test func aTagNoPostNamesIsNotSuggestedToAPowerBIProfile() throws {
        let corpus = RealData.fourTracksCorpus
        let profile = try TrackProfiles.profile("""
            title: Power BI Developer
            overview: I build Power BI dashboards and DAX measures on SQL Server data.
            skills: [Microsoft Power BI, Data Visualization, DAX, SQL, Dashboard]
            """)
        let query = ProfileQuery(section: profile.general, corpus: corpus)
        let fit = corpus.fit(query)
        let neo4j = try #require(corpus.distinctiveTags(fit, minShare: 0.05, minLift: 1.5).first { $0.display == "Neo4j" },
                                 "Neo4j marks the data posts by counts alone")
        #expect(neo4j.inCorpus >= 170)
        #expect(!corpus.isNamedInText(neo4j))
        let suggestions = Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck())
        let tags = suggestions.addTags.map(\.text)
        #expect(!tags.contains("Neo4j"), "\(tags)")
        #expect(!tags.isEmpty, "other tags of the niche are still suggested")
    }
}
