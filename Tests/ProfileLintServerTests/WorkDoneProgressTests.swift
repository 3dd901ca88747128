import Foundation
import ProfileLint
import Testing
@testable import ProfileCorpus
@testable import ProfileLintServer

/// `window/workDoneProgress` while the corpus loads, only for clients that declare support.
@Suite struct WorkDoneProgressTests {
    /// A small corpus of its own (its bytes are new, so the corpus cache cannot answer and
    /// the posts are parsed and the statistics built).
    private static func makeCorpus() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in 0..<3 {
            let posts = (0..<20).map { post in
                #"{"title": "Data pipeline engineer \#(file)-\#(post)", "description": "Build ETL jobs in Python and SQL for run \#(UUID().uuidString).", "skills": ["Python", "SQL"]}"#
            }
            try (posts.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("posts-\(file).jsonl"),
                                                            atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// A server whose loader is the real one (default rules, the corpus, the progress counter), held by `gate`.
    private static func makeServer(corpus: URL, gate: Gate?) -> (LanguageServer, Outbox) {
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, root, config, progress in
            gate?.pass()
            return try LintEnvironment.load(settings: ServerSettings(corpusPaths: [corpus.path]),
                                            workspaceRoot: root, configurationPath: config, progress: progress)
        }, terminate: { _ in })
        return (server, outbox)
    }

    private static func send(_ server: LanguageServer, _ json: String) async {
        _ = await server.receive(.message(Array(json.utf8)))
    }

