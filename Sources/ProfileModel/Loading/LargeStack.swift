import Foundation

/// Runs work on a thread with a 16 MiB stack. Both document parsers recurse once per nesting
/// level (Yams up to libyaml's 1,000 levels, about 700 bytes of stack per level in a debug
/// build), which overflows the 512 KiB of a secondary thread on macOS.
package enum LargeStack {
    static let size = 16 << 20
    /// Marks the threads this type starts, so nested work runs inline instead of starting
    /// (and blocking on) another thread. (A thread-specific value: `Thread.threadDictionary`
    /// costs a Foundation dictionary and bridging on every document load.)
    private static let marker: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Whether the current thread is one of ours.
    static var isCurrent: Bool { pthread_getspecific(marker) != nil }

    /// Runs `body` on a large stack and waits for it, blocking the calling thread (inline when
    /// already on one). Synchronous callers only: async code uses `run`, which blocks nothing.
    static func runBlocking<Value: Sendable>(_ body: @escaping @Sendable () -> Value) -> Value {
        if isCurrent { return body() }
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        start {
            box.value = body()
            done.signal()
        }
        done.wait()
        guard let value = box.value else { return body() }
        return value
    }

    /// Runs `body` on a thread of its own with a large stack and resumes when it is done: the
    /// caller's thread (a cooperative one, in async code) is not blocked meanwhile. Work that
    /// loads documents inside `body` runs inline on that thread.
    package static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: body()) }
        }
    }

    private static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            pthread_setspecific(marker, UnsafeRawPointer(bitPattern: 1))
            body()
        }
        thread.stackSize = size
        thread.start()
    }
}

/// Carries a value from the worker thread back to the caller, which waits on a semaphore
/// until the thread has stored it.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
