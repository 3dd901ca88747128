extension AmountRange {
    /// A bare decimal number (`150`, `86.875`, `0.5`): digits, then at most one `.` and more
    /// digits, as exported numeric columns write every amount. The general parser gives such
    /// text one amount with no currency, unit or label; this reads it without the parser's
    /// prefix, suffix and separator searches. Nil for any other text (a test compares the two).
    static func plainDecimal(_ text: String) -> AmountRange? {
        var digitsBefore = 0, digitsAfter = 0, dots = 0
        for byte in text.utf8 {
            if (0x30...0x39).contains(byte) {
                if dots == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
            } else if byte == UInt8(ascii: "."), dots == 0 {
                dots = 1
            } else {
                return nil
            }
        }
        guard digitsBefore > 0, dots == 0 || digitsAfter > 0, let value = Double(text) else { return nil }
        return AmountRange(min: value, max: value)
    }
}
