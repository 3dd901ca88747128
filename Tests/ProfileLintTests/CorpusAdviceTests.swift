import Foundation
import Testing
import ProfileText
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The keyword advice on a small made-up corpus: ten sales-dashboard posts (the fit of a
/// sales-reporting profile) among thirty mobile-app posts, all of which say "project".
@Suite struct CorpusAdviceTests {
    static let aliases: SkillAliases? = try? SkillAliases([.init(canonical: "Microsoft Power BI", aliases: ["Power BI", "PowerBI"])])

    static let corpus: Corpus = {
        let descriptions = ["Connect Power BI to our store figures. Insights matter.", "Weekly insights for managers, built in Power BI.",
                            "Power BI pages; we want insights on margins.", "Insights from returns data, shown with Power BI.",
                            "Our Power BI file needs new insights on churn."]
        var posts: [JobPost] = []
        for index in 0..<10 {
            let title = index < 4 ? "Power BI dashboard for sales \(index)" : "Sales numbers in Power BI \(index)"
            posts.append(JobPost(title: title, description: "\(descriptions[index % 5]) Project \(index).",
                                 skills: ["Dashboard"], location: PostLocation(path: "jobs.csv", line: index + 2)))
        }
        for index in 0..<30 {
            posts.append(JobPost(title: "Flutter app \(index)", description: "A mobile project with Flutter screens \(index).",
                                 skills: ["Flutter"], location: PostLocation(path: "jobs.csv", line: index + 12)))
        }
        let canonicalizer = TagCanonicalizer(aliases: aliases)
        let stats = CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0), canonicalizer: canonicalizer)
        return Corpus(stats: stats, canonicalizer: canonicalizer)
    }()

    /// The corpus's niche has 10 posts, under the default minimum of fitting posts.
    static let criterion = FitCriterion(minFittingPosts: 10)

    static func missing(_ text: String) throws -> [String] {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
        let section = try #require(CorpusSection(profile.general, context: LintContext(profile: profile, corpus: corpus, fitCriterion: criterion)))
        #expect(section.fit.count == 10)
        // 'insights' is description prose here (in no title): the title test is `KeywordProseTests`'.
        return KeywordCoverageCheck(ignore: [], minTitleAffinity: 0).coverage(section).filter { !$0.covered }.map(\.term.display)
    }

    @Test func reportsThePhraseInClientsSpellingNotItsFragmentsNorGenericWords() throws {
        let terms = try Self.missing("title: Sales Reporting\noverview: Sales figures each month.\nskills: [Dashboard]")
        #expect(terms.contains("Power BI"), "\(terms)")
        #expect(terms.contains("insights"), "\(terms)")
        #expect(!terms.contains { ["power", "bi", "project"].contains($0.lowercased()) }, "\(terms)")
    }

    @Test func termsCoveredByAnAliasOrAnotherFormOfTheWordAreNotReported() throws {
        let terms = try Self.missing("title: Sales Reporting\noverview: One insight a week on sales.\nskills: [Dashboard, PowerBI]")
        #expect(!terms.contains("Power BI"), "\(terms)")
        #expect(!terms.contains("insights"), "\(terms)")
    }

    @Test func stemFamiliesShareALongPrefix() {
        #expect(SectionVocabulary.sameFamily("analyz", "analysi"))
        #expect(SectionVocabulary.sameFamily("report", "report"))
        #expect(!SectionVocabulary.sameFamily("data", "databas"))
        #expect(!SectionVocabulary.sameFamily("present", "presid"))
        #expect(Corpus.subGrams(of: "microsoft power bi") == ["microsoft", "power", "bi", "microsoft power", "power bi"])
    }

    @Test func notesAddWhereAndHowDistinctiveNeverRepeatTheMessage() throws {
        let profile = try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: "title: Sales Reporting\nskills: [Dashboard]")).profile)
        let check = KeywordCoverageCheck(ignore: [])
        let findings = check.check(profile.general, context: LintContext(profile: profile, corpus: Self.corpus, fitCriterion: Self.criterion))
        let powerBI = try #require(findings.first { $0.arguments["term"] == "Power BI" })
        let evidence = try #require(powerBI.arguments["evidence"])
        #expect(evidence == "in 10 of the 10 fitting posts (100%; 25% of all 40 posts)")
        #expect(!powerBI.notes.contains { $0.message.contains(evidence) })
        let whereNote = try #require(powerBI.notes.first?.message)
        #expect(whereNote.hasPrefix("10 of them put it in the title: '"), "\(whereNote)")
        #expect(whereNote.contains("(jobs.csv:") && whereNote.contains(" and "), "\(whereNote)")
        #expect(powerBI.notes.contains { $0.message.hasPrefix("it is in none of the other 30 posts") })
    }
}

@Suite struct StatisticsTests {
    /// The same weights in any order give the same bits (callers pass dictionary values,
    /// whose order changes between runs; the niche-focus score depended on it).
    @Test func entropyDoesNotDependOnTheOrderOfTheWeights() {
        let weights: [Double] = [1, 7, 2, 3, 5, 11, 13]
        let reference = Statistics.normalizedEntropy(weights, outcomes: 12)
        var permutation = weights
        for step in 0..<40 {
            permutation.swapAt(step % weights.count, (step * 3 + 1) % weights.count)
            #expect(Statistics.normalizedEntropy(permutation, outcomes: 12).bitPattern == reference.bitPattern)
        }
        #expect(Statistics.normalizedEntropy([4], outcomes: 12) == 0)
        #expect(abs(Statistics.normalizedEntropy([1, 1], outcomes: 2) - 1) < 1e-12)
    }
}
