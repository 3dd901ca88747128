// The subset of LSP 3.17 structures the server reads and writes, named as the spec names them.

/// A 0-based line and a character offset counted in the negotiated position encoding.
public struct LSPPosition: Codable, Sendable, Hashable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// A half-open range between two positions.
public struct LSPRange: Codable, Sendable, Hashable {
    public var start: LSPPosition
    public var end: LSPPosition
    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }
}

struct Location: Encodable, Sendable, Hashable {
    var uri: String
    var range: LSPRange
}

package struct TextDocumentIdentifier: Decodable, Sendable {
    package var uri: String
}

package struct TextDocumentItem: Decodable, Sendable {
    package var uri: String
    package var languageId: String
    package var version: Int
    package var text: String
}

package struct DidOpenTextDocumentParams: Decodable, Sendable {
    package var textDocument: TextDocumentItem
}

package struct VersionedTextDocumentIdentifier: Codable, Sendable {
    package var uri: String
    var version: Int
}

/// A change: the whole text when `range` is absent, else a replacement of `range`.
package struct TextDocumentContentChangeEvent: Decodable, Sendable {
    var range: LSPRange?
    var text: String
}

package struct DidChangeTextDocumentParams: Decodable, Sendable {
    package var textDocument: VersionedTextDocumentIdentifier
    package var contentChanges: [TextDocumentContentChangeEvent]
}

struct DidSaveTextDocumentParams: Decodable, Sendable {
    var textDocument: TextDocumentIdentifier
    var text: String?
}

struct DidCloseTextDocumentParams: Decodable, Sendable {
    var textDocument: TextDocumentIdentifier
}

package struct CodeActionContext: Decodable, Sendable {
    var only: [String]?
}

package struct CodeActionParams: Decodable, Sendable {
    package var textDocument: TextDocumentIdentifier
    package var range: LSPRange
    var context: CodeActionContext
}

package struct HoverParams: Decodable, Sendable {
    package var textDocument: TextDocumentIdentifier
    package var position: LSPPosition
}

struct FileEvent: Decodable, Sendable {
    var uri: String
    /// 1 created, 2 changed, 3 deleted.
    var type: Int
}

struct DidChangeWatchedFilesParams: Decodable, Sendable {
    var changes: [FileEvent]
}

struct CancelParams: Decodable, Sendable {
    var id: JSON
}

/// `DiagnosticSeverity`: 1 error, 2 warning, 3 information, 4 hint.
enum DiagnosticSeverity: Int, Encodable, Sendable {
    case error = 1, warning = 2, information = 3
}

struct CodeDescription: Encodable, Sendable, Hashable {
    var href: String
}

struct DiagnosticRelatedInformation: Encodable, Sendable, Hashable {
    var location: Location
    var message: String
}

/// An LSP diagnostic (`Diagnostic` in the spec; renamed to keep the library's name free).
struct LSPDiagnostic: Encodable, Sendable {
    var range: LSPRange
    var severity: DiagnosticSeverity
    var code: String
    var codeDescription: CodeDescription?
    var source: String
    var message: String
    var relatedInformation: [DiagnosticRelatedInformation]?
}

struct PublishDiagnosticsParams: Encodable, Sendable {
    var uri: String
    var version: Int?
    var diagnostics: [LSPDiagnostic]
}

struct LSPTextEdit: Encodable, Sendable {
    var range: LSPRange
    var newText: String
}

struct TextDocumentEdit: Encodable, Sendable {
    var textDocument: VersionedTextDocumentIdentifier
    var edits: [LSPTextEdit]
}

/// Either `documentChanges` (versioned, when the client supports it) or `changes`.
struct WorkspaceEdit: Encodable, Sendable {
    var changes: [String: [LSPTextEdit]]?
    var documentChanges: [TextDocumentEdit]?
}

struct CodeAction: Encodable, Sendable {
    var title: String
    var kind: String
    var diagnostics: [LSPDiagnostic]
    var isPreferred: Bool
    var edit: WorkspaceEdit
}

