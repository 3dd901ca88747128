import Foundation
import ProfileLint

/// `lint --print-config FILE`: what governs a file, and where each setting comes from.
extension LintCommand {
    func effectiveConfiguration(for path: String) throws(CLIError) -> String {
        let columnMap: [String: String]
        do { columnMap = try corpusOptions.columnMap() } catch { throw CLIError("\(error)") }
        let configured = try ruleOptions.loadConfiguredRules(from: PathText.directory(of: path), corpusPaths: corpusOptions.paths,
                                                             columnMap: columnMap)
        let configuration = configured.session.configuration
        let configPath = configuration?.file.path
        var text = "file: \(path)\n"
        text += "configuration: \(configPath ?? "none (the built-in defaults)")\n"
        let excludes = list(configuration?.exclude.map(\.written) ?? [], from: configPath) + list(exclude, from: "--exclude")
        text += "exclude:\(excludes.isEmpty ? " none" : excludes)\n"

        let corpus = configured.corpusSource
        let corpusOrigin = corpusOptions.paths.isEmpty ? (configPath ?? "") : "--corpus"
        text += "corpus:" + (corpus.map { list($0.paths, from: corpusOrigin) } ?? " none") + "\n"
        text += "column_map:"
        let mapped = (corpus?.columnMap ?? [:]).sorted { $0.key < $1.key }
        text += mapped.isEmpty ? " none\n" : "\n" + mapped.map { field, column in
            "  \(field): \(column)  # \(columnMap[field] != nil ? "--column" : configPath ?? "")\n"
        }.joined()

        text += "rules:\n"
        for rule in configured.allRules.sorted(by: { $0.id < $1.id }) {
            let severityOrigin = configuration?.severity(for: rule.id) != nil ? configPath ?? "" : origin(of: rule)
            text += "  \(rule.id): \(configured.severityText(rule))  # \(severityOrigin)\n"
            guard let inForce = configured.rule(rule.id) else { continue }
            for key in inForce.parameters.keys.sorted() {
                guard let value = inForce.parameters.values[key] else { continue }
                let written = Self.compactJSON(JSONValue(value.node))
                let fromConfiguration = value.file.path == configPath
                let place = value.file.position(ofByte: value.keyRange.lowerBound)
                text += "    \(key): \(written)  # \(fromConfiguration ? "\(value.file.path):\(place.line)" : origin(of: rule))\n"
            }
            // What the rule runs with for the parameters it leaves out.
            for spec in CheckKinds.named(rule.kind)?.parameters ?? [] where !inForce.parameters.has(spec.key) {
                guard let value = spec.defaultValue, let written = try? Self.compactEncoder.encode(value) else { continue }
                text += "    \(spec.key): \(String(decoding: written, as: UTF8.self))  # default of kind '\(rule.kind)'\n"
            }
        }
        return text
    }

    /// A value on one line, as JSON.
    static func compactJSON(_ value: JSONValue) -> String {
        (try? compactEncoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// JSON on one line, keys sorted.
    static var compactEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One `- item  # origin` line per item, or nothing.
    private func list(_ items: [String], from origin: String?) -> String {
        items.isEmpty ? "" : "\n" + items.map { "  - \($0)  # \(origin ?? "")\n" }.joined().dropLast()
    }

    /// Where a rule's own values come from: the built-in pack or its rule file.
    private func origin(of rule: Rule) -> String {
        rule.file.path.hasPrefix(BuiltInRulePack.pathPrefix) ? "built-in rule" : rule.file.path
    }
}
