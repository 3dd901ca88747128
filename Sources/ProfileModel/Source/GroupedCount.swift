extension BinaryInteger {
    /// The number with `,` between groups of three digits (`2,350`, `-12,000`): how counts read
    /// in the human-readable text (messages, notes, the text report). Machine fields (JSON
    /// numbers, SARIF properties) keep the plain number.
    package var grouped: String {
        let digits = String(self.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}
