import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Description prose is not a keyword: a term clients write in descriptions but rarely in
/// titles ('insights', 'decision making') is not reported, unless it names a skill tag; a term
/// they also title posts with ('Looker') is.
@Suite struct KeywordProseTests {
    /// 30 reporting posts, every description saying 'insights' and 'decision making', none of
    /// the titles; 'Looker' in two titles of three and every description; 'Tableau' in every
    /// description and a tag of a fifth of the posts, in no title. 40 posts of other work.
    static let corpus: Corpus = {
        var posts = TestCorpus()
        let titles = ["Looker sales dashboard", "Quarterly sales figures in Looker", "Monthly sales reporting"]
        let descriptions = ["Build reports in Looker from Tableau extracts; insights for decision making, batch",
                            "Our Looker views need Tableau exports to give insights for decision making, batch",
                            "Insights for decision making from Looker and Tableau, batch"]
        for index in 0..<30 {
            posts.add("\(titles[index % 3]) \(index)", "\(descriptions[index % 3]) \(index).",
                      ["Reporting", index % 5 == 0 ? "Tableau" : "Dashboard"])
        }
        for index in 0..<40 {
            posts.add("Wedding video edit \(index)", "Edit a wedding video with music and titles, film \(index).",
                      ["Video Editing"])
        }
        return posts.corpus()
    }()

    static func missing(_ check: KeywordCoverageCheck) throws -> [String] {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: "title: Sales Reporting\nskills: [Reporting]\n")).profile)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus)))
        #expect(section.fit.count == 30)
        return check.coverage(section).filter { !$0.covered }.map { $0.term.display.lowercased() }
    }

    @Test func descriptionProseIsNotAKeywordButTitleWordsAndTagsAre() throws {
        let terms = try Self.missing(KeywordCoverageCheck())
        #expect(terms.contains("looker"), "\(terms)")
        #expect(terms.contains("tableau"), "a tag is a skill wherever posts name it: \(terms)")
        #expect(!terms.contains { $0.contains("insight") || $0.contains("decision") }, "\(terms)")
        // The test off (0): the prose is reported again, ranked by how it marks the fit.
        let all = try Self.missing(KeywordCoverageCheck(minTitleAffinity: 0))
        #expect(all.contains { $0.contains("insight") } && all.contains { $0.contains("decision") }, "\(all)")
    }

    @Test func titleAffinityComparesWithAnAverageTermOfTheSameLength() throws {
        let corpus = Self.corpus
        func affinity(_ key: String) throws -> Double {
            let term = try #require(corpus.stats.termIndex[key], "\(key)")
            return try #require(corpus.titleAffinity(term))
        }
        #expect(try affinity("insight") == 0)
        #expect(try affinity("decis make") == 0)
        #expect(try affinity("looker") > 1)
        // A post's only words are its title: every term is as often in titles as on average.
        var titlesOnly = TestCorpus()
        for index in 0..<5 { titlesOnly.add("Looker reports \(index)", "", ["Reporting"]) }
        let headlines = titlesOnly.corpus()
        let looker = try #require(headlines.stats.termIndex["looker"])
        #expect(headlines.titleAffinity(looker) == 1)
        // Posts without titles tell nothing.
        var untitled = TestCorpus()
        for index in 0..<5 { untitled.add("", "Looker reports \(index)", ["Reporting"]) }
        let bodies = untitled.corpus()
        let inBodies = try #require(bodies.stats.termIndex["looker"])
        #expect(bodies.titleAffinity(inBodies) == nil)
    }
}
