import ProfileLint
import ProfileLintServer

/// A Language Server input stream: cut into messages by the base-protocol framing (fed in
/// two chunks, so a header or body split across reads is exercised), each body decoded as
/// JSON-RPC, and the document messages replayed as the server does: open, ranged edits,
/// hover and code-action positions, then the findings of each document converted back to
/// positions. An input that is a bare JSON body (no header) is also decoded as one message.
enum LSPTarget {
    static func run(_ bytes: [UInt8]) {
        var replay = Replay()
        var decoder = FrameDecoder()
        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        for chunk in [bytes[..<split], bytes[split...]] {
            decoder.append(chunk)
            while let frame = decoder.next() {
                if case .message(let body) = frame { replay.receive(IncomingMessage(body: body)) }
            }
        }
        if bytes.first == UInt8(ascii: "{") { replay.receive(IncomingMessage(body: bytes)) }
        replay.lintOpenDocuments()
    }

    /// The documents the messages opened and edited, in the negotiated position encoding.
    struct Replay {
        var documents: [String: OpenDocument] = [:]
        var encoding = PositionEncoding.utf16

        mutating func receive(_ message: IncomingMessage) {
            switch message {
            case .request(_, let method, let params), .notification(let method, let params):
                handle(method, params ?? .null)
            case .response, .invalid:
                break
            }
        }

        private mutating func handle(_ method: String, _ params: JSON) {
            switch method {
            case "initialize":
                let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string)
                encoding = PositionEncoding.negotiate(offered: offered)
            case "textDocument/didOpen":
                guard let item = try? params.decode(DidOpenTextDocumentParams.self).textDocument else { return }
                documents[item.uri] = OpenDocument(uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
            case "textDocument/didChange":
                guard let change = try? params.decode(DidChangeTextDocumentParams.self),
                      var document = documents[change.textDocument.uri] else { return }
                for event in change.contentChanges { document.file = document.file.applying(event, encoding: encoding) }
                documents[change.textDocument.uri] = document
            case "textDocument/hover":
                guard let hover = try? params.decode(HoverParams.self), let file = documents[hover.textDocument.uri]?.file else { return }
                let offset = file.byteOffset(of: hover.position, encoding: encoding)
                _ = file.lspPosition(ofByte: offset, encoding: encoding)
            case "textDocument/codeAction":
                guard let action = try? params.decode(CodeActionParams.self), let file = documents[action.textDocument.uri]?.file else { return }
                _ = file.lspRange(file.byteRange(action.range, encoding: encoding), encoding: encoding)
            default:
                break
            }
        }

        /// Lints each open document and converts every finding and note to LSP ranges.
        func lintOpenDocuments() {
            for document in documents.values where document.isProfileCandidate {
                let file = document.file
                for diagnostic in SharedPipeline.builtInSession.lint(file).diagnostics {
                    _ = file.lspRange(diagnostic.range, encoding: encoding)
                    for note in diagnostic.notes { _ = file.lspRange(note.range ?? diagnostic.range, encoding: encoding) }
                }
            }
        }
    }
}
