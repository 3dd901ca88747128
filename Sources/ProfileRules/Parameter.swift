import ProfileModel
import ProfileText

/// A typed parameter of a check kind: its declaration (`spec`) and how a rule's value is read
/// and validated against it. A kind declares each parameter once as a `static let` and lists
/// them in `parameters`; its `init(rule:)` reads them with `RuleParameters.value(_:)`.
package struct Parameter<Value: Sendable>: Sendable {
    let spec: ParameterSpec
    /// What a rule that leaves the key out gets.
    let defaultValue: Value
    let decode: @Sendable (RuleParameters) throws(RuleFileError) -> Value

    init(_ spec: ParameterSpec, default defaultValue: Value,
         decode: @escaping @Sendable (RuleParameters) throws(RuleFileError) -> Value) {
        self.spec = spec
        self.defaultValue = defaultValue
        self.decode = decode
    }
}

extension RuleParameters {
    /// The rule's value of `parameter` (or its default), validated against its declaration.
    package func value<Value>(_ parameter: Parameter<Value>) throws(RuleFileError) -> Value {
        try parameter.decode(self)
    }
}

extension Parameter where Value == Int {
    /// A whole number within `min...max` (no upper bound when `max` is nil).
    static func integer(_ key: String, default value: Int, min: Int, max: Int? = nil, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .integer, defaultValue: .integer(value), minimum: Double(min),
                                 maximum: max.map(Double.init), doc: doc)
        return Self(spec, default: value) { parameters throws(RuleFileError) in try parameters.boundedInt(spec) ?? value }
    }
}

extension Parameter where Value == Int? {
    /// A whole number of at least `min`, or nil when the rule leaves it out (no such limit).
    static func integer(_ key: String, min: Int, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .integer, minimum: Double(min), doc: doc)
        return Self(spec, default: nil) { parameters throws(RuleFileError) in try parameters.boundedInt(spec) }
    }
}

extension Parameter where Value == Double {
    /// A number within `min...max`.
    static func number(_ key: String, default value: Double, min: Double, max: Double, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .number, defaultValue: .number(value), minimum: min, maximum: max, doc: doc)
        return Self(spec, default: value) { parameters throws(RuleFileError) in try parameters.boundedDouble(spec) ?? value }
    }
}

extension Parameter where Value == Double? {
    /// Any number, or nil when the rule leaves it out (no such limit).
    static func number(_ key: String, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .number, doc: doc)
        return Self(spec, default: nil) { parameters throws(RuleFileError) in try parameters.double(key) }
    }
}

extension Parameter where Value == Bool {
    static func flag(_ key: String, default value: Bool, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .boolean, defaultValue: .boolean(value), doc: doc)
        return Self(spec, default: value) { parameters throws(RuleFileError) in try parameters.bool(key) ?? value }
    }
}

extension Parameter where Value == String? {
    /// A string, or nil when the rule leaves it out.
    static func text(_ key: String, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .string, doc: doc)
        return Self(spec, default: nil) { parameters throws(RuleFileError) in try parameters.string(key) }
    }
}

extension Parameter where Value == [String] {
    /// A list of strings, `value` when the rule leaves it out. With `nonEmpty`, a list the
    /// rule sets must hold at least one item and no blank item.
    static func strings(_ key: String, default value: [String] = [], nonEmpty: Bool = false, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .stringList, defaultValue: value.isEmpty ? nil : .strings(value), doc: doc)
        return Self(spec, default: value) { parameters throws(RuleFileError) in
            guard let items = try parameters.stringList(key) else { return value }
            if nonEmpty { try parameters.requireNonEmpty(key, items) }
            return items
        }
    }
}

extension Parameter where Value == [(key: String, value: String)] {
    /// A map of string to string (`replacements: {utilize: use}`), empty when left out.
    static func stringMap(_ key: String, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .stringMap, doc: doc)
        return Self(spec, default: []) { parameters throws(RuleFileError) in try parameters.stringMap(key) ?? [] }
    }
}

extension Parameter where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enum's raw values; its cases are the allowed values, in declaration order.
    static func choice(_ key: String, default value: Value, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .choice, choices: Value.allCases.map(\.rawValue),
                                 defaultValue: .string(value.rawValue), doc: doc)
        return Self(spec, default: value) { parameters throws(RuleFileError) in
            guard let text = try parameters.string(key) else { return value }
            guard let choice = Value(rawValue: text) else { throw spec.notAChoice(text, item: nil, in: parameters) }
            return choice
        }
    }
}

extension Parameter {
    /// A non-empty list whose items are each one of the enum's raw values; `value` when left out.
    static func choices<Choice>(_ key: String, default value: [Choice], _ doc: String) -> Self
    where Value == [Choice], Choice: RawRepresentable & CaseIterable & Sendable, Choice.RawValue == String {
        let spec = ParameterSpec(key: key, type: .choiceList, choices: Choice.allCases.map(\.rawValue),
                                 defaultValue: .strings(value.map(\.rawValue)), doc: doc)
        return Self(spec, default: value) { parameters throws(RuleFileError) in
            guard let items = try parameters.stringList(key) else { return value }
            if items.isEmpty { throw parameters.invalid(key, "must name at least one of: \(spec.choices.joined(separator: ", "))") }
            var result: [Choice] = []
            for (index, item) in items.enumerated() {
                guard let choice = Choice(rawValue: item) else { throw spec.notAChoice(item, item: index, in: parameters) }
                result.append(choice)
            }
            return result
        }
    }
}

extension Parameter where Value == UserPattern? {
    /// An ICU regular expression (ICU's syntax, as `NSRegularExpression`'s), compiled case-insensitively
    /// when the rule's `ignoreCase` flag says so; nil when the rule leaves it out. A pattern
    /// written in a built-in rule file is compiled when first needed (the pack's tests compile
    /// each one), any other when the rule loads, so that its error is the rule's.
    static func regex(_ key: String, ignoreCase: Parameter<Bool>, _ doc: String) -> Self {
        let spec = ParameterSpec(key: key, type: .regex, doc: doc)
        return Self(spec, default: nil) { parameters throws(RuleFileError) in
            let caseInsensitive = try parameters.value(ignoreCase)
            guard let pattern = try parameters.string(key) else { return nil }
            if pattern.isEmpty { throw parameters.invalid(key, "must not be empty") }
            do throws(UserPattern.Problem) {
                let builtIn = parameters.values[key]?.file.path.hasPrefix(BuiltInRulePack.pathPrefix) ?? false
                return try UserPattern(pattern, caseInsensitive: caseInsensitive, compileNow: !builtIn)
            } catch {
                guard case .invalid = error else { throw parameters.invalid(key, "is not a valid regular expression") }
                throw parameters.invalid(key, "is not a valid regular expression: \(error.summary)")
            }
        }
    }
}
