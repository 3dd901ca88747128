import CICU
import Foundation

/// An ICU regular expression run by the system ICU through the CICU shim, on UTF-8 text, with
/// UTF-8 byte offsets (the unit every finding's range uses), capture groups, and a time limit
/// per match attempt. Compiled once, by whichever thread first asks, and shared by threads
/// (each match runs on a clone). The checks use it instead of `NSRegularExpression`, which
/// started Foundation's own ICU (its data and property sets) on every lint.
package final class ICUExpression: @unchecked Sendable {
    /// ICU's limit per match attempt, in match-engine steps (each on the order of a millisecond).
    package static let timeLimitSteps: Int32 = 1_000

    /// Why an expression cannot be used.
    package enum Problem: Error, Equatable, Sendable {
        /// It does not compile: ICU's error name and where (UTF-16 offset), when known.
        case invalid(String, offset: Int?)
        /// A match attempt ran past `timeLimitSteps`.
        case timeLimitExceeded
        /// ICU failed otherwise (the text is not valid UTF-8, memory ran out).
        case failed

        /// What went wrong, for a message.
        package var summary: String {
            switch self {
            case .invalid(let name, let offset): name + (offset.map { " at character \($0 + 1)" } ?? "")
            case .timeLimitExceeded: "a match ran past the regular-expression time limit"
            case .failed: "the regular-expression engine failed"
            }
        }
    }

    /// One match: the UTF-8 ranges of group 0 (the whole match) and of each group asked for,
    /// nil for a group that took no part in it.
    package struct Match: Equatable, Sendable {
        package let groups: [Range<Int>?]

        /// The whole match.
        package var range: Range<Int> { groups[0] ?? 0..<0 }
    }

    package let pattern: String
    package let caseInsensitive: Bool
    private let lock = NSLock()
    private var result: Result<OpaquePointer, Problem>?

    /// `pattern`, compiled when first used (or by `compile()`).
    package init(_ pattern: String, caseInsensitive: Bool = false) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
    }

    /// The expression for `pattern` that the whole process shares, so that a fixed expression
    /// is compiled at most once however many rules and sessions use it. Only for patterns
    /// from a fixed set (the kinds' own): the table keeps every pattern it is given.
    package static func shared(_ pattern: String, caseInsensitive: Bool = false) -> ICUExpression {
        Shared.table.expression(pattern, caseInsensitive: caseInsensitive)
    }

    /// Starts ICU's regular-expression engine: the first expression a process compiles also
    /// builds the engine's own character sets, once. A thread that prepares a lint ahead
    /// calls this, so that the first check to compile an expression does not pay for it.
    package static func startEngine() {
        _ = try? ICUExpression("a").compile()
    }

    /// Whether the expression has been compiled (successfully or not).
    package var isCompiled: Bool { lock.withLock { result != nil } }

    /// Compiles the expression now, if it is not yet; its error, if it does not compile.
    package func compile() throws(Problem) {
        _ = try compiled()
    }

    /// The UTF-8 ranges of every match in `text` (UTF-8 `bytes`), in order.
    package func matches(in bytes: [UInt8]) throws(Problem) -> [Range<Int>] {
        try find(in: bytes, groups: 0).map(\.range)
    }

    /// Every match in `bytes` from byte offset `from` on (what lies before it is still seen by
    /// look-behinds and `\b`), with groups 1 to `groups` (at most the expression's count).
    package func find(in bytes: [UInt8], from: Int = 0, groups: Int) throws(Problem) -> [Match] {
        let regex = try compiled()
        guard bytes.count < Int(Int32.max), (0...bytes.count).contains(from), groups >= 0 else { throw .failed }
        let stride = 2 * (groups + 1)
        // Most texts hold a few matches; a larger count is asked for again with room for all.
        var capacity = min(bytes.count - from + 1, 16)
        while true {
            var bounds = [Int32](repeating: -1, count: capacity * stride)
            let count = Int(plicu_regex_find(regex, Self.timeLimitSteps, bytes, Int32(bytes.count), Int32(from),
                                             Int32(groups), &bounds, Int32(capacity)))
            switch count {
            case Int(PLICU_REGEX_TIME_LIMIT): throw .timeLimitExceeded
            case ..<0: throw .failed
            case (capacity + 1)...: capacity = count
            default:
                return (0..<count).map { index in
                    Match(groups: (0...groups).map { group in
                        let start = Int(bounds[index * stride + 2 * group]), end = Int(bounds[index * stride + 2 * group + 1])
                        return start < 0 ? nil : start..<end
                    })
                }
            }
        }
    }

    /// The compiled expression (compiled by the first caller).
    private func compiled() throws(Problem) -> OpaquePointer {
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
        let flags = caseInsensitive ? Int32(PLICU_REGEX_CASE_INSENSITIVE) : 0
        guard let regex = plicu_regex_compile(bytes, Int32(clamping: bytes.count), flags, &name, Int32(name.count), &offset) else {
            let text = String(decoding: name.prefix { $0 != 0 }, as: UTF8.self)
            return .failure(.invalid(text, offset: offset >= 0 ? Int(offset) : nil))
        }
        return .success(regex)
    }

    deinit {
        if case .success(let regex) = result { plicu_regex_close(regex) }
    }

    /// The process's shared expressions, by pattern and case sensitivity.
    private final class Shared: @unchecked Sendable {
        static let table = Shared()
        private let lock = NSLock()
        private var expressions: [String: ICUExpression] = [:]

        func expression(_ pattern: String, caseInsensitive: Bool) -> ICUExpression {
            lock.withLock {
                let key = (caseInsensitive ? "i:" : "s:") + pattern
                if let known = expressions[key] { return known }
                let made = ICUExpression(pattern, caseInsensitive: caseInsensitive)
                expressions[key] = made
                return made
            }
        }
    }
}

extension ICUExpression {
    /// An ICU pattern that matches `literal` as written: each character ICU gives a meaning
    /// outside a set (`*?+[(){}^$|\.` and `/`) behind a backslash, as
    /// `NSRegularExpression.escapedPattern(for:)` writes it.
    package static func escaped(_ literal: String) -> String {
        var result = ""
        for character in literal.unicodeScalars {
            if #"*?+[(){}^$|\./"#.unicodeScalars.contains(character) { result.append("\\") }
            result.unicodeScalars.append(character)
        }
        return result
    }
}
