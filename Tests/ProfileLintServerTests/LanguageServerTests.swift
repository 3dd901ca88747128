import Foundation
import ProfileLint
import Testing
@testable import ProfileLintServer

/// Collects what the server sends, decoded, across the tasks that send it.
final class Outbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [JSON] = []

    func append(_ body: [UInt8]) {
        guard let message = try? JSONDecoder().decode(JSON.self, from: Data(body)) else { return }
        lock.withLock { messages.append(message) }
    }

    var all: [JSON] { lock.withLock { messages } }

    /// Waits (up to 10 s) for a message matching `predicate`.
    func first(where predicate: (JSON) -> Bool) async -> JSON? {
        for _ in 0..<1000 {
            if let found = all.first(where: predicate) { return found }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }
}

/// Waits (up to 10 s) until `condition` holds; the server works off its actor, so effects of
/// a message can follow its delivery.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<1000 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Counts how many times the server builds its lint environment.
final class LoadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var loads = 0
    var count: Int { lock.withLock { loads } }
    func increment() { lock.withLock { loads += 1 } }
}

@Suite struct LanguageServerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's default rules, loaded the way the server's default loader does.
    static func environment() throws -> LintEnvironment {
        let directory = root.appendingPathComponent("rules").path
        var factory = SessionFactory(options: SessionFactory.Options(defaultRules: .directory(directory)))
        return LintEnvironment(linter: try factory.build(configuration: nil).session.linter, ruleDirectories: [directory])
    }

    private func makeServer(counter: LoadCounter = LoadCounter(),
                            fail: Bool = false) -> (LanguageServer, Outbox) {
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, _, _, _ in
            counter.increment()
            if fail { throw EnvironmentError("rules/bad.yml:3:7: error: unknown check kind 'cuont'") }
            return try Self.environment()
        }, terminate: { _ in })
        return (server, outbox)
    }

    @discardableResult
    private func send(_ server: LanguageServer, _ json: String) async -> LanguageServer.Disposition {
        await server.receive(.message(Array(json.utf8)))
    }

    private func initialize(_ server: LanguageServer, encodings: String = "[]", options: String = "{}") async {
        await send(server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":\#(encodings)}},"initializationOptions":\#(options)}}"#)
        await send(server, #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    }

    private func isPublish(_ message: JSON, version: Int) -> Bool {
        message["method"]?.string == "textDocument/publishDiagnostics" && message["params"]?["version"]?.integer == version
    }

    @Test func negotiatesUTF8WhenOfferedElseUTF16() async {
        let (utf8Server, utf8Out) = makeServer()
        await initialize(utf8Server, encodings: #"["utf-16","utf-8"]"#)
        #expect(utf8Out.all.first?["result"]?["capabilities"]?["positionEncoding"] == .string("utf-8"))

        let (utf16Server, utf16Out) = makeServer()
        await initialize(utf16Server, encodings: #"["utf-32"]"#)
        #expect(utf16Out.all.first?["result"]?["capabilities"]?["positionEncoding"] == .string("utf-16"))
    }

    /// Every finding links its documentation page: a rule's `help_uri`, or a built-in check's page.
    @Test func diagnosticsCarryTheirDocumentationLink() async {
        let (server, outbox) = makeServer()
        await initialize(server, options: #"{"debounceMilliseconds":0}"#)
        await send(server, #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":"title: Data Analyst\ncolour: blue\n"}}}"#)
        let published = await outbox.first { isPublish($0, version: 1) }
        let diagnostics = published?["params"]?["diagnostics"]?.array ?? []
        let unknownKey = diagnostics.first { $0["code"] == .string("unknown-key") }
        #expect(unknownKey?["codeDescription"]?["href"]
            == .string("https://github.com/profilelint/profilelint/blob/main/docs/rules/unknown-key.md"))
        let overview = diagnostics.first { $0["code"] == .string("overview-required") }
        #expect(overview?["codeDescription"]?["href"]
            == .string("https://github.com/profilelint/profilelint/blob/main/docs/rules/overview-required.md"))
        // The hover on the unknown key explains the built-in check and links its page.
        await send(server, #"{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/p.yaml"},"position":{"line":1,"character":1}}}"#)
        let hover = await outbox.first { $0["id"] == .integer(5) }?["result"]?["contents"]?["value"]?.string ?? ""
        #expect(hover.contains(BuiltInCheck.unknownKey.summary) && hover.contains(BuiltInCheck.unknownKey.helpURI), "\(hover)")
    }

    @Test func lintEnvironmentIsBuiltOncePerWorkspaceNotPerEdit() async throws {
        let counter = LoadCounter()
        let (server, outbox) = makeServer(counter: counter)
        await initialize(server, options: #"{"debounceMilliseconds":0}"#)
        await send(server, #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":"skills: [a]\n"}}}"#)
        for version in 2...31 {
            let tags = (0..<(version % 20)).map { "t\($0)" }.joined(separator: ", ")
            await send(server, #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///w/p.yaml","version":\#(version)},"contentChanges":[{"text":"skills: [\#(tags)]\n"}]}}"#)
            #expect(await outbox.first { isPublish($0, version: version) } != nil)
        }
        #expect(counter.count == 1)
        #expect(await server.environmentLoadCount == 1)
        // Version 19 had 19 tags: over the limit of 15.
        let nineteen = await outbox.first { isPublish($0, version: 19) }
        #expect(nineteen?["params"]?["diagnostics"]?.array?.contains { $0["code"] == .string("skills-limit") } == true)
        // Version 15 had 15: within it.
        let fifteen = await outbox.first { isPublish($0, version: 15) }
        #expect(fifteen?["params"]?["diagnostics"]?.array?.contains { $0["code"] == .string("skills-limit") } == false)

        // A configuration change rebuilds it once and re-lints the open document.
        await send(server, #"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{}}}"#)
        #expect(await eventually { counter.count == 2 })
        #expect(await eventually { outbox.all.filter { isPublish($0, version: 31) }.count == 2 })
        #expect(counter.count == 2)
    }

    @Test func lifecycleAnswersAndExitStatus() async {
        let (server, outbox) = makeServer()
        #expect(await send(server, #"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#) == .proceed)
        #expect(outbox.all.last?["error"]?["code"] == .integer(ErrorCode.serverNotInitialized.rawValue))
        await initialize(server)
        await send(server, #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}"#)
        #expect(outbox.all.last?["error"]?["code"] == .integer(ErrorCode.invalidRequest.rawValue))
        await send(server, #"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
        #expect(outbox.all.last == .object(["jsonrpc": .string("2.0"), "id": .integer(3), "result": .null]))
        #expect(await send(server, #"{"jsonrpc":"2.0","method":"exit"}"#) == .exit(0))

        let (fresh, _) = makeServer()
        #expect(await send(fresh, #"{"jsonrpc":"2.0","method":"exit"}"#) == .exit(1))
        #expect(await fresh.inputClosed() == 1)
    }

    @Test func brokenRulesAreShownNotFatal() async {
        let (server, outbox) = makeServer(fail: true)
        await initialize(server)
        let shown = await outbox.first { $0["method"]?.string == "window/showMessage" }
        #expect(shown?["params"]?["message"]?.string?.contains("rules/bad.yml:3:7") == true)
        await send(server, #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":"skills: [a]\n"}}}"#)
        let published = await outbox.first { isPublish($0, version: 1) }
        #expect(published?["params"]?["diagnostics"] == .array([]))
        await send(server, #"{"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/p.yaml"},"position":{"line":0,"character":1}}}"#)
        #expect(await outbox.first { $0["id"] == .integer(9) } == .object(["jsonrpc": .string("2.0"), "id": .integer(9), "result": .null]))
    }

    @Test func aFailedReloadKeepsThePreviousRules() async {
        let counter = LoadCounter()
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, _, _, _ in
            counter.increment()
            if counter.count > 1 { throw EnvironmentError("my-rules/x.yml:1:1: error: the rule file is empty") }
            return try Self.environment()
        }, terminate: { _ in })
        await initialize(server)
        let tooMany = "skills: [\((0..<16).map { "t\($0)" }.joined(separator: ", "))]"
        await send(server, #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":"\#(tooMany)"}}}"#)
        #expect(await outbox.first { isPublish($0, version: 1) } != nil)
        await send(server, #"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"profilelint":{"rules":["my-rules"]}}}}"#)
        #expect(await eventually { counter.count == 2 })
        #expect(await outbox.first { $0["method"]?.string == "window/showMessage" && $0["params"]?["message"]?.string?.contains("my-rules/x.yml:1:1") == true } != nil)
        // Both publishes (on open and after the failed reload) still carry the rule's finding.
        #expect(await eventually { outbox.all.filter { isPublish($0, version: 1) }.count == 2 })
        let publishes = outbox.all.filter { isPublish($0, version: 1) }
        #expect(publishes.count == 2)
        #expect(publishes.allSatisfy { $0["params"]?["diagnostics"]?.array?.contains { $0["code"] == .string("skills-limit") } == true })
    }
}
