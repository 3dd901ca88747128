import Foundation
import ProfileLint

/// Work-done progress (`window/workDoneProgress`) while an environment loads: the corpus
/// files parsed of the total, then the statistics (and their cache) being built. Sent only to
/// clients that declare `window.workDoneProgress`; a token is used only once the client has
/// accepted it, and never after it refused it.
extension LanguageServer {
    /// The progress of one environment load.
    struct WorkProgress {
        enum Stage {
            /// `create` sent, not answered yet.
            case requested
            /// Accepted: `begin` sent, reports follow.
            case shown
        }

        var token: String
        var counter: LoadProgress
        var stage = Stage.requested
        /// The last report sent, so an unchanged count is not sent again.
        var lastReport: WorkDoneProgressReport?
        /// Set when the load ended before the client answered `create`.
        var endMessage: String?
        var poller: Task<Void, Never>?
    }

    static let progressTitle = "Loading rules and job posts"
    static let progressInterval = Duration.milliseconds(200)

    /// Asks the client for a progress token for a load counted by `counter`; returns the id
    /// the load ends it with, or nil when the client does not show progress.
    func beginProgress(counting counter: LoadProgress) -> String? {
        guard client.workDoneProgress, lifecycle == .running else { return nil }
        nextToken += 1
        let id = "progress-\(nextToken)"
        let token = "profilelint-load-\(nextToken)"
        workProgress[id] = WorkProgress(token: token, counter: counter)
        send(OutgoingMessage.request(id: .string(id), "window/workDoneProgress/create", WorkDoneProgressCreateParams(token: token)))
        return id
    }

    /// The client answered `create`: show the progress (and end it at once if the load is
    /// over), or, on an error, forget it without sending anything.
    /// Returns whether `id` was a progress request.
    func progressCreated(id: JSON, failed: Bool) -> Bool {
        guard let key = id.string, let progress = workProgress[key] else { return false }
        guard !failed else {
            workProgress[key] = nil
            return true
        }
        sendProgress(progress.token, .begin(WorkDoneProgressBegin(title: Self.progressTitle, cancellable: false,
                                                                  message: "reading rules and configuration", percentage: 0)))
        if let endMessage = progress.endMessage {
            workProgress[key] = nil
            sendProgress(progress.token, .end(WorkDoneProgressEnd(message: endMessage)))
            return true
        }
        workProgress[key]?.stage = .shown
        workProgress[key]?.poller = Task {
            while !Task.isCancelled {
                self.reportProgress(key)
                try? await Task.sleep(for: Self.progressInterval)
            }
        }
        return true
    }

    /// Sends what the counter says now, if it changed since the last report.
    private func reportProgress(_ key: String) {
        guard let progress = workProgress[key], progress.stage == .shown,
              let report = WorkDoneProgressReport(progress.counter.snapshot), report != progress.lastReport else { return }
        workProgress[key]?.lastReport = report
        sendProgress(progress.token, .report(report))
    }

    /// The load ended: end its progress (or remember to, when the client has not answered yet).
    func endProgress(_ key: String?, message: String) {
        guard let key, let progress = workProgress[key] else { return }
        switch progress.stage {
        case .requested:
            workProgress[key]?.endMessage = message
        case .shown:
            progress.poller?.cancel()
            workProgress[key] = nil
            sendProgress(progress.token, .end(WorkDoneProgressEnd(message: message)))
        }
    }

    private func sendProgress(_ token: String, _ value: WorkDoneProgressValue) {
        send(OutgoingMessage.notification("$/progress", ProgressParams(token: token, value: value)))
    }
}

extension WorkDoneProgressReport {
    /// What a corpus count reads as: nil before parsing starts (or when the cache answered),
    /// the files and bytes parsed while it runs, the statistics being built once it is done.
    init?(_ snapshot: LoadProgress.Snapshot) {
        guard snapshot.filesTotal > 0 else { return nil }
        let percent = snapshot.bytesTotal > 0 ? Int((Double(snapshot.bytesDone) / Double(snapshot.bytesTotal) * 100).rounded(.down)) : 0
        guard snapshot.filesDone < snapshot.filesTotal else {
            self.init(message: "building the corpus statistics and cache", percentage: 100)
            return
        }
        let files = "\(snapshot.filesDone) of \(snapshot.filesTotal) \(snapshot.filesTotal == 1 ? "file" : "files")"
        self.init(message: "\(Self.size(snapshot.bytesDone, of: snapshot.bytesTotal)), \(files)", percentage: percent)
    }

    /// `12 of 40 MB`, or in kB for a corpus under a megabyte.
    static func size(_ done: Int, of total: Int) -> String {
        let (unit, scale) = total >= 1_000_000 ? ("MB", 1_000_000.0) : ("kB", 1_000.0)
        let format = { (bytes: Int) in String(format: Double(total) / scale < 10 ? "%.1f" : "%.0f", Double(bytes) / scale) }
        return "\(format(done)) of \(format(total)) \(unit)"
    }
}
