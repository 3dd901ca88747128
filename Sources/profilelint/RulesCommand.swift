import ArgumentParser
import ProfileLint

/// `profilelint rules`: a table of the rules in effect.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules: id, kind, severity, where they apply, and a summary.",
        discussion: "Severities are those in force here: the configuration found from the current directory upward (or --config) applied; 'off' marks a rule it turns off.")

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let configured = try ruleOptions.loadConfiguredRules()
        let header = ["ID", "KIND", "SEVERITY", "APPLIES TO", "SUMMARY"]
        let rows = configured.allRules.sorted { $0.id < $1.id }.map { rule in
            [rule.id, rule.kind, configured.severityText(rule), rule.appliesToList, rule.summary()]
        }
        try StandardOutput.write(Table.render([header] + rows))
        if let configuration = configured.session.configuration {
            try StandardOutput.write("\nConfiguration: \(configuration.file.path)\n")
        }
    }
}

extension Rule {
    /// `profile, specialized`, in a fixed order.
    var appliesToList: String {
        SectionKind.allCases.filter { appliesTo.contains($0) }.map(\.rawValue).joined(separator: ", ")
    }
}

/// Left-aligned columns two spaces apart; the last column is not padded.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
