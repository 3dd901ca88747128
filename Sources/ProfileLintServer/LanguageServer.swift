import Foundation
import ProfileLint

/// The profilelint Language Server (LSP 3.17): receives framed JSON-RPC messages, keeps the
/// open documents, lints them with a workspace-wide `LintEnvironment` built once and reused,
/// and publishes diagnostics, quick fixes and hovers. Transport-agnostic: `StdioServer`
/// feeds it stdin and writes what it sends to stdout; tests feed it directly.
actor LanguageServer {
    /// Builds the lint environment for the settings, the workspace root and the configuration
    /// file that governs the documents (nil when none does), counting the corpus parsed in the
    /// `LoadProgress` (reported to the editor).
    typealias EnvironmentLoader = @Sendable (ServerSettings, String?, String?, LoadProgress) throws -> LintEnvironment

    /// What the transport should do after a message.
    enum Disposition: Sendable, Equatable {
        case proceed
        /// Stop reading and exit the process with this status (0 only after `shutdown`).
        case exit(Int32)
    }

    enum Lifecycle {
        case uninitialized, running, shuttingDown
    }

    /// Optional client features the answers adapt to.
    struct ClientSupport {
        var relatedInformation = false
        var documentChanges = false
        var markdownHover = false
        var watchedFilesRegistration = false
        var relativePatterns = false
        var workDoneProgress = false
    }

    static let sourceName = ToolInfo.name

    let send: @Sendable ([UInt8]) -> Void
    let loadEnvironment: EnvironmentLoader
    let terminate: @Sendable (Int32) -> Void

    var lifecycle = Lifecycle.uninitialized
    var encoding = PositionEncoding.utf16
    var client = ClientSupport()
    var workspaceRoot: String?
    var settings = ServerSettings()
    /// The lint environment of each scope: the configuration file that governs a set of
    /// documents ("" for documents no configuration governs). Built on first use, then reused.
    var environments: [String: Result<LintEnvironment, EnvironmentError>] = [:]
    /// The scope of each directory documents were opened from (see `scope(forDirectory:)`).
    var scopes: [String: String] = [:]
    /// The environments being built, off the actor, with a token that identifies the load
    /// (a reload drops them, and a dropped load's result is ignored).
    var environmentLoads: [String: (token: Int, task: Task<Void, Never>)] = [:]
    /// During a reload, the environments that worked before it (kept if rebuilding fails).
    var previousEnvironments: [String: LintEnvironment] = [:]
    var documents: [String: OpenDocument] = [:]
    /// Identifies each text a document has had (open, every change), across documents.
    var nextRevision = 0
    /// The lint waiting or running for each document, with a token that identifies it; a
    /// newer edit replaces it, and a replaced lint publishes nothing.
    var pendingLints: [String: (token: Int, task: Task<Void, Never>)] = [:]
    /// Requests being answered (they wait for the lint they answer from), by id.
    var openRequests: [JSON: Task<Void, Never>] = [:]
    var nextToken = 0
    var parentWatch: Task<Void, Never>?
    /// The corpus paths the editor was asked to watch, and the id of that registration.
    var corpusWatch: (paths: [String], registrationID: String)?
    var nextRegistration = 0
    /// The progress shown for each environment load, by the id of its `create` request.
    var workProgress: [String: WorkProgress] = [:]

    /// How many times the lint environment (rules, corpus) has been built.
    var environmentLoadCount = 0

    /// - Parameters:
    ///   - send: writes one outgoing message body (the transport frames it).
    ///   - loadEnvironment: builds the rules (and corpus) for the workspace.
    ///   - terminate: ends the process when the client's process has gone away.
    init(send: @escaping @Sendable ([UInt8]) -> Void,
                loadEnvironment: @escaping EnvironmentLoader = LintEnvironment.load,
                terminate: @escaping @Sendable (Int32) -> Void = { exit($0) }) {
        self.send = send
        self.loadEnvironment = loadEnvironment
        self.terminate = terminate
    }

    /// Handles one frame from the transport.
    func receive(_ frame: Frame) -> Disposition {
        switch frame {
        case .malformedHeader(let problem):
            send(OutgoingMessage.error(id: .null, ResponseError(.parseError, "malformed message header: \(problem)")))
            return .proceed
        case .message(let body):
            return handle(IncomingMessage(body: body))
        }
    }

    /// The exit status when the input ends without an `exit` notification (the client is gone).
    func inputClosed() -> Int32 {
        cancelPendingLints()
        return lifecycle == .shuttingDown ? 0 : 1
    }

    // MARK: - Messages to the user

    func log(_ type: MessageType, _ message: String) {
        send(OutgoingMessage.notification("window/logMessage", LogMessageParams(type: type, message: message)))
    }

    func show(_ type: MessageType, _ message: String) {
        send(OutgoingMessage.notification("window/showMessage", LogMessageParams(type: type, message: message)))
    }
}
