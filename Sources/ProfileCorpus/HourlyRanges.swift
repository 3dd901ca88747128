/// The hourly ranges clients offer in a set of posts, to place a rate among them: how many
/// ranges include it, how many top out below it, how many start above it. A post counts when
/// it gives an hourly minimum, maximum or both (a single hourly amount is a range of one
/// value); a missing end is open (`from $30` includes every rate of $30 and more). Fixed-price
/// posts do not count.
package struct HourlyRanges: Sendable {
    /// Each counted post's range; `min` ≤ `max` (swapped where a post gives them the other way).
    package let ranges: [(min: Double?, max: Double?)]

    package init(_ posts: [Int], stats: CorpusStats) {
        ranges = posts.compactMap { post in
            let low = stats.hourlyMin[post], high = stats.hourlyMax[post]
            let min = low.isNaN || low <= 0 ? nil : low, max = high.isNaN || high <= 0 ? nil : high
            guard min != nil || max != nil else { return nil }
            if let min, let max, min > max { return (max, min) }
            return (min, max)
        }
    }

    package var count: Int { ranges.count }

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
