/// Characters a report must not print raw: controls (they drive terminals) and bidirectional
/// formatting characters (an RLO can make a line read differently from its bytes). Reports
/// show them as `\u{202E}` instead.
enum VisibleText {
    /// Whether `scalar` is shown escaped: C0/C1 controls other than tab, and the bidi
    /// embeddings, overrides, isolates and marks.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if scalar == "\t" { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// The escape a hidden scalar is shown as: `\n`, `\r`, or `\u{202E}`.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// `text` with every hidden scalar escaped. Text with none, nearly all of it, comes back
    /// as it is: rebuilding it scalar by scalar was most of the text report's time.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) { output += escape(scalar) } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }
}
