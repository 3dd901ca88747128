import CICU

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

    /// Compiles `pattern` (once: every match uses the compiled form).
    package init(_ pattern: String, caseInsensitive: Bool = false) throws(Problem) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        var name = [UInt8](repeating: 0, count: 64)
        var offset: Int32 = -1
        let bytes = Array(pattern.utf8)
        guard let regex = plicu_regex_compile(bytes, Int32(clamping: bytes.count), caseInsensitive ? 1 : 0,
                                              &name, Int32(name.count), &offset) else {
            let text = String(decoding: name.prefix { $0 != 0 }, as: UTF8.self)
            throw .invalid(text, offset: offset >= 0 ? Int(offset) : nil)
        }
        compiled = Compiled(regex)
    }

    /// The UTF-8 ranges of every match in `text`, in order.
    package func matches(in text: String) throws(Problem) -> [Range<Int>] {
        let textBytes = Array(text.utf8)
        guard textBytes.count < Int(Int32.max) else { throw .failed }
        let capacity = textBytes.count + 1
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        let count = plicu_regex_matches(compiled.regex, Self.timeLimitSteps, textBytes, Int32(textBytes.count),
                                        &starts, &ends, Int32(capacity))
        switch count {
        case Int32(PLICU_REGEX_TIME_LIMIT): throw .timeLimitExceeded
        case ..<0: throw .failed
        default: return (0..<min(Int(count), capacity)).map { Int(starts[$0])..<Int(ends[$0]) }
        }
    }

    /// Owns the ICU expression. Never matched with directly (`plicu_regex_matches` matches with
    /// a clone), so sharing it between threads is safe.
    private final class Compiled: @unchecked Sendable {
        let regex: OpaquePointer

        init(_ regex: OpaquePointer) { self.regex = regex }

        deinit { plicu_regex_close(regex) }
    }
}
