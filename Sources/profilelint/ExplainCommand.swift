import ArgumentParser
import ProfileLint

/// `profilelint explain RULE`: everything about one rule.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: why it exists, its parameters, message and examples.",
        discussion: """
        The parameters shown are those in force: the configuration found from the current \
        directory upward (or --config) applied.

        Examples:
          profilelint explain title-length
          profilelint explain corpus-keyword-coverage --config team/.profilelint.yml
        """)

    @Argument(help: ArgumentHelp("A rule id (see 'profilelint rules').", valueName: "rule"),
              completion: .custom { _, _, _ in RuleOptions.completableRuleIDs() })
    var ruleID: String

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let configured = try ruleOptions.loadConfiguredRules()
        if configured.rule(ruleID) == nil, let check = BuiltInCheck(rawValue: ruleID) {
            let severity = configured.session.configuration?.severity(for: ruleID).map { "\($0) (configured)" } ?? check.severity.rawValue
            try StandardOutput.write("\(ruleID)\n  kind:       built-in (no rule file; set its severity in the configuration's 'rules')\n"
                  + "  severity:   \(severity)\n\nWhy:\n" + Self.indented(Self.wrapped(check.summary, width: 76))
                  + "\nHow to fix:\n" + Self.indented(Self.wrapped(check.howToFix, width: 76)) + "\nMore: \(check.helpURI)\n")
            return
        }
        guard let rule = configured.rule(ruleID) else {
            let ids = configured.allRules.map(\.id)
            let hint = Suggestion.closest(to: ruleID, in: ids).map { "; did you mean '\($0)'?" } ?? ""
            throw CLIError("unknown rule '\(ruleID)'\(hint) (run 'profilelint rules' to list them)")
        }
        try StandardOutput.write(Self.explanation(rule, severity: configured.severityText(rule),
                                                 configuredIn: configured.configuredIn(rule.id)))
    }

    /// The explanation of `rule` with the `severity` in force, naming the configuration
    /// file that sets the severity or parameters, if any.
    static func explanation(_ rule: Rule, severity: String, configuredIn configuration: String?) -> String {
        var text = "\(rule.id)\n"
        text += "  kind:       \(rule.kind)\n"
        text += "  severity:   \(severity)\n"
        if let configuration { text += "  configured: \(configuration) (severity or parameters)\n" }
        text += "  applies to: \(rule.appliesToList)\n"
        if !rule.fields.isEmpty {
            text += "  \(rule.fields.count == 1 ? "field: " : "fields:")     \(rule.fields.map(\.description).joined(separator: ", "))\n"
        }
        let builtIn = rule.file.path.hasPrefix(BuiltInRulePack.pathPrefix)
        text += "  defined in: \(builtIn ? "the built-in rule pack" : rule.file.path)\n"
        text += "\nWhy:\n" + indented(wrapped(rule.rationale.trimmingTrailingNewlines(), width: 76))
        text += "\nMessage:\n" + indented(rule.message)
        let keys = rule.parameters.keys.sorted()
        let defaults = (CheckKinds.named(rule.kind)?.parameters ?? []).compactMap { spec in
            rule.parameters.has(spec.key) ? nil : spec.defaultValue.map { (spec.key, $0.text) }
        }
        if !keys.isEmpty || !defaults.isEmpty {
            text += "\nParameters:\n"
            for key in keys {
                text += indented("\(key): \(parameterSource(rule, key))")
            }
            for (key, value) in defaults {
                text += indented("\(key): \(value)  (the kind's default)")
            }
        }
        if let fix = rule.howToFix { text += "\nHow to fix:\n" + indented(wrapped(fix.trimmingTrailingNewlines(), width: 76)) }
        if let help = rule.helpURI { text += "\nMore: \(help)\n" }
        if !rule.examples.triggering.isEmpty {
            text += "\nTriggers on:\n" + rule.examples.triggering.map { indented($0.trimmingTrailingNewlines()) }.joined(separator: "  ---\n")
        }
        if !rule.examples.passing.isEmpty {
            text += "\nPasses:\n" + rule.examples.passing.map { indented($0.trimmingTrailingNewlines()) }.joined(separator: "  ---\n")
        }
        return text
    }

    /// A parameter's value exactly as the rule file writes it.
    static func parameterSource(_ rule: Rule, _ key: String) -> String {
        guard let value = rule.parameters.values[key] else { return "" }
        let range = value.node.range
        let bytes = value.file.bytes
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
        return String(decoding: bytes[range.lowerBound..<range.upperBound], as: UTF8.self).trimmingTrailingNewlines()
    }

    /// Each line of `text` broken at spaces so it fits `width` characters (a longer word stays whole).
    static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty, current.count + 1 + word.count > width {
                    lines.append(current)
                    current = ""
                }
                current += current.isEmpty ? String(word) : " " + word
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Every line indented by two spaces, ending with a newline.
    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.last == "\n" { copy.removeLast() }
        return copy
    }
}
