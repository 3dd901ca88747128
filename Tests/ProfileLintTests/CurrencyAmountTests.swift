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

    @Test func decimalCommasAndThousandsSeparators() {
        func parsed(_ text: String) -> String {
            do { let read = try CurrencyAmount.read(text); return "\(read.amount) \(read.currency ?? "-")" } catch { return "\(error)" }
        }
        #expect(parsed("45,50 €") == "45.5 EUR")
        #expect(parsed("1.234,56 EUR") == "1234.56 EUR")
        #expect(parsed("$1,234") == "1234.0 USD")
        #expect(parsed("1,234.56") == "1234.56 -")
        #expect(parsed("1.234.567 €") == "1234567.0 EUR")
        #expect(parsed("12,5") == "12.5 -")
        #expect(parsed("0.125") == "0.125 -")
        #expect(parsed("1\u{00A0}234,50 €") == "1234.5 EUR")
        #expect(parsed("CHF 1'234.50") == "1234.5 CHF")
        #expect(parsed("86.875") == "86.875 -", "a bare number is written as programs write them")
        #expect(parsed("€1.500") == "ambiguous", "1,500 or 1.5 euros: never guessed")
        #expect(parsed("1.500 USD") == "ambiguous")
        #expect(parsed("1,2345") == "notAnAmount")
        #expect(parsed("1.2.3") == "notAnAmount")
    }

    @Test func rangesAndOpenEnds() {
        func parsed(_ text: String) -> String {
            do {
                let range = try AmountRange.parse(text)
                return "\(range.min.map { "\($0)" } ?? "_")..\(range.max.map { "\($0)" } ?? "_") \(range.currency ?? "-")\(range.isHourly ? " hourly" : "")"
            } catch { return "\(error)" }
        }
        #expect(parsed("$40-$60") == "40.0..60.0 USD")
        #expect(parsed("$40 - $60/hr") == "40.0..60.0 USD hourly")
        #expect(parsed("40–60 USD") == "40.0..60.0 USD")
        #expect(parsed("$40 to $60") == "40.0..60.0 USD")
        #expect(parsed("up to $60") == "_..60.0 USD")
        #expect(parsed("Maximum 60 EUR") == "_..60.0 EUR")
        #expect(parsed("$40+") == "40.0.._ USD")
        #expect(parsed("$40+/hr") == "40.0.._ USD hourly")
        #expect(parsed("from £25 per hour") == "25.0.._ GBP hourly")
        #expect(parsed("$60-$40") == "40.0..60.0 USD", "ends in either order")
        #expect(parsed("$900") == "900.0..900.0 USD")
        #expect(parsed("-5") == "-5.0..-5.0 -")
        #expect(parsed("45,50 € - 60,00 €") == "45.5..60.0 EUR")
        #expect(parsed("$40 - 60 EUR") == "notAnAmount", "two currencies are no range")
        #expect(parsed("€1.500-€2.000") == "ambiguous")
        #expect(parsed("Hourly: $20.00-$40.00") == "20.0..40.0 USD hourly", "a scraped feed's label")
        #expect(parsed("Hourly: $35") == "35.0..35.0 USD hourly")
        #expect(parsed("Negotiable: soon") == "notAnAmount")
        #expect(parsed("negotiable") == "notAnAmount")
        #expect(parsed("up to you") == "notAnAmount")
    }

    @Test func rangesFillTheHourlyEndsAndSingleBudgetsStayBudgets() throws {
        let corpus = try TemporaryCorpus([
            "a.csv": """
            title,description,budget,job_type,hourly_min,hourly_max
            A,a,$40-$60,,,
            B,b,$40 - $60/hr,,,
            C,c,40–60 USD,,,
            D,d,up to $60,,,
            E,e,$40+,,,
            F,f,$900,,,
            G,g,$35/hr,,,
            H,h,$500-$1000,Fixed price,,
            I,i,$40-$60,,$30,$50
            J,j,,,$40-$60,
            M,m,Fixed-price - Est. Budget: $500,,,
            N,n,Hourly: $25.00-$45.00,,,
            O,o,Est. budget: $300 - $600,,,

            """,
            "b.csv": "title,description,hourly_rate\nK,k,\"45,50 €\"\nL,l,€30 - €45\n",
            "c.jsonl": #"{"jobTitle": "P", "description": "p", "payRange": "$15.00 - $35.00/hr"}"# + "\n"
                + #"{"jobTitle": "Q", "description": "q", "estimatedBudget": "$750"}"# + "\n",
        ])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        func show(_ value: Double?) -> String { value.map { "\($0)" } ?? "_" }
        let budgets = loaded.posts.map { "\($0.title): \(show($0.budget.hourlyMin))..\(show($0.budget.hourlyMax)) fixed \(show($0.budget.fixed)) \($0.budget.currency ?? "-")" }
        #expect(budgets == [
            "A: 40.0..60.0 fixed _ USD", "B: 40.0..60.0 fixed _ USD", "C: 40.0..60.0 fixed _ USD", "D: _..60.0 fixed _ USD",
            "E: 40.0.._ fixed _ USD", "F: _.._ fixed 900.0 USD", "G: 35.0..35.0 fixed _ USD", "H: _.._ fixed _ USD",
            "I: 30.0..50.0 fixed _ USD", "J: 40.0..60.0 fixed _ USD", "M: _.._ fixed 500.0 USD", "N: 25.0..45.0 fixed _ USD",
            "O: _.._ fixed _ USD", "K: 45.5..45.5 fixed _ EUR", "L: 30.0..45.0 fixed _ EUR",
            "P: 15.0..35.0 fixed _ USD", "Q: _.._ fixed 750.0 USD",
        ])
    }

    @Test func ambiguousAmountsAreReportedOncePerFile() throws {
        let rows = (1...5).map { "Post \($0),text \($0),\($0).500 €" }.joined(separator: "\n")
        let corpus = try TemporaryCorpus(["eu.csv": "title,description,budget\n" + rows + "\nPost 6,text 6,\"45,50 €\"\n"])
        defer { corpus.remove() }
        let loaded = try corpus.load()
        #expect(loaded.issues.count == 1, "\(loaded.issues)")
        #expect(loaded.issues.first?.message == "'budget' '1.500 €' is ambiguous: is '.' a decimal point or a thousands separator? ignored; write the amount without thousands separators (1500 or 1.5) or with a decimal part (1.500,00) (4 more ambiguous amounts in this file)")
        #expect(loaded.issues.first?.location.line == 2)
        #expect(loaded.posts.map(\.budget.fixed) == [nil, nil, nil, nil, nil, 45.5], "an ambiguous amount is never read as a number")
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
