import Foundation

/// The JSON-RPC and LSP error codes the server answers with.
package enum ErrorCode: Int, Sendable, Codable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    /// LSP: a request arrived before `initialize`.
    case serverNotInitialized = -32002
    /// LSP: the client cancelled the request with `$/cancelRequest`.
    case requestCancelled = -32800
}

/// An error answer to a request.
package struct ResponseError: Error, Sendable, Equatable, Encodable {
    package var code: ErrorCode
    package var message: String

    package init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// A message from the client, classified as JSON-RPC 2.0 defines it.
package enum IncomingMessage: Sendable, Equatable {
    /// A call that expects an answer with the same id.
    case request(id: JSON, method: String, params: JSON?)
    /// A call without an id; it gets no answer.
    case notification(method: String, params: JSON?)
    /// The client's answer to a request the server sent: a result, or an error when `failed`.
    case response(id: JSON, failed: Bool)
    /// Not a usable message; answer with this error (the id is `null` when it could not be read).
    case invalid(id: JSON, ResponseError)

    /// Reads one message body.
    package init(body: [UInt8]) {
        let value: JSON
        do {
            value = try JSONDecoder().decode(JSON.self, from: Data(body))
        } catch {
            self = .invalid(id: .null, ResponseError(.parseError, "the message is not valid JSON"))
            return
        }
        guard let members = value.object else {
            self = .invalid(id: .null, ResponseError(.invalidRequest, "a message must be a JSON object (LSP has no batches)"))
            return
        }
        let id = members["id"]
        if let id, id.integer == nil, id.string == nil, id != .null {
            self = .invalid(id: .null, ResponseError(.invalidRequest, "'id' must be an integer or a string"))
            return
        }
        guard members["jsonrpc"]?.string == "2.0" else {
            self = .invalid(id: id ?? .null, ResponseError(.invalidRequest, "'jsonrpc' must be \"2.0\""))
            return
        }
        guard let methodValue = members["method"] else {
            if let id, members["result"] != nil || members["error"] != nil {
                self = .response(id: id, failed: members["error"] != nil)
            } else {
                self = .invalid(id: id ?? .null, ResponseError(.invalidRequest, "a message needs a 'method' (or a 'result' or 'error' for a response)"))
            }
            return
        }
        guard let method = methodValue.string else {
            self = .invalid(id: id ?? .null, ResponseError(.invalidRequest, "'method' must be a string"))
            return
        }
        // An explicit `"params": null` (sent by some clients) means no parameters.
        let params = members["params"].flatMap { $0 == .null ? nil : $0 }
        if let params, params.object == nil, params.array == nil {
            self = .invalid(id: id ?? .null, ResponseError(.invalidRequest, "'params' must be an object or an array"))
            return
        }
        if let id, id != .null {
            self = .request(id: id, method: method, params: params)
        } else {
            self = .notification(method: method, params: params)
        }
    }
}

/// Builds the bodies of outgoing messages.
package enum OutgoingMessage {
    private struct Response<Result: Encodable>: Encodable {
        var id: JSON
        var result: Result

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            // `result` must be present even when it is null (`shutdown` answers null).
            try container.encode(result, forKey: .result)
        }

        enum Keys: String, CodingKey { case jsonrpc, id, result }
    }

    private struct ErrorResponse: Encodable {
        var jsonrpc = "2.0"
        var id: JSON
        var error: ResponseError
    }

    private struct Notification<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: Params
    }

    private struct Request<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: JSON
        var method: String
        var params: Params
    }

    /// A successful answer; if the result cannot be encoded, an `internalError` answer instead,
    /// so the client is never left waiting.
    package static func response(id: JSON, result: some Encodable) -> [UInt8] {
        (try? encode(Response(id: id, result: result)))
            ?? error(id: id, ResponseError(.internalError, "the result could not be encoded"))
    }

    package static func error(id: JSON, _ error: ResponseError) -> [UInt8] {
        // Ids and messages are strings and integers, which always encode.
        (try? encode(ErrorResponse(id: id, error: error))) ?? []
    }

    static func notification(_ method: String, _ params: some Encodable) -> [UInt8] {
        (try? encode(Notification(method: method, params: params))) ?? []
    }

    package static func request(id: JSON, _ method: String, _ params: some Encodable) -> [UInt8] {
        (try? encode(Request(id: id, method: method, params: params))) ?? []
    }

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
