/// Text and numbers as the HTML report writes them.
enum HTMLMarkup {
    /// `text` escaped for element content or a quoted attribute, with controls and bidi
    /// characters shown as escapes (see `VisibleText`).
    static func escape(_ text: String) -> String {
        XMLEscaping.escape(VisibleText.escaped(text))
    }

    /// `2,400`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `1 post`, `2,400 posts`.
    static func counted(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// A share as a whole percentage: `71%`.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? Percent.format(Double(part) / Double(whole)) : "0%"
    }

    /// A coordinate or length for SVG: at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
