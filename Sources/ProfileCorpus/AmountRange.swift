import Foundation

/// One amount or a range of amounts as a post writes a rate or budget: `$40`, `$40-$60`,
/// `$40 - $60/hr`, `40–60 USD`, `$40 to $60`, `up to $60`, `under €30`, `$40+`, `from $40`.
/// An open end is nil (`up to $60` has no minimum).
package struct AmountRange: Sendable, Equatable {
    package var min: Double?
    package var max: Double?
    package var currency: String?
    /// An hourly unit was written (`/hr`, `per hour`): the amount is a rate, not a budget.
    package var isHourly = false

    /// A label before the amount said it is a fixed price (`Fixed-price - Est. Budget: $500`).
    package var isFixed = false

    /// One amount: both ends equal.
    package var isSingle: Bool { min != nil && min == max }

    /// Words before an amount that leave the other end open.
    private static let upperBoundWords = ["up to", "upto", "under", "less than", "below", "maximum", "max.", "max", "<=", "<", "≤"]
    private static let lowerBoundWords = ["from", "at least", "minimum", "min.", "min", "over", "more than", "above", ">=", ">", "≥"]
    /// Words after an amount that leave the upper end open (`$40+`, `$40 or more`).
    private static let openEndSuffixes = ["+", "or more", "and up", "and above", "or above"]
    private static let separators = [" to ", "-", "–", "—"]

    package init(min: Double?, max: Double?, currency: String? = nil, isHourly: Bool = false) {
        self.min = min
        self.max = max
        self.currency = currency
        self.isHourly = isHourly
    }

    /// The range `text` writes; throws `.notAnAmount` for other text and `.ambiguous` when an
    /// amount's separators can be read two ways.
    package static func parse(_ text: String) throws(CurrencyAmount.Failure) -> AmountRange {
        let (label, amount) = labelled(text.trimmingSpaces)
        var range = try unlabelled(amount)
        if let label {
            range.isHourly = range.isHourly || label.contains("hour")
            range.isFixed = label.contains("fixed") || label.contains("budget")
        }
        return range
    }

    /// A short label before a colon, lowercased (`Hourly: $20.00-$40.00` → `hourly`), and the
    /// rest; nil and the text when there is none.
    private static func labelled(_ text: String) -> (label: String?, rest: String) {
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 30 else { return (nil, text) }
        let label = text[..<colon]
        guard label.contains(where: \.isLetter), label.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "." }) else { return (nil, text) }
        return (label.lowercased(), String(text[text.index(after: colon)...]).trimmingSpaces)
    }

    private static func unlabelled(_ trimmed: String) throws(CurrencyAmount.Failure) -> AmountRange {
        for (words, isUpper) in [(upperBoundWords, true), (lowerBoundWords, false)] {
            for word in words where trimmed.lowercased().hasPrefix(word) {
                let rest = trimmed.dropFirst(word.count)
                // `maximum` is no `max` followed by `imum`.
                if word.last!.isLetter, rest.first?.isLetter == true { continue }
                let single = try CurrencyAmount.read(String(rest))
                return AmountRange(min: isUpper ? nil : single.amount, max: isUpper ? single.amount : nil,
                                   currency: single.currency, isHourly: single.hourly)
            }
        }
        for suffix in openEndSuffixes {
            guard let found = trimmed.range(of: suffix, options: [.backwards, .caseInsensitive]) else { continue }
            // `$40+/hr`: the unit may follow the `+`.
            guard let single = try? CurrencyAmount.read(String(trimmed[..<found.lowerBound]) + trimmed[found.upperBound...]) else { continue }
            return AmountRange(min: single.amount, max: nil, currency: single.currency, isHourly: single.hourly)
        }
        do {
            let single = try CurrencyAmount.read(trimmed)
            return AmountRange(min: single.amount, max: single.amount, currency: single.currency, isHourly: single.hourly)
        } catch .ambiguous {
            throw .ambiguous
        } catch {
            return try between(trimmed)
        }
    }

    /// Two amounts joined by `-`, `–`, `—` or ` to `; the currency and unit may be written on
    /// either side (`40–60 USD`, `$40/hr - $60/hr`).
    private static func between(_ text: String) throws(CurrencyAmount.Failure) -> AmountRange {
        var ambiguous = false
        func side(_ part: Substring) -> (amount: Double, currency: String?, hourly: Bool)? {
            do { return try CurrencyAmount.read(String(part)) } catch {
                if error == .ambiguous { ambiguous = true }
                return nil
            }
        }
        for separator in separators {
            var searchStart = text.startIndex
            while let found = text.range(of: separator, options: .caseInsensitive, range: searchStart..<text.endIndex) {
                searchStart = found.upperBound
                guard found.lowerBound > text.startIndex, let low = side(text[..<found.lowerBound]),
                      let high = side(text[found.upperBound...]) else { continue }
                if let a = low.currency, let b = high.currency, a != b { throw .notAnAmount }
                return AmountRange(min: Swift.min(low.amount, high.amount), max: Swift.max(low.amount, high.amount),
                                   currency: low.currency ?? high.currency, isHourly: low.hourly || high.hourly)
            }
        }
        if ambiguous { throw .ambiguous }
        throw .notAnAmount
    }
}
