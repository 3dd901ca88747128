import Foundation
import ProfileLintServer
import Testing

/// The real `profilelint lsp` process, driven over pipes with raw JSON-RPC frames.
final class ServerProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var decoder = FrameDecoder()
    private var nextID = 100

    init() throws {
        process.executableURL = LSPSuiteTests.binary
        process.arguments = ["lsp"]
        var environment = ProcessInfo.processInfo.environment
        environment["PROFILELINT_RULES"] = LSPSuiteTests.root.appendingPathComponent("rules").path
        environment["PROFILELINT_NO_BUILTIN_RULES"] = "1"  // the checkout's rules in place of the built-in copy
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    var isRunning: Bool { process.isRunning }

    /// Sends a message body as it is (so the tests can send what a typed client could not).
    func send(_ body: String) {
        input.fileHandleForWriting.write(Data(FrameEncoder.frame(Array(body.utf8))))
    }

    /// Sends a request and waits for its response (nil when the server stops first).
    func request(_ method: String, _ params: String) -> [String: Any]? {
        nextID += 1
        let id = nextID
        send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)
        return response(to: id)
    }

    /// The next bytes the server writes; nil when it has stopped or stays silent for two
    /// minutes (a guard against a hung test, not a performance limit).
    private func read() -> Data? {
        var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        for _ in 0..<600 {
            if poll(&descriptor, 1, 200) > 0 { return output.fileHandleForReading.availableData }
            if !process.isRunning { return nil }
        }
        return nil
    }

    /// Reads messages until the response with `id` (notifications on the way are skipped).
    func response(to id: Int) -> [String: Any]? {
        while true {
            while let frame = decoder.next() {
                guard case .message(let body) = frame,
                      let message = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { continue }
                if (message["id"] as? Int) == id, message["method"] == nil { return message }
            }
            guard let chunk = read(), !chunk.isEmpty else { return nil }
            decoder.append(chunk)
        }
    }
}

/// Numbers a client may send that are out of any sensible range: the server clamps or
/// rejects them and keeps serving, never traps.
@Suite struct ServerRobustnessTests {
    static let uri = "file:///tmp/profilelint-robustness/profile.yaml"
    static let text = #"title: Data Analyst\nskills: [SQL, Excel]\n"#

    func startedServer(processID: String = "null") throws -> ServerProcess {
        let server = try ServerProcess()
        #expect(server.request("initialize", #"{"processId":\#(processID),"rootUri":null,"capabilities":{}}"#)?["result"] != nil)
        server.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        server.send(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(Self.uri)","languageId":"yaml","version":1,"text":"\#(Self.text)"}}}"#)
        return server
    }

    func hover(_ server: ServerProcess, line: String, character: String) -> [String: Any]? {
        server.request("textDocument/hover", #"{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":\#(line),"character":\#(character)}}"#)
    }

    @Test func aProcessIdPastThe32BitRangeIsIgnored() throws {
        let processIDs = ["2147483648", "-1", "0", "9223372036854775807"]
        let servers = try processIDs.map { try startedServer(processID: $0) }
        // The server checks on its parent every 2 seconds: let it check at least once.
        Thread.sleep(forTimeInterval: 2.5)
        for (processID, server) in zip(processIDs, servers) {
            #expect(hover(server, line: "0", character: "0") != nil, "processId \(processID)")
            #expect(server.isRunning, "processId \(processID)")
        }
    }

    @Test func hugePositionsAreClamped() throws {
        let server = try startedServer()
        for (line, character) in [("9223372036854775807", "0"), ("0", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
                                  ("9223372036854775807", "9223372036854775807")] {
            let answer = hover(server, line: line, character: character)
            #expect(answer?["error"] == nil && answer?.keys.contains("result") == true, "\(line):\(character): \(String(describing: answer))")
        }
        server.send(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(Self.uri)","version":2},"contentChanges":[{"range":{"start":{"line":9223372036854775807,"character":9223372036854775807},"end":{"line":9223372036854775807,"character":9223372036854775807}},"text":"languages: [English]\n"}]}}"#)
        server.send(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(Self.uri)","version":3},"contentChanges":[{"range":{"start":{"line":-5,"character":-5},"end":{"line":0,"character":9223372036854775807}},"text":"title: Analyst"}]}}"#)
        #expect(hover(server, line: "0", character: "2") != nil)
        #expect(server.isRunning)
    }

    @Test func numbersPastInt64AreAnInvalidRequestNotACrash() throws {
        let server = try startedServer()
        let answer = hover(server, line: "92233720368547758070", character: "0")
        #expect((answer?["error"] as? [String: Any])?["code"] as? Int == -32602, "\(String(describing: answer))")
        // A number no JSON parser here can hold makes the message unreadable: a parse error, then on.
        server.send(#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":0,"character":1e400}}}"#)
        #expect(hover(server, line: "0", character: "0") != nil)
        // Request ids of any size and type come back as they were sent.
        server.send(#"{"jsonrpc":"2.0","id":9223372036854775807,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":0,"character":0}}}"#)
        #expect(server.response(to: Int.max) != nil)
        #expect(server.isRunning)
    }

    /// A 448 KB document on one line (a title of repeated words): linted and answered, not
    /// blocked for the tens of seconds a walk from the line start per finding took.
    @Test func aLongOneLineDocumentIsServed() throws {
        let server = try startedServer()
        let title = Array(repeating: "analytics", count: 44_800).joined(separator: " ")
        server.send(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(Self.uri)","version":2},"contentChanges":[{"text":"title: \#(title)\n"}]}}"#)
        let answer = hover(server, line: "0", character: "200000")
        #expect(answer?.keys.contains("result") == true)
        #expect(server.isRunning)
    }
}
