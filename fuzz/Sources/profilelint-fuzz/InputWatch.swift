import Foundation

/// Keeps the input being run where a crash handler and a watchdog can reach it, so a trap
/// or a hang leaves the input behind as a file to replay:
/// - on SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS or SIGFPE (a Swift trap is SIGILL or
///   SIGTRAP) the handler writes `crash-TARGET` and the process dies of the signal;
/// - an input running longer than the timeout is written to `timeout-TARGET`, and the
///   process exits with status 3.
/// The handler only calls async-signal-safe functions (open, write, close, signal, raise)
/// on memory allocated before any input runs.
enum InputWatch {
    /// Exit status of a run stopped by the watchdog.
    static let timeoutStatus: Int32 = 3

    private nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    private nonisolated(unsafe) static var capacity = 1
    private nonisolated(unsafe) static var count = 0
    private nonisolated(unsafe) static var crashPath: UnsafeMutablePointer<CChar>?
    private nonisolated(unsafe) static var timeoutPath = ""
    /// When the current input started (`DispatchTime` nanoseconds), 0 between inputs.
    private nonisolated(unsafe) static var startedAt: UInt64 = 0
    private static let lock = NSLock()

    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Installs the crash handler and starts the watchdog (timeout in seconds).
    static func start(artifacts: String, target: String, timeout: Double) {
        crashPath = strdup((artifacts as NSString).appendingPathComponent("crash-\(target)"))
        timeoutPath = (artifacts as NSString).appendingPathComponent("timeout-\(target)")
        for signal in signals { _ = Foundation.signal(signal, crashed) }
        let limit = UInt64(timeout * 1_000_000_000)
        let watchdog = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                lock.lock()
                let started = startedAt
                lock.unlock()
                if started != 0, DispatchTime.now().uptimeNanoseconds - started > limit { timedOut(seconds: timeout) }
            }
        }
        watchdog.start()
    }

    /// Records `bytes` as the input about to run and starts its clock.
    static func begin(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        if bytes.count > capacity {
            buffer.deallocate()
            capacity = bytes.count
            buffer = .allocate(capacity: capacity)
        }
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        count = bytes.count
        startedAt = DispatchTime.now().uptimeNanoseconds
    }

    /// Stops the clock of the current input.
    static func end() {
        lock.lock()
        startedAt = 0
        lock.unlock()
    }

    /// The watchdog's verdict: save the input, say so, stop.
    private static func timedOut(seconds: Double) -> Never {
        lock.lock()
        let input = Array(UnsafeBufferPointer(start: buffer, count: count))
        lock.unlock()
        _ = FileManager.default.createFile(atPath: timeoutPath, contents: Data(input))
        FileHandle.standardError.write(Data("""
            profilelint-fuzz: an input ran longer than \(seconds) s; it is saved in \(timeoutPath)

            """.utf8))
        exit(timeoutStatus)
    }

    /// The crash handler: save the input, say where, then die of the same signal.
    private static let crashed: @convention(c) (Int32) -> Void = { signal in
        if let path = InputWatch.crashPath {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if descriptor >= 0 {
                _ = write(descriptor, InputWatch.buffer, InputWatch.count)
                _ = close(descriptor)
            }
            let message = "profilelint-fuzz: crashed; the input is saved in "
            _ = write(STDERR_FILENO, message, strlen(message))
            _ = write(STDERR_FILENO, path, strlen(path))
            _ = write(STDERR_FILENO, "\n", 1)
        }
        _ = Foundation.signal(signal, SIG_DFL)
        _ = raise(signal)
    }
}
