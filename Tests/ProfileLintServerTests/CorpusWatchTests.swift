import Foundation
import ProfileLint
import Testing
@testable import ProfileLintServer

/// The server asks the editor to watch the corpus and rebuilds the environment when a job-post file changes.
@Suite struct CorpusWatchTests {
    private static func send(_ server: LanguageServer, _ json: String) async {
        _ = await server.receive(.message(Array(json.utf8)))
    }

    private static func watchedFilesChanged(_ server: LanguageServer, _ path: String) async {
        let uri = URL(fileURLWithPath: path).absoluteString
        await send(server, #"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"\#(uri)","type":2}]}}"#)
    }

    @Test func corpusFilesAreWatchedAndReloadOnlyWhatTheLoaderReads() async throws {
        let corpusDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpusDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: corpusDirectory) }
        let corpusPath = corpusDirectory.standardizedFileURL.path

        let counter = LoadCounter()
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, _, _, _ in
            counter.increment()
            var environment = try LanguageServerTests.environment()
            environment.corpusPaths = [corpusPath]
            return environment
        }, terminate: { _ in })
        await Self.send(server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true,"relativePatternSupport":true}}}}}"#)
        await Self.send(server, #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        // The environment loads off the actor; the corpus watch is registered once it has.
        #expect(await eventually { outbox.all.contains { $0["params"]?["registrations"]?.array?.first?["id"]?.string?.hasPrefix("profilelint-corpus") == true } })
        #expect(counter.count == 1)

        let registrations = outbox.all.filter { $0["method"]?.string == "client/registerCapability" }
        let watchers = registrations.flatMap { $0["params"]?["registrations"]?.array ?? [] }
            .flatMap { $0["registerOptions"]?["watchers"]?.array ?? [] }
        let corpusWatcher = watchers.first { $0["globPattern"]?["baseUri"] != nil }
        #expect(corpusWatcher?["globPattern"]?["baseUri"]?.string == URL(fileURLWithPath: corpusPath, isDirectory: true).absoluteString)
        #expect(corpusWatcher?["globPattern"]?["pattern"]?.string == "**/*")

        // Files the corpus loader skips (hidden, unsupported, elsewhere) change nothing.
        await Self.watchedFilesChanged(server, corpusPath + "/.posts.csv")
        await Self.watchedFilesChanged(server, corpusPath + "/notes.pdf")
        await Self.watchedFilesChanged(server, corpusDirectory.deletingLastPathComponent().path + "/posts.csv")
        #expect(counter.count == 1)

        // A job-post file in a subdirectory rebuilds the environment, once.
        await Self.watchedFilesChanged(server, corpusPath + "/2026/posts.jsonl")
        #expect(await eventually { counter.count == 2 })
        for _ in 0..<1000 where await server.environmentLoadCount < 2 { try? await Task.sleep(for: .milliseconds(10)) }
        #expect(await server.environmentLoadCount == 2)
        // The corpus paths did not change, so the editor is not asked again.
        #expect(outbox.all.filter { $0["method"]?.string == "client/registerCapability" }.count == registrations.count)
    }
}
