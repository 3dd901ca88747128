import Foundation
import ProfileLint

/// How LSP positions count characters within a line, negotiated at `initialize`.
public enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf8 = "utf-8"

    /// UTF-8 when the client offers it (no conversion needed for byte offsets), else the
    /// spec's mandatory default UTF-16.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        (offered ?? []).contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    var columnUnit: ColumnUnit {
        switch self {
        case .utf16: .utf16
        case .utf8: .utf8
        }
    }
}

/// LSP positions (0-based line, character in the negotiated unit) ↔ byte offsets.
extension SourceFile {
    /// The byte offset of `position`; a character past the line's end means the line's end,
    /// a line past the last line means the end of the file (as the spec asks). Any number a
    /// client sends is clamped first (no line or column is longer than the file).
    package func byteOffset(of position: LSPPosition, encoding: PositionEncoding) -> Int {
        let line = min(max(0, position.line), lineCount)
        let character = min(max(0, position.character), bytes.count)
        return byteOffset(line: line + 1, column: character + 1, unit: encoding.columnUnit)
    }

    package func lspPosition(ofByte offset: Int, encoding: PositionEncoding) -> LSPPosition {
        let position = position(ofByte: offset, unit: encoding.columnUnit)
        return LSPPosition(line: position.line - 1, character: position.column - 1)
    }

    package func lspRange(_ range: ByteRange, encoding: PositionEncoding) -> LSPRange {
        LSPRange(start: lspPosition(ofByte: range.lowerBound, encoding: encoding),
                 end: lspPosition(ofByte: range.upperBound, encoding: encoding))
    }

    package func byteRange(_ range: LSPRange, encoding: PositionEncoding) -> ByteRange {
        ByteRange(byteOffset(of: range.start, encoding: encoding), byteOffset(of: range.end, encoding: encoding))
    }

    /// The file after one `didChange` content change (ranged or whole text).
    package func applying(_ change: TextDocumentContentChangeEvent, encoding: PositionEncoding) -> SourceFile {
        guard let range = change.range else { return SourceFile(path: path, text: change.text) }
        let replaced = byteRange(range, encoding: encoding)
        var bytes = bytes
        bytes.replaceSubrange(replaced.lowerBound..<replaced.upperBound, with: Array(change.text.utf8))
        return SourceFile(path: path, bytes: bytes)
    }
}

/// A document the client has opened, with the lint result of its current version.
package struct OpenDocument: Sendable {
    var uri: String
    var languageId: String
    var version: Int
    package var file: SourceFile
    /// The result for `version`; nil until linted, cleared by every change.
    var lintResult: LintResult?
    /// Which text this is (the server numbers every open and change; a client's `version`
    /// need not change).
    var revision = 0

    package init(uri: String, languageId: String, version: Int, text: String) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.file = SourceFile(path: Self.path(uri: uri, languageId: languageId), text: text)
    }

    /// Whether the document is a profile the server lints: YAML or JSON, and not the
    /// configuration file (rule files are excluded by the workspace, which knows their folders).
    package var isProfileCandidate: Bool {
        let name = (file.path as NSString).lastPathComponent
        if Configuration.fileNames.contains(name) { return false }
        let languages: Set<String> = ["yaml", "json", "jsonc"]
        let extensions: Set<String> = ["yaml", "yml", "json"]
        return languages.contains(languageId) || extensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// A file path for a URI: the path of a `file:` URI; for other schemes (an unsaved
    /// buffer) a name whose extension tells the loader YAML from JSON.
    static func path(uri: String, languageId: String) -> String {
        if let url = URL(string: uri), url.isFileURL { return url.path }
        let isJSON = languageId == "json" || languageId == "jsonc"
        return uri + (isJSON ? ".json" : ".yaml")
    }
}

/// Paths of the files the server is told about.
enum WorkspaceFiles {
    /// The filesystem path of a `file:` URI.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }
}
