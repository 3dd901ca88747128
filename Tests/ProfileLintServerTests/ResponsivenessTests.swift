import Foundation
import ProfileLint
import Testing
@testable import ProfileLintServer

/// A latch a test opens; work that waits on it gives up after 10 minutes so a regression fails
/// instead of hanging. The limit is long on purpose: on a loaded 2-core machine the whole suite
/// can starve a test for minutes between two of its steps (60 s once failed that way).
final class Gate: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var entered = 0
    private var left = 0

    func pass() {
        lock.withLock { entered += 1 }
        _ = semaphore.wait(timeout: .now() + 600)
        semaphore.signal()
        lock.withLock { left += 1 }
    }

    func open() { semaphore.signal() }
    var waiting: Bool { lock.withLock { entered > left } }
    var passed: Int { lock.withLock { left } }
}

/// The server works off its actor: a loading corpus or a long lint does not stop it from
/// answering, and a newer edit replaces a lint in progress.
@Suite struct ResponsivenessTests {
    private static func send(_ server: LanguageServer, _ json: String) async {
        _ = await server.receive(.message(Array(json.utf8)))
    }

    @Test func answersWhileTheEnvironmentLoads() async throws {
        let gate = Gate()
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, _, _, _ in
            gate.pass()
            return try LanguageServerTests.environment()
        }, terminate: { _ in })
        await Self.send(server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        await Self.send(server, #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        #expect(await eventually { gate.waiting })
        await Self.send(server, #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":"skills: [a]\n"}}}"#)
        await Self.send(server, #"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/p.yaml"},"position":{"line":0,"character":1}}}"#)
        await Self.send(server, #"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/p.yaml"},"position":{"line":0,"character":1}}}"#)
        await Self.send(server, #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":3}}"#)
        // The cancelled request is answered at once, while the load still holds the gate.
        let cancelled = outbox.all.first { $0["id"] == .integer(3) }
        #expect(cancelled?["error"]?["code"] == .integer(ErrorCode.requestCancelled.rawValue))
        #expect(gate.waiting)
        #expect(!outbox.all.contains { $0["id"] == .integer(2) })
        gate.open()
        // Once loaded, the waiting request is answered and the document published, once each.
        #expect(await outbox.first { $0["id"] == .integer(2) }?["result"] == .null)
        #expect(await outbox.first { $0["method"]?.string == "textDocument/publishDiagnostics" } != nil)
        #expect(outbox.all.filter { $0["id"] == .integer(3) }.count == 1)
    }

    @Test func aNewerEditReplacesALintInProgress() async throws {
        let base = try LanguageServerTests.environment()
        let gate = Gate()
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, _, _, _ in
            LintEnvironment(ruleSet: base.ruleSet, ruleDirectories: base.ruleDirectories) { file in
                if file.text.contains("slow") { gate.pass() }
                return base.lint(file)
            }
        }, terminate: { _ in })
        await Self.send(server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"debounceMilliseconds":0}}}"#)
        await Self.send(server, #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        await Self.send(server, #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":"title: slow\n"}}}"#)
        #expect(await eventually { gate.waiting })
        await Self.send(server, #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///w/p.yaml","version":2},"contentChanges":[{"text":"title: fast\n"}]}}"#)
        // Version 2 is published while the lint of version 1 is still running.
        #expect(await outbox.first { Self.isPublish($0, version: 2) } != nil)
        #expect(gate.waiting)
        gate.open()
        #expect(await eventually { gate.passed == 1 })
        // The replaced lint finishes but publishes nothing: a later request is answered after it.
        try await Task.sleep(for: .milliseconds(200))
        await Self.send(server, #"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/p.yaml"},"position":{"line":0,"character":1}}}"#)
        #expect(await outbox.first { $0["id"] == .integer(7) } != nil)
        #expect(!outbox.all.contains { Self.isPublish($0, version: 1) })
    }

    private static func isPublish(_ message: JSON, version: Int) -> Bool {
        message["method"]?.string == "textDocument/publishDiagnostics" && message["params"]?["version"]?.integer == version
    }
}
