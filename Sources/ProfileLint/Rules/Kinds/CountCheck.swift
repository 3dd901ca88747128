/// `count`: the number of items in a list field is within `min`/`max`.
public struct CountCheck: CheckKind {
    public static let name = "count"
    public static let parameterKeys = ["min", "max"]
    public static let needsField = true

    let field: FieldPath
    let min: Int?
    let max: Int?

    public init(rule: Rule) throws(RuleFileError) {
        field = rule.field!
        min = try rule.parameters.int("min")
        max = try rule.parameters.int("max")
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for value in section.values(at: field) {
            guard let items = value.node.list else { continue }
            let arguments = ["count": "\(items.count)", "min": min.map(String.init) ?? "", "max": max.map(String.init) ?? ""]
            if let max, items.count > max {
                // Point at the first item over the limit.
                findings.append(Finding(range: items[max].range, fieldPath: "\(value.path)[\(max)]", arguments: arguments))
            } else if let min, items.count < min {
                findings.append(Finding(range: value.node.range, fieldPath: value.path, arguments: arguments))
            }
        }
        return findings
    }
}
