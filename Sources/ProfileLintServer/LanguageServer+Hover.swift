import Foundation
import ProfileLint

/// `textDocument/hover`: the findings under the cursor with their rationale and documentation link.
extension LanguageServer {
    func hover(_ params: HoverParams) async -> Hover? {
        guard let (document, result, environment) = await currentResult(params.textDocument.uri) else { return nil }
        let offset = document.file.byteOffset(of: params.position, encoding: encoding)
        let hits = result.diagnostics.filter { Self.touches($0.range, ByteRange(offset, offset)) }
        guard let first = hits.first else { return nil }
        let markdown = client.markdownHover
        let sections = hits.map { diagnostic -> String in
            let rule = environment.ruleSet.rule(diagnostic.ruleID)
            var lines = [markdown ? "**\(diagnostic.ruleID)** (\(diagnostic.severity.rawValue)): \(diagnostic.message)"
                                  : "\(diagnostic.ruleID) (\(diagnostic.severity.rawValue)): \(diagnostic.message)"]
            // A built-in check has no rule file: its summary stands for the rationale.
            if let rationale = rule?.rationale ?? BuiltInCheck(rawValue: diagnostic.ruleID)?.summary {
                lines.append(rationale.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let link = environment.ruleSet.helpURI(for: diagnostic.ruleID) { lines.append(markdown ? "[Documentation](\(link))" : link) }
            return lines.joined(separator: "\n\n")
        }
        return Hover(contents: MarkupContent(kind: markdown ? "markdown" : "plaintext",
                                             value: sections.joined(separator: markdown ? "\n\n---\n\n" : "\n\n")),
                     range: document.file.lspRange(first.range, encoding: encoding))
    }
}
