import Foundation

/// An amount as scraped data writes it — `$1,200.50`, `40`, `40 USD`, `EUR 40`, `€40`, `40 €`,
/// `45,50 €`, `1.234,56 EUR`, `₹500/hr`, `$25 per hour` — with the currency it names, so hourly
/// ranges in different currencies are never compared as if they were one.
package enum CurrencyAmount {
    /// Why text is not read as an amount.
    package enum Failure: Error, Equatable {
        /// Not an amount at all (`negotiable`, `12 apples`).
        case notAnAmount
        /// A number whose separator may be a decimal point or a thousands separator (`1.500`):
        /// read either way it could be silently wrong by a factor of 1,000.
        case ambiguous
    }

    /// Currency signs and the ISO 4217 code each stands for (`$` is taken for US dollars, as
    /// the marketplaces that write a bare `$` mean).
    static let signs: [String: String] = [
        "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "A$": "AUD", "AU$": "AUD",
        "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "R$": "BRL", "₱": "PHP", "₦": "NGN", "₩": "KRW", "₽": "RUB",
        "₺": "TRY", "₴": "UAH", "₪": "ILS", "₫": "VND", "zł": "PLN",
    ]
    /// The signs, longest first (`US$` before `$`), sorted once rather than per amount.
    static let signsLongestFirst = signs.keys.sorted { ($0.count, $1) > ($1.count, $0) }
    /// What may follow an hourly amount.
    static let rateUnits = ["/h", "/hr", "/hrs", "/hour", "per hour", "an hour", "hourly", "/hr.", "p/h", "ph"]
    /// Characters that group thousands besides `,` and `.`: spaces (`1 234,50 €`) and the
    /// apostrophe (`CHF 1'234.50`).
    private static let groupSeparators: Set<Character> = ["\u{00A0}", "\u{202F}", "'", "’"]

    /// The amount and the currency named by a sign or code, nil when `text` is no amount or an
    /// ambiguous one.
    static func parse(_ text: String) -> (amount: Double, currency: String?)? {
        guard let read = try? read(text) else { return nil }
        return (read.amount, read.currency)
    }

    /// The amount, the currency named by a sign or code, and whether an hourly unit follows it.
    static func read(_ text: String) throws(Failure) -> (amount: Double, currency: String?, hourly: Bool) {
        var rest = Substring(text.trimmingSpaces)
        var currency = leadingCurrency(&rest)
        rest = rest.drop { $0 == " " }
        var negative = false
        if rest.first == "-" { negative = true; rest = rest.dropFirst() }
        let number = rest.prefix { ($0.isASCII && ($0.isNumber || $0 == "." || $0 == ",")) || groupSeparators.contains($0) }
        guard number.first?.isNumber == true else { throw .notAnAmount }
        let (amount, ambiguous) = try value(of: number)
        var unit = rest.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        if !unit.isEmpty, let sign = signsLongestFirst.first(where: { unit.hasPrefix($0) }) {
            currency = currency ?? signs[sign]
            unit = String(unit.dropFirst(sign.count)).trimmingCharacters(in: .whitespaces)
        } else if !rateUnits.contains(unit.lowercased()), unit.count >= 3, unit.prefix(3).allSatisfy({ $0.isASCII && $0.isLetter }),
                  unit.count == 3 || !unit.dropFirst(3).first!.isLetter {
            currency = currency ?? unit.prefix(3).uppercased()
            unit = String(unit.dropFirst(3)).trimmingCharacters(in: .whitespaces)
        }
        guard unit.isEmpty || rateUnits.contains(unit.lowercased()) else { throw .notAnAmount }
        // A bare `86.875` is a number as programs write them; `€1.500` is written by a person.
        if ambiguous, currency != nil { throw .ambiguous }
        return (negative ? -amount : amount, currency, !unit.isEmpty)
    }

    /// The value of digits with separators. The separator written last is the decimal mark when
    /// both `,` and `.` appear (`1,234.56`, `1.234,56`); a lone mark followed by one or two
    /// digits is decimal (`45,50`, `40.5`), one followed by groups of three is a thousands
    /// separator when it repeats (`1.234.567`) or is a comma (`$1,234`, as the English-writing
    /// marketplaces mean); a single `.` before three digits (`1.500`) is read as a decimal
    /// point and flagged `ambiguous`.
    private static func value(of number: Substring) throws(Failure) -> (amount: Double, ambiguous: Bool) {
        let marks = number.filter { !$0.isNumber }
        let grouping = marks.filter { groupSeparators.contains($0) }
        let separators = marks.filter { $0 == "," || $0 == "." }
        var decimal: Character?
        var ambiguous = false
        if Set(separators).count == 2 {
            decimal = separators.last
        } else if let mark = separators.first {
            let groups = number.split(separator: mark, omittingEmptySubsequences: false)
            if separators.count == 1, let last = groups.last, (1...2).contains(last.count) {
                decimal = mark
            } else if separators.count == 1, mark == ".", groups.last?.count == 3, groups.first != "0", grouping.isEmpty {
                decimal = mark
                ambiguous = true
            } else if separators.count == 1, mark == "." || groups.first == "0" {
                decimal = mark
            }
        }
        let parts = number.split(separator: decimal ?? "\u{0}", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { throw .notAnAmount }
        // The whole part: digits in groups of three after the first (or no grouping at all).
        let groups = whole.split(omittingEmptySubsequences: false) { !$0.isNumber }
        guard groups.allSatisfy({ !$0.isEmpty }), groups.count == 1 || (groups.first!.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }),
              parts.count == 1 || parts[1].allSatisfy(\.isNumber),
              let amount = Double(groups.joined() + (parts.count == 2 ? "." + parts[1] : "")) else { throw .notAnAmount }
        return (amount, ambiguous)
    }

    /// A currency sign or ISO code at the start of `text` (`$`, `US$`, `EUR `), removed from it.
    static func leadingCurrency(_ text: inout Substring) -> String? {
        // No sign or code starts with a digit: most amounts in scraped data are bare numbers.
        if let first = text.utf8.first, (0x30...0x39).contains(first) { return nil }
        if let sign = signsLongestFirst.first(where: { text.hasPrefix($0) }) {
            text = text.dropFirst(sign.count)
            return signs[sign]
        }
        let code = text.prefix(3)
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }),
              let after = text.dropFirst(3).first, after == " " || after.isNumber else { return nil }
        text = text.dropFirst(3)
        return String(code)
    }

    /// A currency column's value as a code: `usd` → `USD`, `€` → `EUR`; other text as written,
    /// uppercased.
    static func code(_ text: String) -> String {
        let trimmed = text.trimmingSpaces
        return signs[trimmed] ?? trimmed.uppercased()
    }
}
