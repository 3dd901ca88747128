import Dispatch
import Foundation

/// Maps a collection on all cores with results in input order, so the output is the same
/// as a sequential map whatever the number of threads.
package enum ParallelMap {
    /// Threads to use: the active processor count.
    package static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

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
        guard count > 0 else { return [] }
        let chunkCount = min(count, max(1, workers * 4))
        let size = (count + chunkCount - 1) / chunkCount
        let ranges = stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
        return map(ranges, workers: workers, transform)
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
}
