import ProfileModel
import ProfileCorpus

/// `rate-range`: the section's hourly rate against the hourly budgets (range midpoints) of
/// the posts that fit it; below the `low_percentile` or above the `high_percentile` is reported
/// when at least `min_posts` fitting posts give an hourly budget.
public struct RateRangeCheck: CheckKind {
    public static let name = "rate-range"
    public static let parameterKeys = ["low_percentile", "high_percentile", "min_posts"]
    public static let needsField = false
    public static let argumentNames = ["rate", "comparison", "fit", "median", "budgets"]

    let low: Double
    let high: Double
    let minPosts: Int

    public init(rule: Rule) throws(RuleFileError) {
        low = try rule.parameters.double("low_percentile", default: 10, in: 0...100)
        high = try rule.parameters.double("high_percentile", default: 90, in: 0...100)
        minPosts = try rule.parameters.int("min_posts", default: 10, in: 1...1_000_000)
        if low >= high { throw rule.parameters.invalid(rule.parameters.has("low_percentile") ? "low_percentile" : "high_percentile",
                                                       "must leave low_percentile below high_percentile") }
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard let corpusSection = CorpusSection(section, context: context), let rate = corpusSection.query.hourlyRate else { return [] }
        let budgets = corpusSection.corpus.hourlyBudgets(corpusSection.fit)
        guard budgets.count >= minPosts, let lowValue = Statistics.percentile(budgets, low),
              let highValue = Statistics.percentile(budgets, high), let median = Statistics.percentile(budgets, 50) else { return [] }
        let comparison: String
        if rate.amount < lowValue {
            comparison = "below the \(ordinal(low)) percentile (\(Format.money(lowValue)))"
        } else if rate.amount > highValue {
            comparison = "above the \(ordinal(high)) percentile (\(Format.money(highValue)))"
        } else {
            return []
        }
        let cheaper = budgets.filter { $0 < rate.amount }.count
        let notes = [
            Note("\(budgets.count) of \(corpusSection.fit.phrase) give an hourly budget, from \(Format.money(budgets[0])) to \(Format.money(budgets[budgets.count - 1])); \(cheaper == 0 ? "none" : "\(cheaper)") of them \(cheaper == 1 ? "is" : "are") below \(Format.money(rate.amount)); the \(rate.amount < lowValue ? ordinal(high) : ordinal(low)) percentile is \(Format.money(rate.amount < lowValue ? highValue : lowValue))"),
            Note(rate.amount < lowValue
                 ? "a rate far below what these clients offer can read as inexperience; consider \(Format.money(median))"
                 : "few of these clients budget this much; show the results that justify it, or target a pricier niche"),
        ]
        return [Finding(range: rate.node.range, fieldPath: section.fullPath("hourly_rate"),
                        arguments: ["rate": Format.money(rate.amount), "comparison": comparison, "fit": corpusSection.fit.phrase,
                                    "median": Format.money(median), "budgets": "\(budgets.count)"],
                        notes: notes)]
    }

    func ordinal(_ value: Double) -> String {
        let number = Int(value.rounded())
        let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix)"
    }
}
