import Foundation
import ProfileLint
import Testing
@testable import ProfileLintServer

/// The editor shows a library error with one prefix, the server's own.
@Suite struct ServerErrorPrefixTests {
    @Test func serverShowsACorpusErrorWithOnePrefix() async {
        let outbox = Outbox()
        let server = LanguageServer(send: { outbox.append($0) }, loadEnvironment: { _, root, config, _ in
            try LintEnvironment.load(settings: ServerSettings(corpusPaths: ["/no/such/corpus"]), workspaceRoot: root,
                                     configurationPath: config)
        }, terminate: { _ in })
        _ = await server.receive(.message(Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#.utf8)))
        _ = await server.receive(.message(Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8)))
        let shown = await outbox.first { $0["method"]?.string == "window/showMessage" }
        let message = shown?["params"]?["message"]?.string ?? ""
        #expect(message == "profilelint: corpus path '/no/such/corpus' does not exist")
    }
}
