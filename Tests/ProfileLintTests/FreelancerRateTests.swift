import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A corpus of freelancer profiles gives each freelancer's own rate (one amount in the `rate`
/// field, such as an `hourly_rate` column), not clients' hourly ranges: the rate rule says
/// "other freelancers' rates" there and "clients' hourly ranges" on job posts.
@Suite struct FreelancerRateTests {
    @Test func aSingleAmountInTheRateFieldIsAFreelancersOwnRate() throws {
        let corpus = try TemporaryCorpus([
            "people.csv": "headline,skills,hourly_rate\nA,SQL,$35.00\nB,SQL,$20-$40\n",
            "posts.csv": "title,skills,hourly_min,hourly_max\nC,SQL,20,40\nD,SQL,30,\n",
        ])
        defer { corpus.remove() }
        let posts = try corpus.load().posts.sorted { $0.title < $1.title }
        #expect(posts.map(\.title) == ["A", "B", "C", "D"])
        // One amount is one person's rate; a range is a client's offer, whichever column gives it.
        #expect(posts.map(\.budget.isFreelancerRate) == [true, false, false, false])
        #expect(posts[0].budget.hourlyMin == 35 && posts[0].budget.hourlyMax == 35)
    }

    static func corpus(freelancers: Bool) -> Corpus {
        let posts = (0..<30).map { index in
            SmallCorpus.post(index, title: "Power BI dashboard", skills: ["Microsoft Power BI", "SQL"],
                             budget: freelancers ? Budget(hourlyMin: Double(30 + index % 3 * 10), hourlyMax: Double(30 + index % 3 * 10), isFreelancerRate: true)
                                 : Budget(hourlyMin: 30, hourlyMax: 50))
        }
        // Another niche, so the Power BI words and tags tell posts apart.
        let apps = (30..<90).map { SmallCorpus.post($0, title: "Flutter mobile app", skills: ["Flutter"]) }
        return SmallCorpus.make(posts + apps)
    }

    @Test func rateMessagesNameWhatTheCorpusHolds() throws {
        let rates = try #require(try CorpusRateRangeTests.findings(rate: "90", corpus: Self.corpus(freelancers: true)).findings.first)
        #expect(rates.arguments["comparison"] == "above the rates of 30 of 30 other freelancers (100%)")
        #expect(rates.notes.first?.message.hasSuffix("give a freelancer's hourly rate: $90 is above 30 of them, below 0, equal to 0") == true)
        #expect(rates.notes.contains { $0.message == "their rates run from $30 to $50; the most of them (10 of 30) charge $30" })
        #expect(!rates.notes.contains { $0.message.contains("client") })
        let low = try #require(try CorpusRateRangeTests.findings(rate: "5", corpus: Self.corpus(freelancers: true)).findings.first)
        #expect(low.arguments["comparison"] == "below the rates of 30 of 30 other freelancers (100%)")
        #expect(low.notes.last?.message.hasSuffix("consider $30, the rate the most of them charge") == true)

        let ranges = try #require(try CorpusRateRangeTests.findings(rate: "90", corpus: Self.corpus(freelancers: false)).findings.first)
        #expect(ranges.arguments["comparison"] == "above the maximum of 30 of 30 clients' hourly ranges (100%)")
        #expect(ranges.notes.last?.message.hasPrefix("few of these clients budget this much") == true)
    }

    @Test func theWordingFollowsWhatMostAmountsAre() {
        let corpus = Self.corpus(freelancers: true)
        let all = HourlyRanges(Array(0..<30), stats: corpus.stats)
        #expect(all.freelancerRates == 30 && all.areFreelancerRates)
        #expect(!HourlyRanges(Array(0..<30), stats: Self.corpus(freelancers: false).stats).areFreelancerRates)
    }
}
