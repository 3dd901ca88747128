import ProfileModel

/// What the parameter declarations give every kind: its keys, the error for a key it does not
/// take, the error for a rule that sets none of the parameters it needs.
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
