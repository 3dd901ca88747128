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
