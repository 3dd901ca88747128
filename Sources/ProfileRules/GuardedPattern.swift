import Foundation

/// A regular expression compiled the first time a text could match it, behind a cheap test of
/// the text's UTF-8 bytes that every match needs (an `@` for an email address, a messenger's
/// name for a handle). A rule whose expressions seldom apply, such as `contact-info` on a
/// profile without contact details, then compiles few of them (compiling `\p{L}` sets costs
/// more than the matching). The test must hold for every text the expression matches: it
/// decides only whether the expression runs, never what it finds.
final class GuardedPattern: @unchecked Sendable {
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

    /// An expression that did not compile when first used.
    struct CompileError: Error, Sendable {
        var message: String
    }

    let pattern: String
    private let requirement: Requirement
    private let lock = NSLock()
    private var compiled: Result<NSRegularExpression, CompileError>?

    /// `pattern`, compiled now when `compileNow` (so that a pattern built from a rule's own
    /// parameters reports its error when the rule loads), else when first needed.
    init(_ pattern: String, requires requirement: Requirement, compileNow: Bool = false) throws {
        self.pattern = pattern
        self.requirement = requirement
        if compileNow { compiled = .success(try NSRegularExpression(pattern: pattern)) }
    }

    /// Whether the expression has been compiled (it is compiled at most once).
    var isCompiled: Bool { lock.withLock { compiled != nil } }

    /// The UTF-8 ranges of every match in `folded` (whose text's bytes are `bytes`); none,
    /// without compiling, when the text fails the requirement.
    func matches(in folded: FoldedText, bytes: [UInt8]) throws(CompileError) -> [Range<Int>] {
        try expression(for: bytes).map(folded.matches(of:)) ?? []
    }

    /// The compiled expression for a text whose UTF-8 bytes are `bytes`; nil, without
    /// compiling, when the text fails the requirement.
    func expression(for bytes: [UInt8]) throws(CompileError) -> NSRegularExpression? {
        guard requirement.holds(for: bytes) else { return nil }
        return try compiledExpression().get()
    }

    /// The compiled expression (compiled once, whichever thread asks first).
    private func compiledExpression() -> Result<NSRegularExpression, CompileError> {
        lock.withLock {
            if let compiled { return compiled }
            let made: Result<NSRegularExpression, CompileError>
            do {
                made = .success(try NSRegularExpression(pattern: pattern))
            } catch {
                made = .failure(CompileError(message: "the pattern '\(pattern)' does not compile: \(error.localizedDescription)"))
            }
            compiled = made
            return made
        }
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        let rest = needle.dropFirst()
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[(index + 1)..<(index + needle.count)].elementsEqual(rest) { return true }
            index += 1
        }
        return false
    }
}
