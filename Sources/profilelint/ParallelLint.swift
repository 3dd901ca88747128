import Foundation
import ProfileLint

/// Lints files on up to `jobs` threads; results come back in the order of `files`.
enum ParallelLint {
    static func run(_ files: [SourceFile], linter: Linter, jobs: Int) -> [LintResult] {
        let workers = min(max(1, jobs), files.count)
        guard workers > 1 else { return files.map { linter.lint($0) } }
        let state = SharedState(count: files.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.claimNext() {
                state.store(linter.lint(files[index]), at: index)
            }
        }
        return state.results()
    }

    /// The next file to lint and the result slots, behind one lock.
    private final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [LintResult?]

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

        func store(_ result: LintResult, at index: Int) {
            lock.withLock { slots[index] = result }
        }

        /// Every slot is filled once `concurrentPerform` returns.
        func results() -> [LintResult] {
            lock.withLock { slots.compactMap { $0 } }
        }
    }
}
