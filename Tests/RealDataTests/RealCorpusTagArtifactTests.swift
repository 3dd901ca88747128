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

    /// Tags of several words one data search gave its posts: `Search Engine Optimization`
    /// (152 posts; 8 name it, web posts, none of the data posts that fit), `IBM SPSS` (135; 3
    /// write SPSS) and `Human Resources Analytics` (53; 1). Tags the posts do name stay.
    @Test func multiWordArtifactsAreNotSuggestedToADataAnalyst() throws {
        let corpus = RealData.fourTracksCorpus
        let profile = try TrackProfiles.profile("""
            title: Power BI Consultant | Reports, DAX and Data Models
            overview: I turn SQL Server and Excel data into Power BI reports with tidy models and DAX measures.
            skills: [Microsoft Power BI, Data Visualization, DAX, SQL, Dashboard, Business Intelligence, Data Analysis, Microsoft Excel]
            """)
        let suggestions = Suggestions.make(for: profile.general, corpus: corpus, keywords: KeywordCoverageCheck())
        // Offered to add or as alternatives (`Tableau` and `Looker Studio`, in the titles of the
        // posts carrying them in place of Power BI, are alternatives).
        let tags = (suggestions.addTags + suggestions.alternativeTags).map(\.text)
        for artifact in ["Search Engine Optimization", "IBM SPSS", "Human Resources Analytics"] {
            #expect(!tags.contains(artifact), "\(tags)")
        }
        #expect(tags.contains("Tableau") || tags.contains("Looker Studio"), "tools the posts name stay: \(tags)")
        let query = ProfileQuery(section: profile.general, corpus: corpus)
        let fit = corpus.fit(query)
        let all = corpus.distinctiveTags(fit, minShare: 0.05, minLift: 1.5)
        let seo = try #require(all.first { $0.display == "Search Engine Optimization" }, "it marks the fit by counts")
        #expect(corpus.isNamedInText(seo), "named by enough of all its posts (the web ones)")
        #expect(!corpus.isNamedInText(seo, in: fit), "named by none of the fitting posts carrying it")
    }
}
