import CICU
import Foundation

/// A regular expression from a user's rule file, run by ICU with a time limit, so that a
/// pattern that backtracks catastrophically (`(a+)+$`) stops with an error instead of
/// running for minutes. ICU syntax (as `NSRegularExpression`); offsets are UTF-8 bytes.
package struct UserPattern: Sendable {
    /// ICU's limit per match attempt, in match-engine steps (each on the order of a millisecond).
    static let timeLimitSteps: Int32 = 1_000

    package let pattern: String
    package let caseInsensitive: Bool

    /// Why a pattern cannot be used.
    package enum Problem: Error, Equatable, Sendable {
        /// It does not compile: ICU's error name and where (UTF-16 offset), when known.
        case invalid(String, offset: Int?)
        /// A match attempt ran past `timeLimitSteps`.
        case timeLimitExceeded
        /// ICU failed otherwise (the text is not valid UTF-8, memory ran out).
        case failed
    }

    /// The compiled expression, shared by copies of the pattern and by threads.
    private let compiled: Compiled
    /// What a text needs to match (nil: nothing known); a text without it is not matched.
    let requirement: PatternRequirement?

    /// Compiles `pattern` now (a pattern from a user's file, whose errors are reported when it
    /// loads), or, without `compileNow`, the first time a text passes its requirement (a
    /// pattern known to compile, such as a built-in rule's: `\p{...}` sets cost more to build
    /// than most matching). Every match uses the compiled form.
    package init(_ pattern: String, caseInsensitive: Bool = false, compileNow: Bool = true) throws(Problem) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        requirement = PatternRequirement(pattern: pattern, caseInsensitive: caseInsensitive)
        compiled = Compiled()
        if compileNow { _ = try compiled.regex(pattern, caseInsensitive: caseInsensitive) }
    }

    /// Whether the expression has been compiled.
    package var isCompiled: Bool { compiled.isCompiled }

    /// The UTF-8 ranges of every match in `text`, in order.
    package func matches(in text: String) throws(Problem) -> [Range<Int>] {
        let textBytes = Array(text.utf8)
        guard textBytes.count < Int(Int32.max) else { throw .failed }
        if let requirement, !requirement.holds(for: textBytes) { return [] }
        let regex = try compiled.regex(pattern, caseInsensitive: caseInsensitive)
        let capacity = textBytes.count + 1
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        let count = plicu_regex_matches(regex, Self.timeLimitSteps, textBytes, Int32(textBytes.count),
                                        &starts, &ends, Int32(capacity))
        switch count {
        case Int32(PLICU_REGEX_TIME_LIMIT): throw .timeLimitExceeded
        case ..<0: throw .failed
        default: return (0..<min(Int(count), capacity)).map { Int(starts[$0])..<Int(ends[$0]) }
        }
    }

    /// Owns the ICU expression, compiled once by whichever thread asks first. Never matched
    /// with directly (`plicu_regex_matches` matches with a clone), so sharing it between
    /// threads is safe.
    private final class Compiled: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<OpaquePointer, Problem>?

        var isCompiled: Bool { lock.withLock { result != nil } }

        func regex(_ pattern: String, caseInsensitive: Bool) throws(Problem) -> OpaquePointer {
            try lock.withLock {
                if let result { return result }
                let made = Self.compile(pattern, caseInsensitive: caseInsensitive)
                result = made
                return made
            }.get()
        }

        private static func compile(_ pattern: String, caseInsensitive: Bool) -> Result<OpaquePointer, Problem> {
            var name = [UInt8](repeating: 0, count: 64)
            var offset: Int32 = -1
            let bytes = Array(pattern.utf8)
            guard let regex = plicu_regex_compile(bytes, Int32(clamping: bytes.count), caseInsensitive ? 1 : 0,
                                                  &name, Int32(name.count), &offset) else {
                let text = String(decoding: name.prefix { $0 != 0 }, as: UTF8.self)
                return .failure(.invalid(text, offset: offset >= 0 ? Int(offset) : nil))
            }
            return .success(regex)
        }

        deinit {
            if case .success(let regex) = result { plicu_regex_close(regex) }
        }
    }
}
