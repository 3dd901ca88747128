import Foundation

/// Regular-expression matches as UTF-8 offsets, the unit every finding's range uses.
/// Shared by the kinds that run expressions (patterns, contact details, quantified results)
/// so none of them depends on another.
enum RegexMatches {
    /// The UTF-8 ranges of every match of `expression` in `text`.
    static func ranges(of expression: NSRegularExpression, in text: String) -> [Range<Int>] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { utf8Range($0.range, in: text) }
    }

    /// The UTF-8 offsets of a UTF-16 `NSRange` of `text` (nil for a range not in it,
    /// such as an optional group that did not take part in the match).
    static func utf8Range(_ range: NSRange, in text: String) -> Range<Int>? {
        guard range.location != NSNotFound, let range = Range(range, in: text) else { return nil }
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return start..<(start + text.utf8.distance(from: range.lowerBound, to: range.upperBound))
    }
}
