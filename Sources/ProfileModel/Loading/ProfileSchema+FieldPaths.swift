/// The field paths a rule may name (`title`, `skills[]`, `portfolio[].description`), derived
/// from the schema so a rule file's `field:` is checked against what profiles can hold.
extension ProfileSchema {
    /// Every path into the sections of `kinds` (a path valid in any of them), in schema order.
    package static func fieldPaths(for kinds: Set<SectionKind>) -> [String] {
        var seen = Set<String>()
        return SectionKind.allCases.filter(kinds.contains).flatMap { kind in
            paths(in: kind == .profile ? profile : specializedProfile, prefix: "")
        }.filter { seen.insert($0).inserted }
    }

    private static func paths(in record: Record, prefix: String) -> [String] {
        record.fields.flatMap { field in
            let path = prefix + field.key
            return [path] + paths(below: field.shape, at: path)
        }
    }

    /// The paths below a field of `shape` at `path`: its items (`path[]`) and their fields,
    /// or the fields of a map.
    private static func paths(below shape: Shape, at path: String) -> [String] {
        switch shape {
        case .list(let item): [path + "[]"] + members(item, at: path + "[]")
        case .either(let shapes): shapes.flatMap { paths(below: $0, at: path) }
        default: members(shape, at: path)
        }
    }

    private static func members(_ shape: Shape, at path: String) -> [String] {
        switch shape {
        case .record(let record): paths(in: record, prefix: path + ".")
        case .money: paths(in: moneyAmount, prefix: path + ".")
        case .either(let shapes): shapes.flatMap { members($0, at: path) }
        default: []
        }
    }
}
