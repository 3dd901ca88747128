import Foundation
import ProfileLint

/// Dispatch: the lifecycle gate, then a table of typed handlers, one per method. A handler
/// names the parameter type it takes; decoding (and its `invalidParams` answer) happens here.
extension LanguageServer {
    /// Answers a request: decodes its parameters, runs the feature (which may wait for a
    /// lint), encodes the result.
    struct RequestHandler: Sendable {
        let respond: @Sendable (isolated LanguageServer, JSON?) async throws -> any Encodable

        init<Params: Decodable & Sendable, Result: Encodable & Sendable>(
            _ handler: @escaping @Sendable (isolated LanguageServer, Params) async throws -> Result
        ) {
            respond = { server, params in try await handler(server, server.decode(params)) }
        }
    }

    /// Receives a notification.
    struct NotificationHandler: Sendable {
        let receive: @Sendable (isolated LanguageServer, JSON?) throws -> Void

        init<Params: Decodable & Sendable>(_ handler: @escaping @Sendable (isolated LanguageServer, Params) -> Void) {
            receive = { server, params in handler(server, try server.decode(params)) }
        }

        /// A handler that takes the parameters as they came (or none).
        init(raw handler: @escaping @Sendable (isolated LanguageServer, JSON?) -> Void) {
            receive = { server, params in handler(server, params) }
        }
    }

    /// The requests a running server answers (`initialize` and `shutdown` belong to the lifecycle).
    static let requestHandlers: [String: RequestHandler] = [
        "textDocument/codeAction": RequestHandler { (server, params: CodeActionParams) in await server.codeActions(params) },
        "textDocument/hover": RequestHandler { (server, params: HoverParams) in await server.hover(params) },
    ]

    /// The notifications a running server acts on; others (`$/setTrace`, unknown ones) are ignored.
    static let notificationHandlers: [String: NotificationHandler] = [
        "initialized": NotificationHandler(raw: { server, _ in server.initialized() }),
        "textDocument/didOpen": NotificationHandler { (server, params: DidOpenTextDocumentParams) in server.didOpen(params) },
        "textDocument/didChange": NotificationHandler { (server, params: DidChangeTextDocumentParams) in server.didChange(params) },
        "textDocument/didSave": NotificationHandler { (server, params: DidSaveTextDocumentParams) in server.didSave(params) },
        "textDocument/didClose": NotificationHandler { (server, params: DidCloseTextDocumentParams) in server.didClose(params) },
        "workspace/didChangeConfiguration": NotificationHandler(raw: { server, params in
            server.didChangeConfiguration(params?["settings"])
        }),
        "workspace/didChangeWatchedFiles": NotificationHandler { (server, params: DidChangeWatchedFilesParams) in
            server.didChangeWatchedFiles(params)
        },
        "$/cancelRequest": NotificationHandler { (server, params: CancelParams) in server.cancelRequest(params.id) },
    ]

    func handle(_ message: IncomingMessage) -> Disposition {
        switch message {
        case .invalid(let id, let error):
            send(OutgoingMessage.error(id: id, error))
        case .response(let id, let failed):
            // Answers to `client/registerCapability` change nothing; those to a progress `create` do.
            _ = progressCreated(id: id, failed: failed)
        case .request(let id, let method, let params):
            handleRequest(id: id, method: method, params: params)
        case .notification(let method, let params):
            if method == "exit" {
                cancelPendingLints()
                return .exit(lifecycle == .shuttingDown ? 0 : 1)
            }
            // Before `initialize` and after `shutdown`, notifications other than `exit` are dropped.
            guard lifecycle == .running, let handler = Self.notificationHandlers[method] else { return .proceed }
            do {
                try handler.receive(self, params)
            } catch {
                log(.warning, "ignored '\(method)': \(error)")
            }
        }
        return .proceed
    }

    private func handleRequest(id: JSON, method: String, params: JSON?) {
        switch (lifecycle, method) {
        case (.uninitialized, "initialize"):
            reply(id) { try initialize(decode(params)) }
        case (.uninitialized, _):
            send(OutgoingMessage.error(id: id, ResponseError(.serverNotInitialized, "the server has not been initialized; send 'initialize' first")))
        case (.shuttingDown, _):
            send(OutgoingMessage.error(id: id, ResponseError(.invalidRequest, "the server is shutting down; only 'exit' is accepted")))
        case (.running, "initialize"):
            send(OutgoingMessage.error(id: id, ResponseError(.invalidRequest, "'initialize' may only be sent once")))
        case (.running, "shutdown"):
            lifecycle = .shuttingDown
            cancelPendingLints()
            for request in openRequests.values { request.cancel() }
            parentWatch?.cancel()
            send(OutgoingMessage.response(id: id, result: JSON.null))
        case (.running, _):
            guard let handler = Self.requestHandlers[method] else {
                send(OutgoingMessage.error(id: id, ResponseError(.methodNotFound, "unsupported method '\(method)'")))
                return
            }
            // Answered in a task of its own: a request that waits for a lint does not hold up
            // the messages after it (a newer edit, a cancellation).
            openRequests[id] = Task {
                let outcome: Result<any Encodable, any Error>
                do { outcome = .success(try await handler.respond(self, params)) } catch { outcome = .failure(error) }
                guard self.openRequests.removeValue(forKey: id) != nil else { return } // cancelled: answered already
                self.reply(id) { try outcome.get() }
            }
        }
    }

    /// Answers a request the client cancelled (`$/cancelRequest`) with `requestCancelled`.
    func cancelRequest(_ id: JSON) {
        guard let request = openRequests.removeValue(forKey: id) else { return }
        request.cancel()
        send(OutgoingMessage.error(id: id, ResponseError(.requestCancelled, "the request was cancelled")))
    }

    /// Sends the handler's result, or its error as the request's error answer.
    private func reply(_ id: JSON, _ handler: () throws -> any Encodable) {
        do {
            send(OutgoingMessage.response(id: id, result: try handler()))
        } catch let error as ResponseError {
            send(OutgoingMessage.error(id: id, error))
        } catch {
            send(OutgoingMessage.error(id: id, ResponseError(.internalError, "\(error)")))
        }
    }

    /// Decodes method parameters; a mismatch is an `invalidParams` error naming what is wrong.
    func decode<Params: Decodable>(_ params: JSON?) throws -> Params {
        do {
            return try (params ?? .object([:])).decode(Params.self)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ResponseError(.invalidParams, "missing '\(Self.path(context.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ResponseError(.invalidParams, "'\(Self.path(context.codingPath))' has the wrong type")
        } catch {
            throw ResponseError(.invalidParams, "invalid params: \(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }
}
