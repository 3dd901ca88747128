import Foundation

/// Keeps a signal that ends the process (Ctrl-C, `kill`, a hang-up, a file-size limit) from
/// leaving a write half done: a temporary file being written is removed before the process
/// dies, and a file being rewritten in place is finished first (the signal then takes effect).
///
/// SIGKILL cannot be caught; it can leave a `.NAME.profilelint-*` temporary file next to
/// the target (the target itself is intact) or, for a hard-linked file, a partly rewritten one.
enum WriteGuard {
    /// The signals that end a process by default and that a user or the kernel sends.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ]

    /// Plain C memory the handler reads: a NUL-terminated temporary path (empty: none),
    /// then whether an in-place rewrite is under way, then a signal that arrived during it.
    private struct State {
        let path: UnsafeMutablePointer<CChar>
        let capacity: Int
        let flags: UnsafeMutablePointer<sig_atomic_t>
    }

    /// Allocated and the handlers installed on first use; never freed (the handler may run at exit).
    nonisolated(unsafe) private static let state: State = {
        let capacity = Int(PATH_MAX) + 1
        let state = State(path: .allocate(capacity: capacity), capacity: capacity, flags: .allocate(capacity: 2))
        state.path[0] = 0
        state.flags[0] = 0
        state.flags[1] = 0
        return state
    }()

    private static let installed: Bool = {
        _ = state
        for signal in signals { install(signal) }
        return true
    }()

    /// Runs `body` while `temporaryPath` would be removed by a signal that ends the process.
    static func removingOnSignal<T>(_ temporaryPath: String, _ body: () throws(FileWriteError) -> T) throws(FileWriteError) -> T {
        _ = installed
        let bytes = Array(temporaryPath.utf8CString)
        if bytes.count <= state.capacity {
            bytes.withUnsafeBufferPointer { buffer in
                // Write the path first and its first byte last, so the handler never sees half a path.
                for index in 1..<buffer.count { state.path[index] = buffer[index] }
                state.path[0] = buffer[0]
            }
        }
        defer { state.path[0] = 0 }
        return try body()
    }

    /// Runs `body` with signals that end the process held back until it returns.
    static func deferringSignals<T>(_ body: () throws(FileWriteError) -> T) throws(FileWriteError) -> T {
        _ = installed
        state.flags[0] = 1
        defer {
            state.flags[0] = 0
            let pending = state.flags[1]
            if pending != 0 {
                signal(pending, SIG_DFL)
                raise(pending)
            }
        }
        return try body()
    }

    /// Installs the handler for `number` unless the signal is ignored or already handled.
    private static func install(_ number: Int32) {
        var current = sigaction()
        var action = sigaction()
        #if canImport(Darwin)
        guard sigaction(number, nil, &current) == 0, current.__sigaction_u.__sa_handler == nil else { return }
        action.__sigaction_u.__sa_handler = { number in WriteGuard.handle(number) }
        #else
        guard sigaction(number, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { return }
        action.__sigaction_handler.sa_handler = { number in WriteGuard.handle(number) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(number, &action, nil)
    }

    /// The handler: only async-signal-safe calls (`unlink`, `signal`, `raise`).
    private static func handle(_ number: Int32) {
        if state.path[0] != 0 {
            unlink(state.path)
            state.path[0] = 0
        }
        if state.flags[0] != 0 {
            state.flags[1] = number
            return
        }
        signal(number, SIG_DFL)
        raise(number)
    }
}
