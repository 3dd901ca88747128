/// Applying a configuration's `rules:` section to loaded rules.
extension Configuration {
    /// The rules with this configuration's severities and parameter overrides applied;
    /// rules set to `off` are left out. A rule id that is neither a loaded rule nor in
    /// `builtInRuleIDs`, or a parameter the rule's kind does not take, is a located error
    /// in the configuration. Override values are validated by the kind when the returned
    /// rules are built into a `RuleSet`; a bad value is then reported at the configuration value.
    /// Every bad override is reported at once, in file order.
    public func apply(to rules: [Rule], builtInRuleIDs: [String]) throws(RuleFileError) -> [Rule] {
        var errors = RuleFileErrors()
        let updated = apply(to: rules, builtInRuleIDs: builtInRuleIDs, collecting: &errors)
        try errors.throwIfAny()
        return updated
    }

    /// `apply(to:builtInRuleIDs:)` that leaves a bad override out and adds its error to `errors`,
    /// so that a caller can report it with the errors found later (bad parameter values).
    public func apply(to rules: [Rule], builtInRuleIDs: [String], collecting errors: inout RuleFileErrors) -> [Rule] {
        var byID: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { byID[rule.id] = index }
        var updated = rules
        var disabled = Set<String>()
        for override in ruleOverrides {
            guard let index = byID[override.ruleID] else {
                guard builtInRuleIDs.contains(override.ruleID) else {
                    let candidates = rules.map(\.id) + builtInRuleIDs
                    let hint = Suggestion.closest(to: override.ruleID, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
                    errors.append(RuleFileError(file: file, range: override.idRange, message: "unknown rule id '\(override.ruleID)'\(hint)"))
                    continue
                }
                for parameter in override.parameters {
                    errors.append(RuleFileError(file: file, range: parameter.keyRange,
                                                message: "'\(override.ruleID)' is a built-in check; only its 'severity' can be set"))
                }
                continue
            }
            var rule = updated[index]
            switch override.severity {
            case .off: disabled.insert(rule.id)
            case .on(let severity): rule.severity = severity
            case nil: break
            }
            let kind = CheckKinds.named(rule.kind)
            for parameter in override.parameters {
                guard let kind, kind.parameter(parameter.key) != nil else {
                    let message = kind?.unknownKeyMessage(parameter.key, otherKeys: ["severity"]) ?? "unknown key '\(parameter.key)'"
                    errors.append(RuleFileError(file: file, range: parameter.keyRange, message: "rule '\(rule.id)': \(message)"))
                    continue
                }
                rule.parameters = rule.parameters.overriding(parameter.key, with: parameter.value,
                                                             keyRange: parameter.keyRange, file: file)
            }
            updated[index] = rule
        }
        return updated.filter { !disabled.contains($0.id) }
    }
}
