import Foundation
import ProfileLint

/// The profilelint Language Server (LSP 3.17): receives framed JSON-RPC messages, keeps the
/// open documents, lints them with a workspace-wide `LintEnvironment` built once and reused,
/// and publishes diagnostics, quick fixes and hovers. Transport-agnostic: `StdioServer`
/// feeds it stdin and writes what it sends to stdout; tests feed it directly.
public actor LanguageServer {
    /// Builds the lint environment for the settings, the workspace root and the configuration
    /// file that governs the documents (nil when none does).
    public typealias EnvironmentLoader = @Sendable (ServerSettings, String?, String?) throws -> LintEnvironment

    /// What the transport should do after a message.
    public enum Disposition: Sendable, Equatable {
        case proceed
        /// Stop reading and exit the process with this status (0 only after `shutdown`).
        case exit(Int32)
    }

    private enum Lifecycle {
        case uninitialized, running, shuttingDown
    }

    /// Optional client features the answers adapt to.
    private struct ClientSupport {
        var relatedInformation = false
        var documentChanges = false
        var markdownHover = false
        var watchedFilesRegistration = false
        var relativePatterns = false
    }

    static let sourceName = ToolInfo.name

    private let send: @Sendable ([UInt8]) -> Void
    private let loadEnvironment: EnvironmentLoader
    private let terminate: @Sendable (Int32) -> Void

    private var lifecycle = Lifecycle.uninitialized
    private var encoding = PositionEncoding.utf16
    private var client = ClientSupport()
    private var workspaceRoot: String?
    private var settings = ServerSettings()
    /// The lint environment of each scope: the configuration file that governs a set of
    /// documents ("" for documents no configuration governs). Built on first use, then reused.
    private var environments: [String: Result<LintEnvironment, EnvironmentError>] = [:]
    /// The scope of each directory documents were opened from (see `scope(forDirectory:)`).
    private var scopes: [String: String] = [:]
    /// During a reload, the environments that worked before it (kept if rebuilding fails).
    private var previousEnvironments: [String: LintEnvironment] = [:]
    private var documents: [String: OpenDocument] = [:]
    /// The debounced lint waiting for each document, with a token that identifies it.
    private var pendingLints: [String: (token: Int, task: Task<Void, Never>)] = [:]
    private var nextToken = 0
    private var parentWatch: Task<Void, Never>?
    /// The corpus paths the editor was asked to watch, and the id of that registration.
    private var corpusWatch: (paths: [String], registrationID: String)?
    private var nextRegistration = 0

    /// How many times the lint environment (rules, corpus) has been built.
    public private(set) var environmentLoadCount = 0

    /// - Parameters:
    ///   - send: writes one outgoing message body (the transport frames it).
    ///   - loadEnvironment: builds the rules (and corpus) for the workspace.
    ///   - terminate: ends the process when the client's process has gone away.
    public init(send: @escaping @Sendable ([UInt8]) -> Void,
                loadEnvironment: @escaping EnvironmentLoader = LintEnvironment.load,
                terminate: @escaping @Sendable (Int32) -> Void = { exit($0) }) {
        self.send = send
        self.loadEnvironment = loadEnvironment
        self.terminate = terminate
    }

    /// Handles one frame from the transport.
    public func receive(_ frame: Frame) -> Disposition {
        switch frame {
        case .malformedHeader(let problem):
            send(OutgoingMessage.error(id: .null, ResponseError(.parseError, "malformed message header: \(problem)")))
            return .proceed
        case .message(let body):
            return handle(IncomingMessage(body: body))
        }
    }

    /// The exit status when the input ends without an `exit` notification (the client is gone).
    public func inputClosed() -> Int32 {
        cancelPendingLints()
        return lifecycle == .shuttingDown ? 0 : 1
    }

    // MARK: - Dispatch

    private func handle(_ message: IncomingMessage) -> Disposition {
        switch message {
        case .invalid(let id, let error):
            send(OutgoingMessage.error(id: id, error))
        case .response:
            break // answers to `client/registerCapability`; nothing depends on them
        case .request(let id, let method, let params):
            handleRequest(id: id, method: method, params: params)
        case .notification(let method, let params):
            if method == "exit" {
                cancelPendingLints()
                return .exit(lifecycle == .shuttingDown ? 0 : 1)
            }
            // Before `initialize` and after `shutdown`, notifications other than `exit` are dropped.
            guard lifecycle == .running else { return .proceed }
            handleNotification(method: method, params: params)
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
            parentWatch?.cancel()
            send(OutgoingMessage.response(id: id, result: JSON.null))
        case (.running, "textDocument/codeAction"):
            reply(id) { try codeActions(decode(params)) }
        case (.running, "textDocument/hover"):
            reply(id) { try hover(decode(params)) }
        case (.running, _):
            send(OutgoingMessage.error(id: id, ResponseError(.methodNotFound, "unsupported method '\(method)'")))
        }
    }

    /// Sends the handler's result, or its error as the request's error answer.
    private func reply(_ id: JSON, _ handler: () throws -> some Encodable) {
        do {
            send(OutgoingMessage.response(id: id, result: try handler()))
        } catch let error as ResponseError {
            send(OutgoingMessage.error(id: id, error))
        } catch {
            send(OutgoingMessage.error(id: id, ResponseError(.internalError, "\(error)")))
        }
    }

    private func handleNotification(method: String, params: JSON?) {
        do {
            switch method {
            case "initialized": initialized()
            case "textDocument/didOpen": didOpen(try decode(params))
            case "textDocument/didChange": didChange(try decode(params))
            case "textDocument/didSave": didSave(try decode(params))
            case "textDocument/didClose": didClose(try decode(params))
            case "workspace/didChangeConfiguration": didChangeConfiguration(params?["settings"])
            case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(try decode(params))
            default: break // `$/cancelRequest` (requests are answered in order), `$/setTrace`, unknown ones
            }
        } catch {
            log(.warning, "ignored '\(method)': \(error)")
        }
    }

    /// Decodes method parameters; a mismatch is an `invalidParams` error naming what is wrong.
    private func decode<Params: Decodable>(_ params: JSON?) throws -> Params {
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

    // MARK: - Lifecycle

    private struct InitializeParams: Decodable {
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

    private func initialize(_ params: InitializeParams) -> InitializeResult {
        let capabilities = params.capabilities ?? .null
        encoding = PositionEncoding.negotiate(offered: capabilities["general"]?["positionEncodings"]?.array?.compactMap(\.string))
        let textDocument = capabilities["textDocument"]
        client.relatedInformation = textDocument?["publishDiagnostics"]?["relatedInformation"]?.bool ?? false
        client.markdownHover = textDocument?["hover"]?["contentFormat"]?.array?.contains(.string("markdown")) ?? false
        client.documentChanges = capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
        let watchedFiles = capabilities["workspace"]?["didChangeWatchedFiles"]
        client.watchedFilesRegistration = watchedFiles?["dynamicRegistration"]?.bool ?? false
        client.relativePatterns = watchedFiles?["relativePatternSupport"]?.bool ?? false

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

    private func initialized() {
        reloadEnvironment()
        guard client.watchedFilesRegistration else { return }
        let watchers = Configuration.fileNames.map { FileSystemWatcher(globPattern: .pattern("**/\($0)")) }
        let registration = Registration(id: "profilelint-watched-files", method: "workspace/didChangeWatchedFiles",
                                        registerOptions: .init(watchers: watchers))
        send(OutgoingMessage.request(id: .string("register-watchers"), "client/registerCapability",
                                     RegistrationParams(registrations: [registration])))
        updateCorpusWatchers()
    }

    /// Asks the editor to watch the corpus files of the environments in use (replacing the
    /// previous corpus registration when the set of paths changed). A corpus may lie outside
    /// the workspace, so its patterns are anchored at the corpus paths themselves.
    private func updateCorpusWatchers() {
        guard client.watchedFilesRegistration, lifecycle == .running else { return }
        let environmentsInUse = environments.values.compactMap { try? $0.get() } + previousEnvironments.values
        let paths = Set(environmentsInUse.flatMap(\.corpusPaths)).sorted()
        guard paths != (corpusWatch?.paths ?? []) else { return }
        if let previous = corpusWatch {
            send(OutgoingMessage.request(id: .string("unregister-\(previous.registrationID)"), "client/unregisterCapability",
                                         UnregistrationParams(unregisterations: [
                                             Unregistration(id: previous.registrationID, method: "workspace/didChangeWatchedFiles")])))
            corpusWatch = nil
        }
        guard !paths.isEmpty else { return }
        nextRegistration += 1
        let id = "profilelint-corpus-\(nextRegistration)"
        let registration = Registration(id: id, method: "workspace/didChangeWatchedFiles",
                                        registerOptions: .init(watchers: paths.map(corpusWatcher)))
        send(OutgoingMessage.request(id: .string("register-\(id)"), "client/registerCapability",
                                     RegistrationParams(registrations: [registration])))
        corpusWatch = (paths, id)
    }

    /// A watcher for a corpus file, or for the files anywhere under a corpus directory.
    private func corpusWatcher(_ path: String) -> FileSystemWatcher {
        var isDirectory: ObjCBool = false
        let directory = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        let base = directory ? path : (path as NSString).deletingLastPathComponent
        let pattern = directory ? "**/*" : (path as NSString).lastPathComponent
        if client.relativePatterns {
            return FileSystemWatcher(globPattern: .relative(baseUri: URL(fileURLWithPath: base, isDirectory: true).absoluteString,
                                                            pattern: pattern))
        }
        return FileSystemWatcher(globPattern: .pattern(directory ? "\(path)/\(pattern)" : path))
    }

    /// The spec asks a server to exit when the process that started it is gone, even if
    /// its stdin stays open (an editor killed with SIGKILL can leave it so).
    private func watchParent(_ processID: pid_t) {
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

    // MARK: - Settings and the lint environment

    private func applySettings(_ json: JSON?) {
        var problems: [String] = []
        settings = ServerSettings(json: json, problems: &problems)
        for problem in problems { show(.warning, problem) }
    }

    /// The scope of the documents in `directory`: the absolute path of the `.profilelint.yml`
    /// found from it upward, or "" when none governs it. Cached per directory until a reload.
    private func scope(forDirectory directory: String) -> String {
        if let known = scopes[directory] { return known }
        let found = ConfigDiscovery.find(from: directory).map { PathText.absolute($0) } ?? ""
        scopes[directory] = found
        return found
    }

    private func scope(of document: OpenDocument) -> String {
        scope(forDirectory: (document.file.path as NSString).deletingLastPathComponent)
    }

    /// The environment of a scope, built on first use and reused for every edit after.
    /// When it cannot be built the user is told why (file, line, column), and the scope keeps
    /// the environment it had before the reload, if any.
    private func environment(forScope scope: String) -> LintEnvironment? {
        if let built = environments[scope] { return try? built.get() }
        do {
            let loaded = try loadEnvironment(settings, workspaceRoot, scope.isEmpty ? nil : scope)
            environmentLoadCount += 1
            environments[scope] = .success(loaded)
            for line in loaded.summary { log(.info, line) }
            log(.info, "lint environment ready (load \(environmentLoadCount))")
            updateCorpusWatchers()
            return loaded
        } catch {
            show(.error, "profilelint: \(error)")
            if let previous = previousEnvironments[scope] {
                environments[scope] = .success(previous)
                return previous
            }
            environments[scope] = .failure(EnvironmentError("\(error)"))
            return nil
        }
    }

    /// Rebuilds the environments (rules, corpus, configuration) and re-lints every open
    /// document. The workspace's own environment is built at once, so its corpus loads now
    /// rather than at the first keystroke.
    private func reloadEnvironment() {
        previousEnvironments = environments.compactMapValues { try? $0.get() }
        environments = [:]
        scopes = [:]
        _ = environment(forScope: scope(forDirectory: workspaceRoot ?? FileManager.default.currentDirectoryPath))
        for uri in documents.keys.sorted() {
            documents[uri]?.lintResult = nil
            lintAndPublish(uri)
        }
        previousEnvironments = [:]
        updateCorpusWatchers()
    }

    /// Rebuilds the environments of `affected` scopes (their corpus changed on disk; the
    /// corpus cache is keyed by content, so changed files are read again) and re-lints the
    /// open documents of those scopes.
    private func reloadCorpus(scopes affected: Set<String>) {
        previousEnvironments = environments.filter { affected.contains($0.key) }.compactMapValues { try? $0.get() }
        for scope in affected.sorted() {
            environments[scope] = nil
            _ = environment(forScope: scope)
        }
        for uri in documents.keys.sorted() {
            guard let document = documents[uri], affected.contains(scope(of: document)) else { continue }
            documents[uri]?.lintResult = nil
            lintAndPublish(uri)
        }
        previousEnvironments = [:]
        updateCorpusWatchers()
    }

    /// Reloads what changed files affect: everything for a configuration or rule file, only
    /// the environments built from it for a corpus file. Returns whether anything was reloaded.
    private func reload(forChangedURIs uris: [String]) -> Bool {
        if uris.contains(where: affectsEnvironment(uri:)) {
            reloadEnvironment()
            return true
        }
        let paths = uris.compactMap(WorkspaceFiles.path(ofURI:))
        let affected = Set(environments.compactMap { scope, built -> String? in
            guard let environment = try? built.get() else { return nil }
            return paths.contains { Self.isCorpusFile($0, of: environment) } ? scope : nil
        })
        guard !affected.isEmpty else { return false }
        reloadCorpus(scopes: affected)
        return true
    }

    /// Whether `path` is, or could be, one of the job-post files the environment's corpus reads:
    /// a corpus file itself, or a file the corpus loader would pick up under a corpus directory
    /// (or a subdirectory there, which may have held some).
    private static func isCorpusFile(_ path: String, of environment: LintEnvironment) -> Bool {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        return environment.corpusPaths.contains { corpusPath in
            if path == corpusPath { return true }
            guard path.hasPrefix(corpusPath + "/") else { return false }
            let relative = path.dropFirst(corpusPath.count + 1).split(separator: "/")
            guard !relative.contains(where: { $0.hasPrefix(".") }) else { return false } // the loader skips hidden files
            return CorpusFormat(path: path) != nil || (path as NSString).pathExtension.isEmpty
        }
    }
    private func didChangeConfiguration(_ newSettings: JSON?) {
        applySettings(newSettings)
        reloadEnvironment()
    }

    private func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
        _ = reload(forChangedURIs: params.changes.map(\.uri))
    }

    /// Whether a file is the configuration file or a rule file the environment was built from.
    private func affectsEnvironment(uri: String) -> Bool {
        guard let path = WorkspaceFiles.path(ofURI: uri) else { return false }
        if Configuration.fileNames.contains((path as NSString).lastPathComponent) { return true }
        return isRuleFile(path: path)
    }

    private func isRuleFile(path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        return environments.values.contains { (try? $0.get())?.ruleDirectories.contains(directory) == true }
    }

    // MARK: - Documents

    private func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        documents[item.uri] = OpenDocument(uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
        lintAndPublish(item.uri)
    }

    private func didChange(_ params: DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else {
            log(.warning, "ignored a change to '\(uri)', which is not open")
            return
        }
        for change in params.contentChanges {
            document.file = document.file.applying(change, encoding: encoding)
        }
        document.version = params.textDocument.version
        document.lintResult = nil
        documents[uri] = document
        scheduleLint(uri)
    }

    private func didSave(_ params: DidSaveTextDocumentParams) {
        if !reload(forChangedURIs: [params.textDocument.uri]), pendingLints[params.textDocument.uri] != nil {
            lintAndPublish(params.textDocument.uri)
        }
    }

    private func didClose(_ params: DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        pendingLints.removeValue(forKey: uri)?.task.cancel()
        documents[uri] = nil
        // Clear what the editor shows for the closed file.
        send(OutgoingMessage.notification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])))
    }

    /// Lints after the debounce delay; a newer change replaces the waiting lint.
    private func scheduleLint(_ uri: String) {
        pendingLints[uri]?.task.cancel()
        nextToken += 1
        let token = nextToken
        let delay = Duration.milliseconds(settings.debounceMilliseconds)
        let task = Task {
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            self.runScheduledLint(uri, token: token)
        }
        pendingLints[uri] = (token, task)
    }

    private func runScheduledLint(_ uri: String, token: Int) {
        guard pendingLints[uri]?.token == token else { return }
        lintAndPublish(uri)
    }

    private func cancelPendingLints() {
        for pending in pendingLints.values { pending.task.cancel() }
        pendingLints = [:]
    }

    /// The lint result of a document's current text (linting it now if a change is pending),
    /// or nil for a document the server does not lint.
    private func currentResult(_ uri: String) -> (document: OpenDocument, result: LintResult, environment: LintEnvironment)? {
        guard var document = documents[uri], isLinted(document), let environment = environment(forScope: scope(of: document)) else {
            return nil
        }
        if let result = document.lintResult { return (document, result, environment) }
        let result = environment.lint(document.file)
        document.lintResult = result
        documents[uri] = document
        return (document, result, environment)
    }

    /// Profiles are linted; other languages, the configuration file, rule files and corpus files are not.
    private func isLinted(_ document: OpenDocument) -> Bool {
        guard document.isProfileCandidate, !isRuleFile(path: document.file.path) else { return false }
        let path = document.file.path
        return !environments.values.contains { built in (try? built.get()).map { Self.isCorpusFile(path, of: $0) } ?? false }
    }

    private func lintAndPublish(_ uri: String) {
        pendingLints.removeValue(forKey: uri)?.task.cancel()
        guard let document = documents[uri] else { return }
        let diagnostics = currentResult(uri).map { current in
            current.result.diagnostics.map { lspDiagnostic($0, in: current.document, rules: current.environment.ruleSet) }
        } ?? []
        send(OutgoingMessage.notification("textDocument/publishDiagnostics",
                                          PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics)))
    }

    private func lspDiagnostic(_ diagnostic: Diagnostic, in document: OpenDocument, rules: RuleSet) -> LSPDiagnostic {
        let file = document.file
        let rule = rules.rule(diagnostic.ruleID)
        var message = diagnostic.message
        var related: [DiagnosticRelatedInformation]?
        if !diagnostic.notes.isEmpty {
            if client.relatedInformation {
                // Evidence without a place of its own points at the diagnostic's range.
                related = diagnostic.notes.map { note in
                    DiagnosticRelatedInformation(
                        location: Location(uri: document.uri, range: file.lspRange(note.range ?? diagnostic.range, encoding: encoding)),
                        message: note.message)
                }
            } else {
                message += diagnostic.notes.map { "\nnote: \($0.message)" }.joined()
            }
        }
        return LSPDiagnostic(
            range: file.lspRange(diagnostic.range, encoding: encoding),
            severity: Self.severity(diagnostic.severity),
            code: diagnostic.ruleID,
            codeDescription: rule?.helpURI.map(CodeDescription.init(href:)),
            source: Self.sourceName,
            message: message,
            relatedInformation: related)
    }

    private static func severity(_ severity: Severity) -> DiagnosticSeverity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .information
        }
    }

    // MARK: - Requests on documents

    private func codeActions(_ params: CodeActionParams) -> [CodeAction] {
        if let only = params.context.only, !only.contains(where: { "quickfix".hasPrefix($0) }) { return [] }
        guard let (document, result, environment) = currentResult(params.textDocument.uri) else { return [] }
        let requested = document.file.byteRange(params.range, encoding: encoding)
        var actions: [CodeAction] = []
        for diagnostic in result.diagnostics where Self.touches(diagnostic.range, requested) {
            for fix in diagnostic.fixes {
                actions.append(CodeAction(
                    title: fix.description, kind: "quickfix",
                    diagnostics: [lspDiagnostic(diagnostic, in: document, rules: environment.ruleSet)],
                    isPreferred: diagnostic.fixes.count == 1,
                    edit: workspaceEdit(fix.edits, in: document)))
            }
        }
        return actions
    }

    private func workspaceEdit(_ edits: [TextEdit], in document: OpenDocument) -> WorkspaceEdit {
        let lspEdits = edits.map { LSPTextEdit(range: document.file.lspRange($0.range, encoding: encoding), newText: $0.replacement) }
        if client.documentChanges {
            return WorkspaceEdit(documentChanges: [TextDocumentEdit(
                textDocument: VersionedTextDocumentIdentifier(uri: document.uri, version: document.version), edits: lspEdits)])
        }
        return WorkspaceEdit(changes: [document.uri: lspEdits])
    }

    private func hover(_ params: HoverParams) -> Hover? {
        guard let (document, result, environment) = currentResult(params.textDocument.uri) else { return nil }
        let offset = document.file.byteOffset(of: params.position, encoding: encoding)
        let hits = result.diagnostics.filter { Self.touches($0.range, ByteRange(offset, offset)) }
        guard let first = hits.first else { return nil }
        let markdown = client.markdownHover
        let sections = hits.map { diagnostic -> String in
            let rule = environment.ruleSet.rule(diagnostic.ruleID)
            var lines = [markdown ? "**\(diagnostic.ruleID)** (\(diagnostic.severity.rawValue)): \(diagnostic.message)"
                                  : "\(diagnostic.ruleID) (\(diagnostic.severity.rawValue)): \(diagnostic.message)"]
            if let rationale = rule?.rationale { lines.append(rationale.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if let link = rule?.helpURI { lines.append(markdown ? "[Documentation](\(link))" : link) }
            return lines.joined(separator: "\n\n")
        }
        return Hover(contents: MarkupContent(kind: markdown ? "markdown" : "plaintext",
                                             value: sections.joined(separator: markdown ? "\n\n---\n\n" : "\n\n")),
                     range: document.file.lspRange(first.range, encoding: encoding))
    }

    /// Whether two ranges overlap or touch (a cursor at either end of a range is on it).
    private static func touches(_ a: ByteRange, _ b: ByteRange) -> Bool {
        a.lowerBound <= b.upperBound && b.lowerBound <= a.upperBound
    }

    // MARK: - Messages to the user

    private func log(_ type: MessageType, _ message: String) {
        send(OutgoingMessage.notification("window/logMessage", LogMessageParams(type: type, message: message)))
    }

    private func show(_ type: MessageType, _ message: String) {
        send(OutgoingMessage.notification("window/showMessage", LogMessageParams(type: type, message: message)))
    }
}
