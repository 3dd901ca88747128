/// The rate chart: for each hourly rate from $0 up, how many fitting clients' hourly ranges
/// include it (a histogram over rate bins), with the section's rate as a line across it.
struct RateChart {
    let ranges: [FitPicture.HourlyRange]
    let rate: Double?
    /// The ranges' currency (ISO code), nil when none is named.
    var currency: String? = nil
    /// Whether the amounts are freelancers' own rates rather than clients' hourly ranges.
    var freelancerRates = false

    /// Who gives the amounts, and what one of them is called, for the chart's sentences.
    var who: (one: String, amount: String) { freelancerRates ? ("freelancer", "hourly rate") : ("client", "hourly range") }

    func money(_ value: Double) -> String { Format.money(value, currency: currency) }

    /// Rate bins along the axis.
    static let binCount = 50
    /// The drawing's size in SVG units and its margins.
    static let width = 400.0, height = 150.0
    static let right = 22.0, top = 24.0, bottom = 22.0
    /// Roughly how wide one character of the 11-unit axis text is, to fit labels to the margin.
    static let characterWidth = 6.5

    /// The left margin: wide enough for the tallest bar's count as the y axis shows it (a
    /// corpus of thousands of posts has counts like `1,234`, which a fixed margin cut off).
    static func left(peakLabel: String) -> Double { max(30, Double(peakLabel.count) * characterWidth + 8) }

    /// The largest axis end: far above any real rate, and small enough that rounding it up
    /// and stepping along it stay finite (a range or rate past it is drawn cut at the end).
    static let maxAxisEnd = 1e15

    /// The axis end: a round number above most ranges' upper ends and above the rate.
    var axisEnd: Double {
        let highs = ranges.map(\.high).sorted()
        let typical = Statistics.percentile(highs, 95) ?? highs.last ?? 1
        return Self.roundUp(min(max(typical, (rate ?? 0) * 1.15, 1), Self.maxAxisEnd))
    }

    /// How many ranges overlap each bin.
    var bins: [Int] {
        let step = axisEnd / Double(Self.binCount)
        return (0..<Self.binCount).map { bin in
            let low = Double(bin) * step, high = low + step
            return ranges.filter { $0.low < high && $0.high >= low }.count
        }
    }

    /// One sentence with the numbers the chart shows.
    var summary: String {
        let clients = ranges.count == 1 ? "1 fitting \(who.one) gives an \(who.amount)" : "\(HTMLMarkup.count(ranges.count)) fitting \(who.one)s give an \(who.amount)"
        let lows = ranges.map(\.low).sorted(), highs = ranges.map(\.high).sorted()
        let span = "from \(money(lows[0])) to \(money(highs[highs.count - 1]))"
        let typicalLow = money(Statistics.percentile(lows, 50) ?? 0), typicalHigh = money(Statistics.percentile(highs, 50) ?? 0)
        // Equal medians (most ranges a single amount) would read as a range from a number to itself.
        let typical = typicalLow == typicalHigh ? "the median rate is \(typicalLow)" : "the typical range is \(typicalLow)–\(typicalHigh)"
        var text = "\(clients), \(span); \(typical)."
        guard let rate else { return text + " This section gives no hourly rate." }
        let inside = ranges.filter { $0.contains(rate) }.count
        let below = ranges.filter { $0.high < rate }.count
        let above = ranges.filter { $0.low > rate }.count
        text += " Your rate, \(money(rate)), is inside \(inside == 0 ? "none" : HTMLMarkup.count(inside)) of them;"
        text += " \(HTMLMarkup.count(below)) end below it and \(HTMLMarkup.count(above)) start above it."
        return text
    }

