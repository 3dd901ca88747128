import Foundation
import ProfileLint

/// SPEC §5: "A progress bar on stderr when loading a large corpus on a terminal; never in
/// CI logs or pipes."
///
/// While rules and corpus load, one line on standard error, redrawn in place and erased at
/// the end: once the corpus files are read, a bar of the bytes parsed of the total with the
/// files done, the rate and the time left (`LoadProgress`); before that, and while the
/// statistics are built, a spinner with the elapsed time. It appears only after
/// `PROFILELINT_PROGRESS_DELAY` seconds (default 0.5; `0` draws at once), so quick loads print
/// nothing, and only when standard error is a terminal, `CI` is unset and `TERM` is not `dumb`.
enum CorpusProgress {
    static let defaultDelay = 0.5

    /// Whether progress may be drawn: standard error is a terminal and not a CI log.
    static func isWanted(stderrIsTerminal: Bool, environment: [String: String]) -> Bool {
        stderrIsTerminal && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    /// Runs `work` (planning: rules, configuration, corpus) with the indicator when wanted;
    /// a setup error becomes a `CLIError` (exit 2).
    /// `work` gets the counter to pass to `Corpus.load` (through `SessionFactory.Options`).
    static func whileLoading<Value>(_ work: (LoadProgress) throws(LintSetupError) -> Value) throws(CLIError) -> Value {
        let environment = ProcessEnvironment.variables
        let progress = LoadProgress()
        var line: ProgressLine?
        if isWanted(stderrIsTerminal: isatty(STDERR_FILENO) == 1, environment: environment) {
            let delay = environment["PROFILELINT_PROGRESS_DELAY"].flatMap(Double.init).map { max(0, $0) } ?? defaultDelay
            line = ProgressLine(label: "profilelint: loading rules and job-post corpus", progress: progress, delay: delay)
        }
        defer { line?.stop() }
        do { return try work(progress) } catch { throw CLIError(error) }
    }
}

/// One status line on standard error, redrawn by a timer until stopped, then erased.
final class ProgressLine: @unchecked Sendable {
    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    private let label: String
    private let progress: LoadProgress
    private let started = Date()
    /// When parsing began (the first snapshot with a total), for the rate.
    private var parsingStarted: Date?
    private let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "profilelint.progress"))
    /// Guards `frame`, `drawn` and `stopped` between the timer queue and the caller.
    private let lock = NSLock()
    private var frame = 0
    private var drawn = false
    private var stopped = false

    init(label: String, progress: LoadProgress, delay: Double) {
        self.label = label
        self.progress = progress
        if delay == 0 { draw() }
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.schedule(deadline: .now() + delay, repeating: 0.1)
        timer.resume()
    }

    private func draw() {
        lock.withLock {
            guard !stopped else { return }
            let snapshot = progress.snapshot
            if snapshot.bytesTotal > 0, parsingStarted == nil { parsingStarted = Date() }
            let line: String
            if let bar = ProgressBar.text(snapshot, elapsed: parsingStarted.map { Date().timeIntervalSince($0) } ?? 0) {
                line = "profilelint: " + bar
            } else {
                line = "\(label) \(Self.frames[frame % Self.frames.count]) \(String(format: "%.1f", Date().timeIntervalSince(started)))s"
            }
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
            frame += 1
            drawn = true
        }
    }

    /// Stops redrawing and erases the line if it was drawn.
    func stop() {
        timer.cancel()
        lock.withLock {
            stopped = true
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }
}
