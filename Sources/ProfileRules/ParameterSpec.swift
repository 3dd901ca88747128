import ProfileModel

/// One parameter of a check kind as users see it: the key, the type of value it takes, the
/// default a rule that leaves it out gets, the values allowed and one line of documentation.
/// Rule loading (unknown keys), reading (`Parameter`), `rules --format json` and the generated
/// docs all follow this declaration, so a parameter is declared once.
package struct ParameterSpec: Sendable, Encodable {
    /// The type of value a parameter takes, as the docs name it.
    package enum ValueType: String, Sendable, Encodable {
        case integer
        case number
        case boolean
        case string
        case stringList = "list of strings"
        case stringMap = "map of strings"
        /// One of `choices`.
        case choice = "one of"
        /// A list whose items are each one of `choices`.
        case choiceList = "list of"
        case regex = "regular expression"
    }

    package var key: String
    package var type: ValueType
    /// The allowed values of a choice (or of each item of a choice list), in the order docs list them.
    package var choices: [String]
    /// What a rule that leaves the key out gets; nil when leaving it out means "no such limit".
    package var defaultValue: ParameterValue?
    /// The smallest and largest allowed number, when bounded.
    package var minimum: Double?
    package var maximum: Double?
    /// What the parameter does, in one line.
    package var doc: String

    package init(key: String, type: ValueType, choices: [String] = [], defaultValue: ParameterValue? = nil,
                 minimum: Double? = nil, maximum: Double? = nil, doc: String) {
        self.key = key
        self.type = type
        self.choices = choices
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.doc = doc
    }

    enum CodingKeys: String, CodingKey {
        case key, type, choices, defaultValue = "default", minimum, maximum, doc
    }

    /// The allowed range in words (`at least 1`, `between 0 and 1`), nil when unbounded.
    package var rangeText: String? {
        switch (minimum, maximum) {
        case let (low?, high?): "between \(RuleParameters.format(low)) and \(RuleParameters.format(high))"
        case let (low?, nil): "at least \(RuleParameters.format(low))"
        case let (nil, high?): "at most \(RuleParameters.format(high))"
        case (nil, nil): nil
        }
    }

    /// The located error for a number outside the allowed range; one wording for every kind.
    /// `shown` is the value as written, for whole numbers too large to print exactly as a Double.
    func outOfRange(_ number: Double, shown: String? = nil, in parameters: RuleParameters) -> RuleFileError? {
        let tooLow = minimum.map { number < $0 } ?? false
        let tooHigh = maximum.map { number > $0 } ?? false
        guard tooLow || tooHigh, let range = rangeText else { return nil }
        return parameters.invalid(key, "must be \(range), not \(shown ?? RuleParameters.format(number))")
    }

    /// The located error for a value (or list item `item`) that is not one of `choices`, with "did you mean".
    func notAChoice(_ text: String, item: Int?, in parameters: RuleParameters) -> RuleFileError {
        let hint = Suggestion.closest(to: text, in: choices).map { "; did you mean '\($0)'?" } ?? ""
        let message = "must be one of \(choices.joined(separator: ", ")), not '\(text)'\(hint)"
        guard let item else { return parameters.invalid(key, message) }
        return parameters.invalid(key, item: item, "items " + message)
    }
}

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

extension CheckKind {
    /// The keys a rule file of this kind may set besides the common ones.
    package static var parameterKeys: [String] { parameters.map(\.key) }

    /// The error message for a key the kind does not take (in a rule file or a configuration's
    /// override), suggesting the closest of its parameters and `otherKeys` (the keys every
    /// rule file or override may set).
    package static func unknownKeyMessage(_ key: String, otherKeys: [String]) -> String {
        let hint = Suggestion.closest(to: key, in: parameterKeys + otherKeys).map { "; did you mean '\($0)'?" } ?? ""
        let known = parameterKeys.isEmpty ? "" : " (its keys: \(parameterKeys.joined(separator: ", ")))"
        return "unknown key '\(key)' for kind '\(name)'\(hint)\(known)"
    }

    /// The error for a rule that sets none of `parameters` when the kind needs at least one
    /// (one wording for every kind).
    static func needsOneOf(_ parameters: [ParameterSpec], rule: Rule) -> RuleFileError {
        let keys = parameters.map(\.key)
        let needed = keys.count == 1 ? "'\(keys[0])'" : "at least one of: \(keys.joined(separator: ", "))"
        return RuleFileError(file: rule.file, range: rule.idRange, message: "kind '\(name)' needs \(needed)")
    }

    /// The declaration of `key`, if the kind has that parameter.
    package static func parameter(_ key: String) -> ParameterSpec? {
        parameters.first { $0.key == key }
    }
}
