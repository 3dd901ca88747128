import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Amounts with currency signs and codes, and hourly ranges in several currencies.
@Suite struct CurrencyAmountTests {
    @Test func signsCodesAndRateUnits() {
        func parsed(_ text: String) -> String {
            guard let (amount, currency) = CurrencyAmount.parse(text) else { return "nil" }
            return "\(amount) \(currency ?? "-")"
        }
        #expect(parsed("$1,200.50") == "1200.5 USD")
        #expect(parsed("40") == "40.0 -")
        #expect(parsed("40 usd") == "40.0 USD")
        #expect(parsed("EUR 40") == "40.0 EUR")
        #expect(parsed("€40") == "40.0 EUR")
        #expect(parsed("40 €") == "40.0 EUR")
        #expect(parsed("£25/hr") == "25.0 GBP")
        #expect(parsed("₹500 per hour") == "500.0 INR")
        #expect(parsed("A$35") == "35.0 AUD")
        #expect(parsed("-5") == "-5.0 -")
        #expect(parsed("12 apples") == "nil")
        #expect(parsed("lots") == "nil")
        #expect(parsed("USD") == "nil")
        #expect(CurrencyAmount.code(" eur ") == "EUR" && CurrencyAmount.code("£") == "GBP")
    }

    @Test func postsGetTheCurrencyTheyWrite() throws {
        let corpus = try TemporaryCorpus([
            "a.csv": "title,description,hourly_min,hourly_max,currency\nA,a,€20,€40,\nB,b,20,40,gbp\nC,c,20,40,\nD,d,25 USD,50 USD,\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(loaded.posts.map { $0.budget.currency ?? "-" } == ["EUR", "GBP", "-", "USD"])
        #expect(loaded.posts.map { $0.budget.hourlyMax ?? 0 } == [40, 40, 40, 50])
    }

    @Test func rangesInAnotherCurrencyAreLeftOut() {
        let budgets = [Budget(hourlyMin: 10, hourlyMax: 20, currency: "USD"), Budget(hourlyMin: 15, hourlyMax: 30, currency: "USD"),
                       Budget(hourlyMin: 900, hourlyMax: 1500, currency: "INR"), Budget(hourlyMin: 12, hourlyMax: 18),
                       Budget(fixed: 300, currency: "EUR")]
        let posts = budgets.enumerated().map { SmallCorpus.post($0, title: "Report", skills: ["SQL"], budget: $1) }
        let stats = CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0))
        let all = Array(0..<stats.postCount)
        let majority = HourlyRanges(all, stats: stats)
        #expect(majority.currency == "USD" && majority.count == 3, "two in USD and one naming none")
        #expect(majority.otherCurrencies == ["INR": 1])
        let rupees = HourlyRanges(all, stats: stats, currency: "inr")
        #expect(rupees.currency == "INR" && rupees.ranges.map(\.max) == [1500, 18])
        #expect(rupees.otherCurrencies == ["USD": 2])
    }

    @Test func theRateRuleSaysWhichCurrencyItCompared() throws {
        let corpus = CorpusRateRangeTests.corpus { index in
            index % 4 == 0 ? Budget(hourlyMin: 2000, hourlyMax: 4000, currency: "INR") : Budget(hourlyMin: 10, hourlyMax: 30, currency: "USD")
        }
        let (findings, section) = try CorpusRateRangeTests.findings(rate: "80", corpus: corpus)
        let finding = try #require(findings.first, "$80 is above every USD range; the rupee ranges must not hide that")
        let rupees = section.fit.posts.filter { $0 % 4 == 0 }.count
        #expect(rupees > 0)
        #expect(finding.notes.contains { $0.message == "only ranges in USD (or naming no currency) are compared; \(rupees) fitting posts in other currencies are left out (INR \(rupees))" },
                "\(finding.notes.map(\.message))")
    }

    @Test func amountsArePrintedInTheCurrencyCompared() throws {
        #expect(Format.money(40) == "$40" && Format.money(37.5, currency: "USD") == "$37.50")
        #expect(Format.money(40, currency: "EUR") == "40 EUR" && Format.money(2500.25, currency: "INR") == "2500.25 INR")
        // Every range in rupees: the rate is read in rupees, and the message says so.
        let corpus = CorpusRateRangeTests.corpus { _ in Budget(hourlyMin: 2000, hourlyMax: 4000, currency: "INR") }
        let (findings, _) = try CorpusRateRangeTests.findings(rate: "9000", corpus: corpus)
        let finding = try #require(findings.first, "9000 is above every rupee range")
        #expect(finding.arguments["rate"] == "9000 INR", "\(finding.arguments)")
        #expect(finding.notes.contains { $0.message.hasPrefix("their ranges run from 2000 INR to 4000 INR") }, "\(finding.notes.map(\.message))")
    }
}
