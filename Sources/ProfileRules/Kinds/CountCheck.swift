import ProfileModel

/// `count`: the number of items in a list field is within `min`/`max`.
/// Too many is reported at the first item over the limit, too few at the list.
/// A missing field is left to `required` rules.
public struct CountCheck: CheckKind {
    public static let name = "count"
    public static let summary = "The number of items of a list is within limits."
    static let minimum = Parameter<Int?>.integer("min", min: 0, "The fewest items allowed (no lower limit when left out).")
    static let maximum = Parameter<Int?>.integer("max", min: 0, "The most items allowed (no upper limit when left out).")
    package static let parameters = [minimum.spec, maximum.spec]
    public static let needsField = true
    public static let argumentNames = ["count", "min", "max", "missing"]

    let fields: [FieldPath]
    let min: Int?
    let max: Int?

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        min = try rule.parameters.value(Self.minimum)
        max = try rule.parameters.value(Self.maximum)
        try rule.parameters.requireOrdered(Self.minimum, min, Self.maximum, max)
        if min == nil, max == nil {
            throw Self.needsOneOf(Self.parameters, rule: rule)
        }
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for field in fields {
            for value in section.values(at: field) {
                guard let items = value.node.list else { continue }
                if let finding = finding(count: items.count, range: value.node.range, path: value.path, items: items) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private func finding(count: Int, range: ByteRange, path: String, items: [Node]) -> Finding? {
        let arguments = ["count": "\(count)", "min": min.map(String.init) ?? "", "max": max.map(String.init) ?? "",
                         "missing": min.map { "\(Swift.max(0, $0 - count))" } ?? "0"]
        if let max, count > max {
            // Point at the first item over the limit.
            return Finding(range: items[max].range, fieldPath: "\(path)[\(max)]", arguments: arguments)
        }
        if let min, count < min {
            return Finding(range: range, fieldPath: path, arguments: arguments)
        }
        return nil
    }
}