    func svg(id: String) -> String {
        let end = axisEnd, counts = bins
        let peak = max(1, counts.max() ?? 1), peakLabel = HTMLMarkup.count(peak), left = Self.left(peakLabel: peakLabel)
        let plotWidth = Self.width - left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ value: Double) -> Double { left + plotWidth * min(value, end) / end }
        func y(_ count: Int) -> Double { Self.top + plotHeight * (1 - Double(count) / Double(peak)) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(HTMLMarkup.number(Self.width)) \(HTMLMarkup.number(Self.height))\" role=\"img\" "
        svg += "aria-labelledby=\"\(id)-t \(id)-d\">\n<title id=\"\(id)-t\">\(freelancerRates ? "Other freelancers' hourly rates" : "Clients' hourly ranges") against your rate</title>\n"
        svg += "<desc id=\"\(id)-d\">\(HTMLMarkup.escape(summary)) Bars: how many ranges include each rate from \(money(0)) to \(money(end)); "
        svg += "the tallest bar stands for \(HTMLMarkup.counted(peak, who.one)).</desc>\n"
        let binWidth = plotWidth / Double(Self.binCount)
        for (bin, count) in counts.enumerated() where count > 0 {
            svg += "<rect class=\"fit\" x=\"\(HTMLMarkup.number(left + Double(bin) * binWidth))\" y=\"\(HTMLMarkup.number(y(count)))\" "
            svg += "width=\"\(HTMLMarkup.number(max(0.5, binWidth - 0.6)))\" height=\"\(HTMLMarkup.number(y(0) - y(count)))\"/>\n"
        }
        let base = HTMLMarkup.number(y(0))
        svg += "<line class=\"axis\" x1=\"\(HTMLMarkup.number(left))\" y1=\"\(base)\" x2=\"\(HTMLMarkup.number(Self.width - Self.right))\" y2=\"\(base)\"/>\n"
        for tick in Self.ticks(upTo: end) {
            svg += "<text x=\"\(HTMLMarkup.number(x(tick)))\" y=\"\(HTMLMarkup.number(Self.height - 6))\" text-anchor=\"middle\">\(money(tick))</text>\n"
        }
        svg += "<text x=\"\(HTMLMarkup.number(left - 4))\" y=\"\(HTMLMarkup.number(Self.top + 4))\" text-anchor=\"end\">\(peakLabel)</text>\n"
        svg += "<text x=\"\(HTMLMarkup.number(left - 4))\" y=\"\(base)\" text-anchor=\"end\">0</text>\n"
        // The y axis's unit, above it: the counts are clients (or freelancers), not dollars.
        let unit = "\(who.one)s"
        svg += "<text class=\"unit\" x=\"2\" y=\"\(HTMLMarkup.number(Self.top - 10))\" text-anchor=\"start\">\(unit)</text>\n"
        if let rate {
            let position = x(rate)
            let anchor = position > Self.width - 80 ? "end" : position < left + 60 ? "start" : "middle"
            let label = "your rate \(money(rate))" + (rate > end ? " →" : "")
            // The label (12 units, bold) moves right when it would run into the unit's text.
            let labelWidth = Double(label.count) * Self.characterWidth * 1.15
            let labelStart = position - (anchor == "middle" ? labelWidth / 2 : anchor == "end" ? labelWidth : 0)
            let unitEnd = 2 + Double(unit.count) * Self.characterWidth + 6
            let labelPosition = position + max(0, unitEnd - labelStart)
            svg += "<line class=\"rate\" x1=\"\(HTMLMarkup.number(position))\" y1=\"\(HTMLMarkup.number(Self.top - 6))\" "
            svg += "x2=\"\(HTMLMarkup.number(position))\" y2=\"\(base)\"/>\n"
            svg += "<text class=\"rate-label\" x=\"\(HTMLMarkup.number(labelPosition))\" y=\"\(HTMLMarkup.number(Self.top - 10))\" text-anchor=\"\(anchor)\">\(HTMLMarkup.escape(label))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value`.
    static func roundUp(_ value: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        return [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= value } ?? 10 * magnitude
    }

    /// Four or five evenly spaced round values from 0 to `end` (a `roundUp` value).
    static func ticks(upTo end: Double) -> [Double] {
        let step = roundUp(end / 5)
        return stride(from: 0, through: end + step / 1000, by: step).map { $0 }
    }
}
