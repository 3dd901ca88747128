import Foundation
import ProfileLint

/// `initialize` and `initialized`: capabilities both ways, and the watch on the client process.
extension LanguageServer {
    struct InitializeParams: Decodable {
        struct WorkspaceFolder: Decodable {
            var uri: String
        }

        var processId: Int?
        var rootUri: String?
        var rootPath: String?
        var workspaceFolders: [WorkspaceFolder]?
        var capabilities: JSON?
        var initializationOptions: JSON?
    }

    func initialize(_ params: InitializeParams) -> InitializeResult {
        let capabilities = params.capabilities ?? .null
        encoding = PositionEncoding.negotiate(offered: capabilities["general"]?["positionEncodings"]?.array?.compactMap(\.string))
        let textDocument = capabilities["textDocument"]
        client.relatedInformation = textDocument?["publishDiagnostics"]?["relatedInformation"]?.bool ?? false
        client.markdownHover = textDocument?["hover"]?["contentFormat"]?.array?.contains(.string("markdown")) ?? false
        client.documentChanges = capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
        let watchedFiles = capabilities["workspace"]?["didChangeWatchedFiles"]
        client.watchedFilesRegistration = watchedFiles?["dynamicRegistration"]?.bool ?? false
        client.relativePatterns = watchedFiles?["relativePatternSupport"]?.bool ?? false
        client.workDoneProgress = capabilities["window"]?["workDoneProgress"]?.bool ?? false

        workspaceRoot = (params.workspaceFolders?.first?.uri ?? params.rootUri).flatMap(WorkspaceFiles.path(ofURI:)) ?? params.rootPath
        applySettings(params.initializationOptions)
        // A process id that is not a valid pid (negative, 0, past 32 bits) is ignored: `kill`
        // would read it as a process group or trap converting it.
        if let processID = params.processId.flatMap(pid_t.init(exactly:)), processID > 0 { watchParent(processID) }
        lifecycle = .running

        return InitializeResult(
            capabilities: ServerCapabilities(
                positionEncoding: encoding.rawValue,
                textDocumentSync: .init(openClose: true, change: 2, save: .init(includeText: false)),
                codeActionProvider: .init(codeActionKinds: ["quickfix"]),
                hoverProvider: true),
            serverInfo: ServerInfo(name: ToolInfo.name, version: ToolInfo.version))
    }

    func initialized() {
        reloadEnvironment()
        guard client.watchedFilesRegistration else { return }
        let watchers = Configuration.fileNames.map { FileSystemWatcher(globPattern: .pattern("**/\($0)")) }
        let registration = Registration(id: "profilelint-watched-files", method: "workspace/didChangeWatchedFiles",
                                        registerOptions: .init(watchers: watchers))
        send(OutgoingMessage.request(id: .string("register-watchers"), "client/registerCapability",
                                     RegistrationParams(registrations: [registration])))
        updateCorpusWatchers()
    }

    /// The spec asks a server to exit when the process that started it is gone, even if
    /// its stdin stays open (an editor killed with SIGKILL can leave it so).
    func watchParent(_ processID: pid_t) {
        let terminate = terminate
        parentWatch = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(2))
                if kill(processID, 0) == -1, errno == ESRCH {
                    terminate(1)
                    return
                }
            }
        }
    }
}
