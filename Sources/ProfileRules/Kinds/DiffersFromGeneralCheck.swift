import ProfileModel

/// `differs-from-general`: a specialized profile's field is not a copy of the general
/// profile's (or of an earlier specialized profile's) same field. Texts compare by their
/// folded words (case, punctuation and spacing do not matter); lists compare as sets of
/// such items. A specialized profile exists to speak to one niche, so a copied title or
/// overview defeats it. Only specialized sections are checked.
public struct DiffersFromGeneralCheck: CheckKind {
    public static let name = "differs-from-general"
    public static let summary = "A specialized profile's field does not copy the general profile's or an earlier specialized profile's."
    package static let parameters: [ParameterSpec] = []
    public static let needsField = true
    public static let argumentNames = ["other", "other_field"]

    let fields: [FieldPath]

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
        if rule.appliesTo == [.profile] {
            throw RuleFileError(file: rule.file, range: rule.idRange,
                                message: "kind 'differs-from-general' checks specialized profiles; set 'applies_to: [specialized]'")
        }
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        guard section.kind == .specialized, let index = section.index else { return [] }
        let earlier = context.profile.sections.filter { $0.kind == .profile || ($0.index ?? .max) < index }
        var findings: [Finding] = []
        for field in fields {
            for value in section.values(at: field) {
                guard let key = Self.comparisonKey(value.node) else { continue }
                for other in earlier {
                    guard let match = other.values(at: field).first(where: { Self.comparisonKey($0.node) == key }) else { continue }
                    let position = context.file.position(ofByte: match.node.range.lowerBound)
                    findings.append(Finding(
                        range: value.node.range, fieldPath: value.path,
                        arguments: ["other": other.displayName, "other_field": match.path],
                        notes: [Note("the \(other.displayName)'s \(field) is the same (line \(position.line))", range: match.node.range)]))
                    break
                }
            }
        }
        return findings
    }

    /// What two values must share to count as the same; nil for an empty value.
    static func comparisonKey(_ node: Node) -> String? {
        switch node.value {
        case .scalar(let scalar):
            let words = FoldedWord.words(of: scalar.text).map(\.key)
            return words.isEmpty ? nil : words.joined(separator: " ")
        case .list(let items):
            let keys = Set(items.compactMap(comparisonKey))
            return keys.isEmpty ? nil : keys.sorted().joined(separator: "\n")
        case .map:
            return nil
        }
    }
}
