extension ProfileSchema {
    /// The shape of the value at a value path (`employment[0].from`, `hourly_rate.amount`,
    /// `specialized_profiles[1].skills[2]`); nil when the schema has no such field.
    package static func shape(atValuePath path: String) -> Shape? {
        var shape = Shape.record(profile)
        for part in path.split(separator: ".") {
            let key = part.prefix { $0 != "[" }
            guard let record = shape.nestedRecord, let field = record.shape(of: String(key)) else { return nil }
            shape = field
            // Each `[n]` steps into an item of a list.
            for _ in part.dropFirst(key.count).filter({ $0 == "[" }) {
                guard let item = shape.listItem else { return nil }
                shape = item
            }
        }
        return shape
    }
}

extension ProfileSchema.Shape {
    /// The record a value of this shape may be (a money value's `{amount, currency}` too).
    var nestedRecord: ProfileSchema.Record? {
        switch self {
        case .record(let record): record
        case .money: ProfileSchema.moneyAmount
        case .either(let shapes): shapes.lazy.compactMap(\.nestedRecord).first
        default: nil
        }
    }

    /// The shape of an item, when a value of this shape may be a list.
    var listItem: ProfileSchema.Shape? {
        switch self {
        case .list(let item): item
        case .either(let shapes): shapes.lazy.compactMap(\.listItem).first
        default: nil
        }
    }
}
