/// The hourly ranges clients offer in a set of posts, to place a rate among them: how many
/// ranges include it, how many top out below it, how many start above it. A post counts when
/// it gives an hourly minimum, maximum or both (a single hourly amount is a range of one
/// value); a missing end is open (`from $30` includes every rate of $30 and more). Fixed-price
/// posts do not count. Amounts in one currency are never compared with another's: only the
/// ranges in `currency` (the profile's, else the one most ranges name) count, with those that
/// name no currency; the others are counted apart. A corpus of freelancer profiles gives each
/// freelancer's own rate instead (`Budget.isFreelancerRate`): a range of one value, placed the
/// same way, but what it means is other freelancers' rates, not clients' budgets.
package struct HourlyRanges: Sendable {
    /// Each counted post's range; `min` ≤ `max` (swapped where a post gives them the other way).
    package let ranges: [(min: Double?, max: Double?)]
    /// The currency the counted ranges are in, nil when no post names one.
    package let currency: String?
    /// Ranges left out for naming another currency: code → posts.
    package let otherCurrencies: [String: Int]
    /// How many of the counted ranges are freelancers' own rates.
    package let freelancerRates: Int

    package init(_ posts: [Int], stats: CorpusStats, currency wanted: String? = nil) {
        var found: [(range: (min: Double?, max: Double?), currency: String, isRate: Bool)] = []
        for post in posts {
            let low = stats.hourlyMin[post], high = stats.hourlyMax[post]
            let min = low.isNaN || low <= 0 ? nil : low, max = high.isNaN || high <= 0 ? nil : high
            guard min != nil || max != nil else { continue }
            let currency = stats.postCurrency.indices.contains(post) ? stats.postCurrency[post] : ""
            let isRate = stats.freelancerRate.indices.contains(post) && stats.freelancerRate[post] != 0
            if let min, let max, min > max { found.append(((max, min), currency, isRate)) } else { found.append(((min, max), currency, isRate)) }
        }
        var named: [String: Int] = [:]
        for entry in found where !entry.currency.isEmpty { named[entry.currency, default: 0] += 1 }
        let chosen = wanted.map { $0.uppercased() }
            ?? named.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        currency = chosen
        let counted = found.filter { $0.currency.isEmpty || $0.currency == chosen }
        ranges = counted.map(\.range)
        freelancerRates = counted.filter(\.isRate).count
        otherCurrencies = named.filter { $0.key != chosen }
    }

    package var count: Int { ranges.count }

    /// Whether most counted amounts are freelancers' own rates (a corpus of freelancer
    /// profiles), so they are worded as other freelancers' rates, not clients' ranges.
    package var areFreelancerRates: Bool { 2 * freelancerRates > count }

    /// Where a rate falls: ranges whose minimum is above it, that include it, whose maximum is
    /// below it.
    package struct Placement: Sendable, Equatable {
        package var startAbove = 0
        package var inside = 0
        package var endBelow = 0
    }

    package func place(_ rate: Double) -> Placement {
        var placement = Placement()
        for range in ranges {
            if let min = range.min, min > rate {
                placement.startAbove += 1
            } else if let max = range.max, max < rate {
                placement.endBelow += 1
            } else {
                placement.inside += 1
            }
        }
        return placement
    }

    /// The lowest and highest ends given (minimums and maximums together).
    package var span: (low: Double, high: Double)? {
        let ends = ranges.flatMap { [$0.min, $0.max].compactMap { $0 } }
        guard let low = ends.min(), let high = ends.max() else { return nil }
        return (low, high)
    }

    /// The rates inside the most ranges: the lowest such interval of rates (its `low` is -∞ or
    /// its `high` +∞ where open ends make it unbounded) and how many ranges include it.
    package var busiest: (low: Double, high: Double, ranges: Int)? {
        // Events in rate order; at one rate, ranges starting there open before ranges ending there close.
        var events: [(rate: Double, opens: Bool)] = []
        var openFromStart = 0
        for range in ranges {
            if let min = range.min { events.append((min, true)) } else { openFromStart += 1 }
            if let max = range.max { events.append((max, false)) }
        }
        events.sort { ($0.rate, $0.opens ? 0 : 1) < ($1.rate, $1.opens ? 0 : 1) }
        var open = openFromStart
        var best: (low: Double, high: Double, ranges: Int)? = open > 0 ? (-.infinity, .infinity, open) : nil
        var bestIsOpen = open > 0
        for event in events {
            if event.opens {
                open += 1
                if open > best?.ranges ?? 0 {
                    best = (event.rate, event.rate, open)
                    bestIsOpen = true
                }
            } else {
                if bestIsOpen { best?.high = event.rate }
                bestIsOpen = false
                open -= 1
            }
        }
        if bestIsOpen { best?.high = .infinity }
        return best
    }
}
