import ProfileModel

/// `required`: the field is present and not empty (not null, not blank, not an empty
/// list or map). `weight` is the field's share of the `completeness` score, which the
/// engine adds up over every `required` rule for the general profile.
///
/// A path through list items (`portfolio[].title`) requires the last key in every
/// item; a missing field is reported at the start of the map that should hold it.
public struct RequiredCheck: ScoringCheckKind {
    public static let name = "required"
    public static let summary = "A field is present and not blank; the rules of this kind add up to the completeness score."
    static let weight = Parameter.number("weight", default: 1, min: 0, max: 1000, "The field's share of the completeness score.")
    package static let parameters = [weight.spec]
    public static let needsField = true
    public static let argumentNames = ["state", "weight"]
    public static let scoreName = "completeness"

    let fields: [FieldPath]
    let weight: Double

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        weight = try rule.parameters.value(Self.weight)
    }

    /// One place a field must be: the map that holds it and the key.
    struct Slot {
        var holder: FieldValue
        var key: String
        var path: String { holder.path.isEmpty ? key : "\(holder.path).\(key)" }
        var value: Node? { holder.node[key] }
    }

    func slots(_ section: ProfileSection) -> [Slot] {
        fields.flatMap { field -> [Slot] in
            guard let last = field.components.last else { return [] }
            var parentPath = field
            parentPath.components.removeLast()
            let holders = parentPath.components.isEmpty
                ? [FieldValue(path: section.pathPrefix, node: section.node)]
                : section.values(at: parentPath)
            return holders.filter { $0.node.map != nil }.map { Slot(holder: $0, key: last.key) }
        }
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        slots(section).compactMap { slot in
            let arguments = ["weight": RuleParameters.format(weight)]
            guard let value = slot.value else {
                let start = slot.holder.node.range.lowerBound
                return Finding(range: ByteRange(start, start), fieldPath: slot.path,
                               arguments: arguments.merging(["state": "missing"]) { own, _ in own })
            }
            if Self.isFilled(value) { return nil }
            let range = value.range.isEmpty ? (slot.holder.node.entry(slot.key)?.keyRange ?? value.range) : value.range
            return Finding(range: range, fieldPath: slot.path,
                           arguments: arguments.merging(["state": "empty"]) { own, _ in own })
        }
    }

    public func scoreContribution(_ section: ProfileSection, context: LintContext) -> ScoreContribution {
        let slots = slots(section)
        guard !slots.isEmpty else { return ScoreContribution(earned: 0, possible: weight) }
        let filled = slots.filter { $0.value.map(Self.isFilled) ?? false }.count
        return ScoreContribution(earned: weight * Double(filled) / Double(slots.count), possible: weight)
    }

    /// Whether a value counts as given: a non-blank scalar, or a list or map with a given item.
    static func isFilled(_ node: Node) -> Bool {
        switch node.value {
        case .scalar(let scalar):
            scalar.type != .null && !scalar.text.allSatisfy(\.isWhitespace)
        case .list(let items):
            items.contains(where: isFilled)
        case .map(let entries):
            entries.contains { isFilled($0.value) }
        }
    }
}