struct MarkupContent: Encodable, Sendable {
    /// `markdown` or `plaintext`.
    var kind: String
    var value: String
}

struct Hover: Encodable, Sendable {
    var contents: MarkupContent
    var range: LSPRange
}

/// `MessageType`: 1 error, 2 warning, 3 info, 4 log.
enum MessageType: Int, Encodable, Sendable {
    case error = 1, warning = 2, info = 3, log = 4
}

struct LogMessageParams: Encodable, Sendable {
    var type: MessageType
    var message: String
}

struct FileSystemWatcher: Encodable, Sendable {
    var globPattern: GlobPattern
}

/// A pattern matched against absolute paths, or (LSP 3.17, for clients that announce
/// `relativePatternSupport`) a pattern relative to a base directory.
enum GlobPattern: Encodable, Sendable, Equatable {
    case pattern(String)
    case relative(baseUri: String, pattern: String)

    private enum CodingKeys: String, CodingKey {
        case baseUri, pattern
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .pattern(let pattern):
            var container = encoder.singleValueContainer()
            try container.encode(pattern)
        case .relative(let baseUri, let pattern):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(baseUri, forKey: .baseUri)
            try container.encode(pattern, forKey: .pattern)
        }
    }
}

struct DidChangeWatchedFilesRegistrationOptions: Encodable, Sendable {
    var watchers: [FileSystemWatcher]
}

struct Registration: Encodable, Sendable {
    var id: String
    var method: String
    var registerOptions: DidChangeWatchedFilesRegistrationOptions
}

struct RegistrationParams: Encodable, Sendable {
    var registrations: [Registration]
}

struct Unregistration: Encodable, Sendable {
    var id: String
    var method: String
}

struct UnregistrationParams: Encodable, Sendable {
    /// Spelled so in the protocol.
    var unregisterations: [Unregistration]
}

/// The capabilities the server announces in its `initialize` answer.
struct ServerCapabilities: Encodable, Sendable {
    struct SaveOptions: Encodable, Sendable {
        var includeText: Bool
    }

    struct TextDocumentSyncOptions: Encodable, Sendable {
        var openClose: Bool
        /// `TextDocumentSyncKind.Incremental` (2): the client may send ranged changes.
        var change: Int
        var save: SaveOptions
    }

    struct CodeActionOptions: Encodable, Sendable {
        var codeActionKinds: [String]
    }

    var positionEncoding: String
    var textDocumentSync: TextDocumentSyncOptions
    var codeActionProvider: CodeActionOptions
    var hoverProvider: Bool
}

struct ServerInfo: Encodable, Sendable {
    var name: String
    var version: String
}

struct InitializeResult: Encodable, Sendable {
    var capabilities: ServerCapabilities
    var serverInfo: ServerInfo
}

struct WorkDoneProgressCreateParams: Encodable, Sendable {
    var token: String
}

struct WorkDoneProgressBegin: Encodable, Sendable {
    var kind = "begin"
    var title: String
    var cancellable: Bool
    var message: String
    var percentage: Int
}

struct WorkDoneProgressReport: Encodable, Sendable, Equatable {
    var kind = "report"
    var message: String
    var percentage: Int

    init(message: String, percentage: Int) {
        self.message = message
        self.percentage = percentage
    }
}

struct WorkDoneProgressEnd: Encodable, Sendable {
    var kind = "end"
    var message: String
}

/// The value of a `$/progress` notification for work-done progress.
enum WorkDoneProgressValue: Encodable, Sendable {
    case begin(WorkDoneProgressBegin)
    case report(WorkDoneProgressReport)
    case end(WorkDoneProgressEnd)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .begin(let value): try value.encode(to: encoder)
        case .report(let value): try value.encode(to: encoder)
        case .end(let value): try value.encode(to: encoder)
        }
    }
}

struct ProgressParams: Encodable, Sendable {
    var token: String
    var value: WorkDoneProgressValue
}
