import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A keyword that names no skill tag must hold its lift at the lower bound of what the fit
/// supports (`KeywordCoverageCheck.isSupported`): a common word on 6 of 16 fitting posts passes
/// the lift test by chance; on 18 of 48 it is the niche's. A word naming a tag keeps the plain test.
@Suite struct KeywordEvidenceTests {
    static let firms = ["bakery", "dental clinic", "law office", "garage", "florist", "gym", "cafe", "hotel"]
    /// Sentences naming python, none in half of the posts (a phrase in half would stand for it).
    static let pythonSentences = [" Some steps run python.", " A python script cleans rows.", " We like python here."]

    /// `fit` Zapier posts, 3 in 8 saying 'industry' in the title and 'python' in the text, and
    /// 600 web posts, 9% saying both, tagged `Python` there.
    static func keywords(fit: Int) throws -> (all: [Evidence], missing: [String]) {
        var posts = TestCorpus()
        for index in 0..<fit {
            let common = index % 8 < 3
            posts.add("Zapier workflows for a \(firms[index % 8])\(common ? " in the industry" : "") \(index)",
                      "Connect forms to the CRM with Zapier and Make, batch \(index).\(common ? Self.pythonSentences[index % 3] : "")",
                      ["Zapier", "Make.com"])
        }
        for index in 0..<600 {
            let common = index % 100 < 9
            posts.add("React page for a \(firms[index % 8])\(common ? " in the industry" : "") \(index)",
                      "Build the landing page in React, part \(index).\(common ? Self.pythonSentences[index % 3] : "")",
                      ["React", "JavaScript"] + (common ? ["Python"] : []))
        }
        let corpus = posts.corpus()
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: "title: Zapier Automation Expert\nskills: [Zapier, Make.com]\n")).profile)
        let query = ProfileQuery(section: profile.general, corpus: corpus)
        let section = CorpusSection(corpus: corpus, query: query, fit: corpus.fit(query))
        #expect(section.fit.count == fit, "\(section.fit.count)")
        let check = KeywordCoverageCheck()
        let all = section.wordTerms(minShare: check.minShare, ignore: [], limit: check.topTerms, minLift: check.minLift)
        return (all, check.coverage(section).filter { !$0.covered }.map(\.term.display))
    }

    @Test func aCommonWordOnASmallFitIsChanceAndATagNameIsASkill() throws {
        let small = try Self.keywords(fit: 16)
        let industry = try #require(small.all.first { $0.key == "industri" }, "\(small.all.map(\.key))")
        #expect(industry.lift >= 2.5 && !industry.isDistinctive(minLift: 2.5), "\(industry.lift) \(industry.supportedLift)")
        #expect(small.missing.contains("python") && !small.missing.contains("industry"), "\(small.missing)")
    }

    @Test func theSameShareOfALargerFitIsTheNiches() throws {
        let large = try Self.keywords(fit: 48)
        #expect(large.missing.contains("python") && large.missing.contains("industry"), "\(large.missing)")
    }
}
