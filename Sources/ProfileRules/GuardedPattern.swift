#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProfileText

/// A regular expression compiled the first time a text could match it, behind a cheap test of
/// the text's UTF-8 bytes that every match needs (an `@` for an email address, a messenger's
/// name for a handle). A rule whose expressions seldom apply, such as `contact-info` on a
/// profile without contact details, then compiles few of them (compiling `\p{L}` sets costs
/// more than the matching). The test must hold for every text the expression matches: it
/// decides only whether the expression runs, never what it finds.
struct GuardedPattern: Sendable {
    /// What a text needs for the expression to match it.
    enum Requirement: Sendable {
        /// Any text (the expression is compiled when first used, and always runs).
        case none
        /// One of these byte strings.
        case anyOf([[UInt8]])
        /// A test of the text's bytes.
        case test(@Sendable ([UInt8]) -> Bool)

        /// One of `strings`.
        static func anyOf(_ strings: [String]) -> Requirement { .anyOf(strings.map { Array($0.utf8) }) }

        func holds(for bytes: [UInt8]) -> Bool {
            switch self {
            case .none: true
            case .anyOf(let needles): needles.contains { GuardedPattern.contains($0, in: bytes) }
            case .test(let test): test(bytes)
            }
        }
    }

    /// An expression that did not compile when first used, or could not run on a text.
    struct Failure: Error, Sendable {
        var message: String
    }

    let expression: ICUExpression
    private let requirement: Requirement

    var pattern: String { expression.pattern }

    /// `expression`, compiled when first needed (unless compiled before).
    init(_ expression: ICUExpression, requires requirement: Requirement) {
        self.expression = expression
        self.requirement = requirement
    }

    /// Whether the expression has been compiled (it is compiled at most once).
    var isCompiled: Bool { expression.isCompiled }

    /// The UTF-8 ranges of every match in `text` (whose UTF-8 is `bytes`) that starts and
    /// ends on character boundaries; none, without compiling, when the text fails the requirement.
    func matches(in text: String, bytes: [UInt8]) throws(Failure) -> [Range<Int>] {
        try find(in: text, bytes: bytes, groups: 0).compactMap { $0[0] }
    }

    /// Every match in `text` (UTF-8 `bytes`) with groups 0 to `groups`, as
    /// `ICUExpression.characterMatches` gives them; none, without compiling, when the text
    /// fails the requirement.
    func find(in text: String, bytes: [UInt8], groups: Int) throws(Failure) -> [[Range<Int>?]] {
        guard requirement.holds(for: bytes) else { return [] }
        do throws(ICUExpression.Problem) {
            return try expression.characterMatches(in: text, bytes: bytes, groups: groups)
        } catch {
            throw Failure(message: "the pattern '\(pattern)' could not run: \(error.summary)")
        }
    }

    /// Whether `needle` occurs in `haystack`: `memchr` to each candidate first byte, `memcmp` there
    /// (the requirements of a rule's expressions are tested on every text it checks).
    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = text.baseAddress, let wanted = pattern.baseAddress else { return false }
                let last = text.count - pattern.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return false }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, wanted, pattern.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
