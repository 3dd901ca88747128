import Foundation

/// Runs two independent steps at once: one on a plain thread of its own, the other on the
/// calling thread. Unlike a two-iteration `concurrentPerform`, neither step runs inside a
/// concurrent perform, so one that spreads its own work over the cores (the corpus's chunk
/// analysis) still gets them all instead of one thread.
package enum BesideThread {
    /// `beside()` on a new thread while `here()` runs on the calling thread; both results once
    /// both are done.
    package static func run<A: Sendable, B>(_ beside: @escaping @Sendable () -> A, while here: () -> B) -> (A, B) {
        let box = Box<A>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = beside()
            done.signal()
        }
        thread.start()
        let result = here()
        done.wait()
        guard let value = box.value else { preconditionFailure("the thread signalled without a value") }
        return (value, result)
    }

    /// Carries the thread's result to the caller, which reads it only after the semaphore.
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }
}
