import Foundation

/// The syntax of one corpus file, from its extension (SPEC §1.2).
package enum CorpusFormat: String, Sendable, CaseIterable {
    case yaml, json, jsonl, csv, tsv, markdown

    package init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "md", "markdown", "txt": self = .markdown
        default: return nil
        }
    }
}
