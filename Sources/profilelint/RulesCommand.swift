import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint rules`: a table (or JSON) of the rules in effect.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules: id, kind, severity, where they apply, and a summary.",
        discussion: """
        Severities are those in force here: the configuration found from the current directory upward (or --config) \
        applied; 'off' marks a rule it turns off. On a terminal the table fits its width (or COLUMNS).

        Examples:
          profilelint rules                      every rule in force
          profilelint rules --rules my-rules/    with your own rule directory
          profilelint rules --format json        messages, rationales, parameters, examples
        """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Output format: text (a table) or json (every rule with its message, rationale, parameters and examples).")
    var format: OutputFormat = .text

    func run() throws {
        let configured = try ruleOptions.loadConfiguredRules()
        let rules = configured.allRules.sorted { $0.id < $1.id }
        switch format {
        case .json:
            let document = RulesDocument(configuration: configured.session.configuration?.file.path,
                                         rules: rules.map { RuleDescription($0, configured: configured) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try StandardOutput.write(String(decoding: try encoder.encode(document), as: UTF8.self) + "\n")
        case .text:
            let header = ["ID", "KIND", "SEVERITY", "APPLIES TO", "SUMMARY"]
            let rows = rules.map { rule in
                [rule.id, rule.kind, configured.severityText(rule), rule.appliesToList, rule.summary()]
            }
            try StandardOutput.write(Table.render([header] + rows, width: TerminalWidth.current()))
            if let configuration = configured.session.configuration {
                try StandardOutput.write("\nConfiguration: \(configuration.file.path)\n")
            }
        }
    }
}

extension Rule {
    /// `profile, specialized`, in a fixed order.
    var appliesToList: String {
        SectionKind.allCases.filter { appliesTo.contains($0) }.map(\.rawValue).joined(separator: ", ")
    }
}

/// The width to fit output to: `COLUMNS` when set, else the terminal's, else none (a pipe or file).
enum TerminalWidth {
    static func current(environment: [String: String] = ProcessEnvironment.variables) -> Int? {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Left-aligned columns two spaces apart; the last column is not padded, and is cut with `…`
/// when a row would pass `width`.
enum Table {
    static func render(_ rows: [[String]], width: Int? = nil) -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let lastStart = widths.dropLast().reduce(0) { $0 + $1 + 2 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                guard index == columns - 1 else { return cell + String(repeating: " ", count: widths[index] - cell.count) }
                guard let width, lastStart + cell.count > width else { return cell }
                let room = max(width - lastStart - 1, 8)
                return room >= cell.count ? cell : String(cell.prefix(room)) + "…"
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
