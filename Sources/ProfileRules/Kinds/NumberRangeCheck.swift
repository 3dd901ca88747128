import ProfileModel

/// `number-range`: a number field is within `min`/`max`. The field may be a plain number
/// (`hourly_rate: 25`) or an amount with a currency (`{amount: 25, currency: USD}`);
/// with `currency` set, an amount in another currency is not compared (the bounds are
/// in that currency), and a plain number is taken to be in it.
package struct NumberRangeCheck: CheckKind {
    package static let name = "number-range"
    package static let summary = "A number, or an amount `{amount, currency}`, is within limits (at least one limit must be set)."
    static let minimum = Parameter<Double?>.number("min", "The smallest value allowed (no lower limit when left out).")
    static let maximum = Parameter<Double?>.number("max", "The largest value allowed (no upper limit when left out).")
    static let currency = Parameter<String?>.text("currency", "A three-letter currency code (USD); an amount in another currency is not compared.")
    package static let parameters = [minimum.spec, maximum.spec, currency.spec]
    package static let needsField = true
    package static let argumentNames = ["value", "min", "max", "currency"]

    let fields: [FieldPath]
    let min: Double?
    let max: Double?
    let currency: String?

    package init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        min = try rule.parameters.value(Self.minimum)
        max = try rule.parameters.value(Self.maximum)
        currency = try rule.parameters.value(Self.currency)?.uppercased()
        try rule.parameters.requireOrdered(Self.minimum, min, Self.maximum, max)
        if min == nil, max == nil {
            throw Self.needsOneOf([Self.minimum.spec, Self.maximum.spec], rule: rule)
        }
        // Checked by hand: a regular expression compiled per rule cost start-up time.
        if let currency, currency.utf8.count != 3 || !currency.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            throw rule.parameters.invalid(Self.currency, "must be a three-letter currency code such as USD, not '\(currency)'")
        }
    }

    package func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for field in fields {
            for value in section.values(at: field) {
                var numberNode = value.node
                var valueCurrency = currency
                var path = value.path
                if value.node.map != nil {
                    guard let amount = value.node["amount"] else { continue }
                    numberNode = amount
                    path += ".amount"
                    if let written = value.node["currency"]?.string { valueCurrency = written.uppercased() }
                }
                guard let number = numberNode.scalar?.number else { continue }
                if let currency, valueCurrency != currency { continue }
                let arguments = ["value": RuleParameters.format(number),
                                 "min": min.map(RuleParameters.format) ?? "", "max": max.map(RuleParameters.format) ?? "",
                                 "currency": valueCurrency ?? ""]
                if let min, number < min {
                    findings.append(Finding(range: numberNode.range, fieldPath: path, arguments: arguments))
                } else if let max, number > max {
                    findings.append(Finding(range: numberNode.range, fieldPath: path, arguments: arguments))
                }
            }
        }
        return findings
    }
}
