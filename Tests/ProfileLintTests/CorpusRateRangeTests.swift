import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// A corpus built from posts in a test (no files, no de-duplication).
enum SmallCorpus {
    static func make(_ posts: [JobPost]) -> Corpus {
        Corpus(stats: CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0)))
    }

    static func post(_ index: Int, title: String, skills: [String], category: String? = nil, budget: Budget = Budget()) -> JobPost {
        JobPost(title: "\(title) \(index)", description: "\(title) work: \(skills.joined(separator: ", ")).", skills: skills,
                category: category, budget: budget, location: PostLocation(path: "jobs.csv", line: index + 2))
    }

    static func profile(_ text: String) throws -> Profile {
        try #require(ProfileLoader.load(SourceFile(path: "p.yaml", text: text)).profile)
    }
}

@Suite struct HourlyRangesTests {
    @Test func openEndsSingleAmountsAndSwappedEnds() {
        let budgets = [Budget(hourlyMin: 30), Budget(hourlyMax: 20), Budget(hourlyMin: 25, hourlyMax: 25),
                       Budget(hourlyMin: 60, hourlyMax: 40), Budget(fixed: 900), Budget(), Budget(hourlyMin: 0, hourlyMax: 0)]
        let posts = budgets.enumerated().map { SmallCorpus.post($0, title: "Report", skills: ["SQL"], budget: $1) }
        let stats = CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0))
        let ranges = HourlyRanges(Array(0..<stats.postCount), stats: stats)
        #expect(ranges.count == 4, "fixed-price, empty and zero budgets are not hourly ranges")
        #expect(ranges.ranges.contains { $0.min == 40 && $0.max == 60 })
        // $35: inside `from $30`; above `up to $20` and the single $25; below [$40, $60].
        #expect(ranges.place(35) == HourlyRanges.Placement(startAbove: 1, inside: 1, endBelow: 2))
        #expect(ranges.place(25) == HourlyRanges.Placement(startAbove: 2, inside: 1, endBelow: 1))
        #expect(ranges.place(50) == HourlyRanges.Placement(startAbove: 0, inside: 2, endBelow: 2))
        #expect(ranges.span?.low == 20 && ranges.span?.high == 60)
        let busiest = ranges.busiest
        #expect(busiest?.low == 40 && busiest?.high == 60 && busiest?.ranges == 2)
    }

    @Test func busiestRatesWithOpenEnds() throws {
        func busiest(_ budgets: [Budget]) -> (low: Double, high: Double, ranges: Int)? {
            let posts = budgets.enumerated().map { SmallCorpus.post($0, title: "Report", skills: ["SQL"], budget: $1) }
            let stats = CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0))
            return HourlyRanges(Array(0..<stats.postCount), stats: stats).busiest
        }
        let onlyMaximums = try #require(busiest([Budget(hourlyMax: 20), Budget(hourlyMax: 30)]))
        #expect(!onlyMaximums.low.isFinite && onlyMaximums.high == 20 && onlyMaximums.ranges == 2)
        let onlyMinimums = try #require(busiest([Budget(hourlyMin: 20), Budget(hourlyMin: 30)]))
        #expect(onlyMinimums.low == 30 && !onlyMinimums.high.isFinite && onlyMinimums.ranges == 2)
        #expect(busiest([Budget(fixed: 100)]) == nil)
    }
}

/// `rate-range` on 60 Power BI posts among 120 mobile posts; every third Power BI client offers
/// $30-$60 an hour, the others $10-$30.
@Suite struct CorpusRateRangeTests {
    static func corpus(budget: (Int) -> Budget) -> Corpus {
        let reports = (0..<60).map { SmallCorpus.post($0, title: "Power BI dashboard", skills: ["Microsoft Power BI", "SQL"], budget: budget($0)) }
        let apps = (60..<180).map { SmallCorpus.post($0, title: "Flutter mobile app", skills: ["Flutter"], budget: Budget(hourlyMin: 5, hourlyMax: 8)) }
        return SmallCorpus.make(reports + apps)
    }

    static let mixed = corpus { $0 % 3 == 0 ? Budget(hourlyMin: 30, hourlyMax: 60) : Budget(hourlyMin: 10, hourlyMax: 30) }

    static func findings(rate: String, corpus: Corpus = mixed) throws -> (findings: [Finding], section: CorpusSection) {
        let profile = try SmallCorpus.profile("title: Power BI Dashboard Developer\nskills: [Microsoft Power BI, SQL]\nhourly_rate: \(rate)")
        let context = LintContext(profile: profile, corpus: corpus)
        let check = try RateRangeCheck(rule: KindHarness.rule("kind: rate-range\nfield: hourly_rate\nmin_posts: 5"))
        let section = CorpusSection(profile.general, context: context)
        try #require(section != nil, "the profile must fit some posts, or the test proves nothing")
        return (check.check(profile.general, context: context), section!)
    }

    @Test func aRateInsideAThirdOfTheRangesIsNotReported() throws {
        // $50 is above every midpoint ($20, $45), but a third of these clients' ranges include it.
        let (findings, section) = try Self.findings(rate: "50")
        #expect(findings.isEmpty, "\(findings.map(\.arguments))")
        let ranges = HourlyRanges(section.fit.posts, stats: section.stats)
        #expect(section.fit.posts.allSatisfy { $0 < 60 }, "only Power BI posts fit")
        #expect(ranges.count == section.fit.count && ranges.count % 3 == 0)
        #expect(ranges.place(50) == HourlyRanges.Placement(startAbove: 0, inside: ranges.count / 3, endBelow: 2 * ranges.count / 3))
    }

    @Test func aRateAboveEveryMaximumIsReportedWithTheCounts() throws {
        let (findings, section) = try Self.findings(rate: "80")
        let finding = try #require(findings.first)
        let clients = section.fit.count
        #expect(finding.arguments["comparison"] == "above the maximum of \(clients) of \(clients) clients' hourly ranges (100%)")
        #expect(finding.arguments["inside"] == "0" && finding.arguments["end_below"] == "\(clients)")
        #expect(finding.notes.first?.message.contains("$80 is inside 0 of them, above the maximum of \(clients), below the minimum of 0") == true)
        #expect(finding.notes.contains { $0.message == "their ranges run from $10 to $60; the most of them (\(clients) of \(clients)) include $30" })
    }

    @Test func aRateBelowNearlyEveryMinimumIsReported() throws {
        let (findings, _) = try Self.findings(rate: "{amount: 6, currency: USD}")
        let finding = try #require(findings.first)
        #expect(finding.arguments["comparison"]?.hasPrefix("below the minimum of ") == true)
        #expect(finding.notes.last?.message.contains("consider $30, which the most ranges include") == true)
    }

    @Test func fixedPricePostsDoNotCount() throws {
        // Only every fifteenth Power BI post is hourly: too few ranges to judge a rate by.
        let corpus = Self.corpus { $0 % 15 == 0 ? Budget(hourlyMin: 10, hourlyMax: 20) : Budget(fixed: 5000) }
        let (findings, section) = try Self.findings(rate: "900", corpus: corpus)
        #expect(HourlyRanges(section.fit.posts, stats: section.stats).count < 5)
        #expect(findings.isEmpty)
    }

    @Test func aRateThatIsNoNumberIsNotJudged() throws {
        #expect(try Self.findings(rate: ".nan").findings.isEmpty)
        #expect(try Self.findings(rate: ".inf").findings.isEmpty)
    }
}
