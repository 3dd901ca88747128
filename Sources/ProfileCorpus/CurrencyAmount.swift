import Foundation

/// An amount as scraped data writes it — `$1,200.50`, `40`, `40 USD`, `EUR 40`, `€40`, `40 €`,
/// `₹500/hr`, `$25 per hour` — with the currency it names, so hourly ranges in different
/// currencies are never compared as if they were one.
package enum CurrencyAmount {
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

    /// The amount and the currency named by a sign or code, nil when `text` is no amount.
    static func parse(_ text: String) -> (amount: Double, currency: String?)? {
        var rest = Substring(text.trimmingSpaces)
        var currency = leadingCurrency(&rest)
        rest = rest.drop { $0 == " " }
        var digits = ""
        if rest.first == "-" { digits = "-"; rest = rest.dropFirst() }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        digits += number.filter { $0 != "," }
        guard number.first?.isNumber == true, let amount = Double(digits) else { return nil }
        var unit = rest.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        if !unit.isEmpty, let sign = signsLongestFirst.first(where: { unit.hasPrefix($0) }) {
            currency = currency ?? signs[sign]
            unit = String(unit.dropFirst(sign.count)).trimmingCharacters(in: .whitespaces)
        } else if !rateUnits.contains(unit.lowercased()), unit.count >= 3, unit.prefix(3).allSatisfy({ $0.isASCII && $0.isLetter }),
                  unit.count == 3 || !unit.dropFirst(3).first!.isLetter {
            currency = currency ?? unit.prefix(3).uppercased()
            unit = String(unit.dropFirst(3)).trimmingCharacters(in: .whitespaces)
        }
        guard unit.isEmpty || rateUnits.contains(unit.lowercased()) else { return nil }
        return (amount, currency)
    }

    /// A currency sign or ISO code at the start of `text` (`$`, `US$`, `EUR `), removed from it.
    private static func leadingCurrency(_ text: inout Substring) -> String? {
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