    private static func start(_ server: LanguageServer, capabilities: String) async {
        await send(server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":\#(capabilities),"initializationOptions":{"debounceMilliseconds":0}}}"#)
        await send(server, #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    }

    private static func openProfile(_ server: LanguageServer) async {
        await send(server, #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/p.yaml","languageId":"yaml","version":1,"text":"title: Data engineer\nskills: [Python]\n"}}}"#)
    }

    private static func isPublish(_ message: JSON) -> Bool {
        message["method"]?.string == "textDocument/publishDiagnostics"
    }

    private static func isProgress(_ message: JSON) -> Bool {
        message["method"]?.string == "$/progress" || message["method"]?.string == "window/workDoneProgress/create"
    }

    /// Waits for the server's `create` request, answers it with `answer` (a `result` or an
    /// `error` member), lets the held load go and lints a profile; returns the token.
    private static func answerCreate(_ server: LanguageServer, _ outbox: Outbox, gate: Gate, answer: String) async throws -> JSON {
        let create = await outbox.first { $0["method"]?.string == "window/workDoneProgress/create" }
        let token = try #require(create?["params"]?["token"])
        let id = try #require(create?["id"]?.string)
        await send(server, #"{"jsonrpc":"2.0","id":"\#(id)",\#(answer)}"#)
        gate.open()
        await openProfile(server)
        #expect(await outbox.first(where: isPublish) != nil)
        return token
    }

    @Test func progressIsCreatedBegunReportedAndEndedAroundTheLoad() async throws {
        let corpus = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let gate = Gate()
        let (server, outbox) = Self.makeServer(corpus: corpus, gate: gate)
        await Self.start(server, capabilities: #"{"window":{"workDoneProgress":true}}"#)
        let token = try await Self.answerCreate(server, outbox, gate: gate, answer: #""result":null"#)

        let messages = outbox.all
        let progress = messages.filter { $0["method"]?.string == "$/progress" && $0["params"]?["token"] == token }
        let kinds = progress.compactMap { $0["params"]?["value"]?["kind"]?.string }
        #expect(kinds.first == "begin")
        #expect(kinds.last == "end")
        #expect(kinds.dropFirst().dropLast().allSatisfy { $0 == "report" })
        let begin = progress.first?["params"]?["value"]
        #expect(begin?["title"]?.string == LanguageServer.progressTitle)
        #expect(begin?["cancellable"] == JSON.bool(false))
        for report in progress.filter({ $0["params"]?["value"]?["kind"]?.string == "report" }) {
            #expect((0...100).contains(report["params"]?["value"]?["percentage"]?.integer ?? -1))
        }
        let end = progress.last?["params"]?["value"]?["message"]?.string
        #expect(end == "loaded a corpus of 60 job posts", "\(end ?? "no end"): \(messages.filter { $0["method"]?.string == "window/showMessage" })")
        // Created, then begun, then ended, all before the first diagnostics (the lint waited for the load).
        let createIndex = try #require(messages.firstIndex { $0["method"]?.string == "window/workDoneProgress/create" })
        let beginIndex = try #require(messages.firstIndex { $0["params"]?["value"]?["kind"]?.string == "begin" })
        let endIndex = try #require(messages.firstIndex { $0["params"]?["value"]?["kind"]?.string == "end" })
        let publishIndex = try #require(messages.firstIndex(where: Self.isPublish))
        #expect(createIndex < beginIndex && beginIndex < endIndex && endIndex < publishIndex)
    }

    @Test func noProgressWithoutTheCapability() async throws {
        let corpus = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let (server, outbox) = Self.makeServer(corpus: corpus, gate: nil)
        await Self.start(server, capabilities: #"{"window":{"workDoneProgress":false}}"#)
        await Self.openProfile(server)
        #expect(await outbox.first(where: Self.isPublish) != nil)
        #expect(await server.environmentLoadCount == 1)
        #expect(!outbox.all.contains(where: Self.isProgress))
    }

    @Test func aRefusedTokenIsNeverUsed() async throws {
        let corpus = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let gate = Gate()
        let (server, outbox) = Self.makeServer(corpus: corpus, gate: gate)
        await Self.start(server, capabilities: #"{"window":{"workDoneProgress":true}}"#)
        _ = try await Self.answerCreate(server, outbox, gate: gate, answer: #""error":{"code":-32603,"message":"no progress UI"}"#)
        #expect(!outbox.all.contains { $0["method"]?.string == "$/progress" })
    }

    @Test func aLateAnswerStillBeginsAndEndsTheProgress() async throws {
        let corpus = try Self.makeCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let (server, outbox) = Self.makeServer(corpus: corpus, gate: nil)
        await Self.start(server, capabilities: #"{"window":{"workDoneProgress":true}}"#)
        await Self.openProfile(server)
        #expect(await outbox.first(where: Self.isPublish) != nil)
        let create = outbox.all.first { $0["method"]?.string == "window/workDoneProgress/create" }
        let id = try #require(create?["id"]?.string)
        #expect(!outbox.all.contains { $0["method"]?.string == "$/progress" })
        await Self.send(server, #"{"jsonrpc":"2.0","id":"\#(id)","result":null}"#)
        let kinds = outbox.all.filter { $0["method"]?.string == "$/progress" }.compactMap { $0["params"]?["value"]?["kind"]?.string }
        #expect(kinds == ["begin", "end"])
    }

    @Test func reportsReadAsFilesAndBytesThenTheStatistics() {
        #expect(WorkDoneProgressReport(LoadProgress.Snapshot()) as WorkDoneProgressReport? == nil)
        let parsing = WorkDoneProgressReport(LoadProgress.Snapshot(filesDone: 3, filesTotal: 5, bytesDone: 12_000_000, bytesTotal: 40_000_000))
        #expect(parsing == WorkDoneProgressReport(message: "12 of 40 MB, 3 of 5 files", percentage: 30))
        let small = WorkDoneProgressReport(LoadProgress.Snapshot(filesDone: 0, filesTotal: 1, bytesDone: 0, bytesTotal: 2_500))
        #expect(small == WorkDoneProgressReport(message: "0.0 of 2.5 kB, 0 of 1 file", percentage: 0))
        let building = WorkDoneProgressReport(LoadProgress.Snapshot(filesDone: 5, filesTotal: 5, bytesDone: 40_000_000, bytesTotal: 40_000_000))
        #expect(building == WorkDoneProgressReport(message: "building the corpus statistics and cache", percentage: 100))
    }
}
