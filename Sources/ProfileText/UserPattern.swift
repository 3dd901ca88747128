/// A regular expression from a user's rule file, run by ICU with a time limit, so that a
/// pattern that backtracks catastrophically (`(a+)+$`) stops with an error instead of
/// running for minutes. ICU syntax (as `NSRegularExpression`); offsets are UTF-8 bytes.
package struct UserPattern: Sendable {
    package typealias Problem = ICUExpression.Problem

    package var pattern: String { expression.pattern }
    package var caseInsensitive: Bool { expression.caseInsensitive }

    /// The compiled expression, shared by copies of the pattern and by threads.
    private let expression: ICUExpression
    /// What a text needs to match (nil: nothing known); a text without it is not matched.
    let requirement: PatternRequirement?

    /// Compiles `pattern` now (a pattern from a user's file, whose errors are reported when it
    /// loads), or, without `compileNow`, the first time a text passes its requirement (a
    /// pattern known to compile, such as a built-in rule's: `\p{...}` sets cost more to build
    /// than most matching). Every match uses the compiled form.
    package init(_ pattern: String, caseInsensitive: Bool = false, compileNow: Bool = true) throws(Problem) {
        requirement = PatternRequirement(pattern: pattern, caseInsensitive: caseInsensitive)
        expression = ICUExpression(pattern, caseInsensitive: caseInsensitive)
        if compileNow { try expression.compile() }
    }

    /// Whether the expression has been compiled.
    package var isCompiled: Bool { expression.isCompiled }

    /// The UTF-8 ranges of every match in `text`, in order.
    package func matches(in text: String) throws(Problem) -> [Range<Int>] {
        let textBytes = Array(text.utf8)
        if let requirement, !requirement.holds(for: textBytes) { return [] }
        return try expression.matches(in: textBytes)
    }
}
