/// A parameter's default as `rules --format json` shows it.
package enum ParameterValue: Sendable, Equatable, Encodable {
    case integer(Int), number(Double), boolean(Bool), string(String), strings([String])

    /// The value on one line, as YAML would take it (`0.25`, `missing`, `[email, phone]`);
    /// a long list shows its first items and its length.
    package var text: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): RuleParameters.format(value)
        case .boolean(let value): String(value)
        case .string(let value): value
        case .strings(let values):
            values.count > 6 ? "[\(values.prefix(5).joined(separator: ", ")), … (\(values.count) in all)]"
                : "[\(values.joined(separator: ", "))]"
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .strings(let value): try container.encode(value)
        }
    }
}
