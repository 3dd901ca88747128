/// The YAML 1.1 type of an untagged plain scalar, decided as Yams' `Resolver.default` decides it
/// (its `bool`, `int`, `float` and `null` expressions, first match wins; `<<`, `=` and
/// timestamps stay strings here) by a scanner over the text's bytes. The resolver's
/// `NSRegularExpression`s started Foundation's ICU on the first profile with a number in it;
/// everything else profilelint matches runs through the system ICU (the `CICU` shim).
enum PlainScalarType {
    static func of(_ text: String) -> Scalar.ScalarType {
        var bytes = Array(text.utf8)
        dropFinalLineTerminator(&bytes)
        let text = bytes[...]
        if booleans.contains(where: { $0.elementsEqual(text) }) { return .boolean }
        if isInteger(text) { return .integer }
        if isFloat(text) { return .float }
        if nulls.contains(where: { $0.elementsEqual(text) }) { return .null }
        return .string
    }

    private static let booleans = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                   "on", "On", "ON", "off", "Off", "OFF"].map { Array($0.utf8) }
    private static let nulls = ["~", "null", "Null", "NULL", ""].map { Array($0.utf8) }

    /// ICU's `$` (no multiline flag) also matches before one line terminator that ends the text.
    private static func dropFinalLineTerminator(_ bytes: inout [UInt8]) {
        let endings: [[UInt8]] = [[0x0D, 0x0A], [0x0A], [0x0B], [0x0C], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]]
        if let ending = endings.first(where: { bytes.count >= $0.count && bytes.suffix($0.count).elementsEqual($0) }) {
            bytes.removeLast(ending.count)
        }
    }

    /// `[-+]?` then binary `0b…`, octal `0o…` or `0…`, decimal, hexadecimal `0x…`, or sexagesimal `1:30`.
    private static func isInteger(_ text: ArraySlice<UInt8>) -> Bool {
        let digits = unsigned(text)
        guard let first = digits.first else { return false }
        let rest = digits.dropFirst()
        if first == zero {
            if rest.isEmpty { return true }
            switch rest.first {
            case UInt8(ascii: "b"): return all(rest.dropFirst(), in: "01_")
            case UInt8(ascii: "x"): return all(rest.dropFirst(), in: "0123456789abcdefABCDEF_")
            case UInt8(ascii: "o"): return all(rest.dropFirst(), in: "01234567_")
            default: return all(rest, in: "01234567_")
            }
        }
        guard isDigit(first) else { return false }
        let run = rest.prefix { isDigit($0) || $0 == underscore }
        return run.endIndex == rest.endIndex || isSexagesimal(rest[run.endIndex...], endingAt: rest.endIndex)
    }

    /// `[-+]?` digits with an optional fraction and exponent, `.5`, sexagesimal with a fraction,
    /// `[-+]?.inf` or `.nan`.
    private static func isFloat(_ text: ArraySlice<UInt8>) -> Bool {
        if [".nan", ".NaN", ".NAN"].contains(where: { $0.utf8.elementsEqual(text) }) { return true }
        if text.first == dot { return isFraction(text.dropFirst(), exponentSign: .required) || isInfinity(text.dropFirst()) }
        let digits = unsigned(text)
        if digits.first == dot { return isInfinity(digits.dropFirst()) }
        guard let first = digits.first, isDigit(first) else { return false }
        let run = digits.dropFirst().prefix { isDigit($0) || $0 == underscore }
        let after = digits[run.endIndex...]
        if after.first == colon {
            // Sexagesimal: groups up to a fraction that must follow them.
            guard let fraction = after.firstIndex(of: dot) else { return false }
            return isSexagesimal(after[..<fraction], endingAt: fraction)
                && after[(fraction + 1)...].allSatisfy { isDigit($0) || $0 == underscore }
        }
        if after.first == dot {
            let fraction = after.dropFirst().prefix { isDigit($0) || $0 == underscore }
            return isExponent(after.dropFirst()[fraction.endIndex...], sign: .optional)
        }
        return isExponent(after, sign: .optional)
    }

    private enum ExponentSign { case optional, required }

    /// `[0-9_]+` then an optional exponent (the form after a leading dot).
    private static func isFraction(_ text: ArraySlice<UInt8>, exponentSign: ExponentSign) -> Bool {
        let run = text.prefix { isDigit($0) || $0 == underscore }
        return !run.isEmpty && isExponent(text[run.endIndex...], sign: exponentSign)
    }

    /// Nothing, or `[eE]`, a sign (as `sign` says) and at least one digit, up to the end.
    private static func isExponent(_ text: ArraySlice<UInt8>, sign: ExponentSign) -> Bool {
        guard let first = text.first else { return true }
        guard first == UInt8(ascii: "e") || first == UInt8(ascii: "E") else { return false }
        var rest = text.dropFirst()
        if rest.first == plus || rest.first == minus {
            rest = rest.dropFirst()
        } else if sign == .required {
            return false
        }
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    private static func isInfinity(_ text: ArraySlice<UInt8>) -> Bool {
        ["inf", "Inf", "INF"].contains { $0.utf8.elementsEqual(text) }
    }

    /// One or more `:` groups of one digit or of `[0-5][0-9]`, filling `text` up to `end`.
    private static func isSexagesimal(_ text: ArraySlice<UInt8>, endingAt end: Int) -> Bool {
        var index = text.startIndex
        guard index < end else { return false }
        while index < end {
            guard text[index] == colon else { return false }
            let group = text[(index + 1)..<end].prefix(while: isDigit)
            guard group.count == 1 || (group.count == 2 && group.first! <= UInt8(ascii: "5")) else { return false }
            index = group.endIndex
        }
        return true
    }

    /// `text` without one leading `+` or `-`.
    private static func unsigned(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        text.first == plus || text.first == minus ? text.dropFirst() : text
    }

    /// Whether `text` is not empty and each byte is one of `allowed`.
    private static func all(_ text: ArraySlice<UInt8>, in allowed: String) -> Bool {
        !text.isEmpty && text.allSatisfy { allowed.utf8.contains($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= UInt8(ascii: "9") }

    private static let zero = UInt8(ascii: "0"), underscore = UInt8(ascii: "_"), dot = UInt8(ascii: ".")
    private static let colon = UInt8(ascii: ":"), plus = UInt8(ascii: "+"), minus = UInt8(ascii: "-")
}
