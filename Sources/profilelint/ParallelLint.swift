import Foundation
import ProfileLint

/// Lints (or fixes) files on up to `jobs` threads; results come back in the order of `files`.
enum ParallelLint {
    static func run<Result: Sendable>(_ files: [SourceFile], jobs: Int, _ work: @Sendable (SourceFile) -> Result) -> [Result] {
        let workers = min(max(1, jobs), files.count)
        guard workers > 1 else { return files.map(work) }
        let state = SharedState<Result>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.claimNext() {
                state.store(work(files[index]), at: index)
            }
        }
        return state.results()
    }

    /// The next file to lint and the result slots, behind one lock.
    private final class SharedState<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [Result?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func claimNext() -> Int? {
            lock.withLock {
                guard next < slots.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ result: Result, at index: Int) {
            lock.withLock { slots[index] = result }
        }

        /// Every slot is filled once `concurrentPerform` returns.
        func results() -> [Result] {
            lock.withLock { slots.compactMap { $0 } }
        }
    }
}
