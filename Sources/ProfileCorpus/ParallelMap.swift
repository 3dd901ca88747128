import Dispatch
import Foundation

/// Maps a collection on all cores with results in input order, so the output is the same
/// as a sequential map whatever the number of threads.
package enum ParallelMap {
    /// Threads to use: the active processor count, read once per process (Foundation reads
    /// the cgroup's CPU quota files for it each time it is asked).
    package static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    package static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], workers: Int = workers,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        if inputs.count <= 1 || workers == 1 { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: min(workers, inputs.count) * 4) { worker in
            // Strided slices: slot i belongs to exactly one iteration.
            var index = worker
            let stride = min(workers, inputs.count) * 4
            while index < inputs.count {
                results.set(index, transform(inputs[index]))
                index += stride
            }
        }
        return results.values()
    }

    /// Splits `0..<count` into about `workers * 4` contiguous chunks, maps each chunk on all
    /// cores, and returns the chunk results in order (merge them in that order for determinism).
    package static func chunks<Output: Sendable>(count: Int, workers: Int = workers,
                                         _ transform: @Sendable (Range<Int>) -> Output) -> [Output] {
        map(chunkRanges(count: count, workers: workers), workers: workers, transform)
    }

    /// `0..<count` split into about `workers * 4` contiguous ranges (none when `count` is 0).
    package static func chunkRanges(count: Int, workers: Int = workers) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let chunkCount = min(count, max(1, workers * 4))
        let size = (count + chunkCount - 1) / chunkCount
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// `first()` and `second()` at once on two threads (one after the other with one worker):
    /// two independent steps, neither of which has enough work to split.
    package static func pair<A: Sendable, B: Sendable>(workers: Int = workers, _ first: @Sendable () -> A,
                                                      _ second: @Sendable () -> B) -> (A, B) {
        if workers <= 1 { return (first(), second()) }
        let a = ResultSlots<A>(count: 1), b = ResultSlots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
        }
        return (a.take(0), b.take(0))
    }

    /// `side()` on another thread while `body()` runs on this one (one after the other with one
    /// worker). Unlike `pair`, the body may itself map on all cores: a map nested in a concurrent
    /// perform gets one thread, while here the side work only fills what the body leaves idle.
    package static func beside<A: Sendable, B>(workers: Int = workers, _ side: @Sendable () -> A,
                                              _ body: () -> B) -> (side: A, body: B) {
        if workers <= 1 { return (side(), body()) }
        let slot = ResultSlots<A>(count: 1)
        let group = DispatchGroup()
        return withoutActuallyEscaping(side) { side in
            DispatchQueue.global().async(group: group) { slot.set(0, side()) }
            let result = body()
            group.wait()
            return (slot.take(0), result)
        }
    }

    /// Maps `inputs` on `workers` threads and hands each result to `consume` on the calling
    /// thread, in input order, as soon as it and all before it are ready: the consumer works
    /// while the next inputs are mapped (a sequential consumer no longer leaves cores idle), and
    /// sees the same sequence as `inputs.map(transform).forEach(consume)`. At most `ahead`
    /// results wait unconsumed, which bounds their memory.
    package static func forEachInOrder<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int = workers, ahead: Int = 8,
        _ transform: @Sendable (Input) -> Output, consume: (Output) -> Void
    ) {
        if inputs.count <= 1 || workers <= 1 {
            for input in inputs { consume(transform(input)) }
            return
        }
        let results = ResultSlots<Output>(count: inputs.count)
        let ready = (0..<inputs.count).map { _ in DispatchSemaphore(value: 0) }
        let window = DispatchSemaphore(value: max(1, ahead))
        let next = NextIndex()
        let group = DispatchGroup()
        withoutActuallyEscaping(transform) { transform in
            for _ in 0..<min(workers, inputs.count) {
                DispatchQueue.global().async(group: group) {
                    while true {
                        window.wait()
                        guard let index = next.take(below: inputs.count) else {
                            window.signal()
                            return
                        }
                        results.set(index, transform(inputs[index]))
                        ready[index].signal()
                    }
                }
            }
            for index in inputs.indices {
                ready[index].wait()
                consume(results.take(index))
                window.signal()
            }
            group.wait()
        }
    }
}

/// The next input index of `ParallelMap.forEachInOrder`, handed out once each.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard value < count else { return nil }
            value += 1
            return value - 1
        }
    }
}

/// Write-once result slots shared by the threads of a parallel map; each index is written
/// by exactly one thread, and read only after all threads finished.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<Value?>.allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        storage[index] = value
    }

    /// Every slot's value; each was set by the map that created the slots.
    func values() -> [Value] {
        (0..<count).compactMap { storage[$0] }
    }

    /// Slot `index`'s value, moved out (each slot is taken once, after it was set).
    func take(_ index: Int) -> Value {
        guard let value = storage[index].take() else { preconditionFailure("slot \(index) taken before it was set") }
        return value
    }
}
