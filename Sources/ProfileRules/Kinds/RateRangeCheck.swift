import ProfileModel
import ProfileCorpus

/// `rate-range`: the section's hourly rate against the hourly ranges clients offer in the posts
/// that fit it (see `HourlyRanges`; fixed-price posts do not count), or, on a corpus of
/// freelancer profiles, against the other freelancers' own rates (worded so). Reported when more than
/// `high_percentile` percent of those clients' ranges top out below the rate (it is above that
/// percentile of their maximums), or more than `100 - low_percentile` percent start above it
/// (below the `low_percentile` of their minimums); judged only when at least `min_posts`
/// fitting posts give an hourly range.
package struct RateRangeCheck: CheckKind {
    package static let name = "rate-range"
    package static let summary = "The hourly rate against the hourly ranges clients offer in the posts that fit the section."
    static let lowPercentile = Parameter.number("low_percentile", default: 10, min: 0, max: 100,
                                                "A rate below this percentile of the fitting posts' hourly minimums is reported as low.")
    static let highPercentile = Parameter.number("high_percentile", default: 90, min: 0, max: 100,
                                                 "A rate above this percentile of their hourly maximums is reported as high; above low_percentile.")
    static let minPosts = Parameter.integer("min_posts", default: 10, min: 1, max: 1_000_000,
                                            "Judged only when at least this many fitting posts give an hourly range.")
    package static let parameters = [lowPercentile.spec, highPercentile.spec, minPosts.spec]
    package static let needsField = false
    package static let argumentNames = ["rate", "comparison", "fit", "clients", "inside", "end_below", "start_above", "busiest"]

    let low: Double
    let high: Double
    let minPosts: Int

    package init(rule: Rule) throws(RuleFileError) {
        low = try rule.parameters.value(Self.lowPercentile)
        high = try rule.parameters.value(Self.highPercentile)
        minPosts = try rule.parameters.value(Self.minPosts)
        if low >= high { throw rule.parameters.invalid(rule.parameters.has(Self.lowPercentile) ? Self.lowPercentile : Self.highPercentile,
                                                       "must leave low_percentile below high_percentile") }
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context), let rate = corpusSection.query.hourlyRate,
              rate.amount.isFinite else { return [] }
        let ranges = HourlyRanges(corpusSection.fit.posts, stats: corpusSection.stats, currency: corpusSection.query.hourlyCurrency)
        guard ranges.count >= minPosts else { return [] }
        let placement = ranges.place(rate.amount)
        let clients = ranges.count
        let money = Format.money(rate.amount, currency: ranges.currency)
        let words = Wording(ranges.areFreelancerRates)
        let comparison: String
        let advice: String
        let best = ranges.busiest
        let busiest = best.map { describe($0, currency: ranges.currency) } ?? "none"
        if Double(placement.endBelow) * 100 > high * Double(clients) {
            comparison = "\(words.above) \(placement.endBelow) of \(clients) \(words.whose) (\(share(placement.endBelow, clients)))"
            advice = words.highAdvice
        } else if Double(placement.startAbove) * 100 > (100 - low) * Double(clients) {
            comparison = "\(words.below) \(placement.startAbove) of \(clients) \(words.whose) (\(share(placement.startAbove, clients)))"
            advice = words.lowAdvice + "; consider \(busiest), \(words.busiest)"
        } else {
            return []
        }
        var notes = [Note("\(clients) of \(corpusSection.fit.phrase) \(words.give): \(money) \(words.placement(placement))")]
        if let span = ranges.span, let best {
            notes.append(Note("their \(words.amounts) run from \(Format.money(span.low, currency: ranges.currency)) to \(Format.money(span.high, currency: ranges.currency)); "
                              + "the most of them (\(best.ranges) of \(clients)) \(words.include) \(describe(best, currency: ranges.currency))"))
        }
        if !ranges.otherCurrencies.isEmpty, let currency = ranges.currency {
            let others = ranges.otherCurrencies.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
            notes.append(Note("only \(words.amounts) in \(currency) (or naming no currency) are compared; "
                              + "\(ranges.otherCurrencies.values.reduce(0, +)) fitting posts in other currencies are left out (\(others.joined(separator: ", ")))"))
        }
        notes.append(Note(advice))
        return [Finding(range: rate.node.range, fieldPath: section.fullPath("hourly_rate"),
                        arguments: ["rate": money, "comparison": comparison, "fit": corpusSection.fit.phrase, "clients": "\(clients)",
                                    "inside": "\(placement.inside)", "end_below": "\(placement.endBelow)",
                                    "start_above": "\(placement.startAbove)", "busiest": busiest],
                        notes: notes)]
    }

    /// How the amounts are named: clients' hourly ranges (job posts), or other freelancers'
    /// own rates (a corpus of freelancer profiles, `HourlyRanges.areFreelancerRates`).
    struct Wording {
        let above, below, whose, give, amounts, include, busiest, highAdvice, lowAdvice: String
        /// Where the rate falls among the amounts.
        let placement: @Sendable (HourlyRanges.Placement) -> String

        init(_ freelancerRates: Bool) {
            if freelancerRates {
                (above, below, whose) = ("above the rates of", "below the rates of", "other freelancers")
                (give, amounts, include) = ("give a freelancer's hourly rate", "rates", "charge")
                placement = { "is above \($0.endBelow) of them, below \($0.startAbove), equal to \($0.inside)" }
                busiest = "the rate the most of them charge"
                highAdvice = "few freelancers of this niche charge this much; show the results that justify it, or target a pricier niche"
                lowAdvice = "a rate under what almost every other freelancer of this niche charges can read as inexperience"
            } else {
                (above, below, whose) = ("above the maximum of", "below the minimum of", "clients' hourly ranges")
                (give, amounts, include) = ("give an hourly range (fixed-price posts do not count)", "ranges", "include")
                placement = { "is inside \($0.inside) of them, above the maximum of \($0.endBelow), below the minimum of \($0.startAbove)" }
                busiest = "which the most ranges include"
                highAdvice = "few of these clients budget this much; show the results that justify it, or target a pricier niche"
                lowAdvice = "a rate under what almost every client offers can read as inexperience"
            }
        }
    }

    /// The rates inside the most ranges: "$35", "every rate from $25 to $30", "every rate from
    /// $60 up", "every rate up to $20".
    func describe(_ busiest: (low: Double, high: Double, ranges: Int), currency: String?) -> String {
        func money(_ value: Double) -> String { Format.money(value, currency: currency) }
        switch (busiest.low.isFinite, busiest.high.isFinite) {
        case (true, true): return busiest.low == busiest.high ? money(busiest.low) : "every rate from \(money(busiest.low)) to \(money(busiest.high))"
        case (true, false): return "every rate from \(money(busiest.low)) up"
        case (false, true): return "every rate up to \(money(busiest.high))"
        case (false, false): return "every rate"
        }
    }

    func share(_ count: Int, _ total: Int) -> String { Percent.format(Double(count) / Double(total)) }
}
