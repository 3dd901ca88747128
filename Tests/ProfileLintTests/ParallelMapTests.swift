import Foundation
import Testing
@testable import ProfileCorpus

/// The parallel maps must give what a sequential map gives, whatever the threads and the order
/// in which the workers finish.
@Suite struct ParallelMapTests {
    @Test func inOrderConsumerSeesTheSequentialResultsWhenLaterInputsFinishFirst() {
        let inputs = Array(0..<40)
        let expected = inputs.map { $0 * $0 }
        for (workers, ahead) in [(1, 8), (2, 1), (2, 8), (3, 2), (8, 64)] {
            var seen: [Int] = []
            ParallelMap.forEachInOrder(inputs, workers: workers, ahead: ahead) { input in
                // Early inputs take longest, so later ones are ready first.
                usleep(UInt32((40 - input) * 200))
                return input * input
            } consume: { seen.append($0) }
            #expect(seen == expected, "workers \(workers), ahead \(ahead)")
        }
    }

    /// Back-pressure: with a slow consumer, no more than `ahead` inputs are started and not yet
    /// consumed at any time, so a lagging consumer bounds the results held in memory.
    @Test func inOrderMapStartsNoInputWhileAheadResultsWait() {
        for (workers, ahead) in [(2, 1), (2, 3), (3, 4)] {
            let pending = PendingCount()
            var consumed = 0
            ParallelMap.forEachInOrder(Array(0..<30), workers: workers, ahead: ahead) { input in
                pending.started()
                return input
            } consume: { _ in
                usleep(500)
                pending.consumed()
                consumed += 1
            }
            #expect(consumed == 30)
            #expect(pending.maximum <= ahead, "workers \(workers), ahead \(ahead)")
        }
    }

    @Test func inOrderConsumerHandlesNoAndOneInput() {
        var seen: [String] = []
        ParallelMap.forEachInOrder([Int](), workers: 2) { String($0) } consume: { seen.append($0) }
        #expect(seen.isEmpty)
        ParallelMap.forEachInOrder([7], workers: 2) { String($0) } consume: { seen.append($0) }
        #expect(seen == ["7"])
    }

    /// The side work and a body that itself maps on all cores both finish, each with its own result.
    @Test func besideRunsTheSideWorkAndTheBody() {
        for workers in [1, 2, 3] {
            let (side, body) = ParallelMap.beside(workers: workers, { (0..<10_000).reduce(0, +) }, {
                ParallelMap.chunks(count: 1_000, workers: workers) { $0.reduce(0, +) }.reduce(0, +)
            })
            #expect(side == 49_995_000 && body == 499_500, "workers \(workers)")
        }
    }

    @Test func chunkRangesCoverTheCountOnceInOrder() {
        for count in [0, 1, 7, 8, 9, 1_000] {
            for workers in [1, 2, 3] {
                let ranges = ParallelMap.chunkRanges(count: count, workers: workers)
                #expect(ranges.flatMap { Array($0) } == Array(0..<count), "count \(count), workers \(workers)")
                #expect(ranges.count <= max(1, workers * 4))
            }
        }
    }
}

/// Inputs started and not yet consumed, and the most there ever were.
private final class PendingCount: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var maximum = 0

    func started() {
        lock.withLock {
            current += 1
            maximum = max(maximum, current)
        }
    }

    func consumed() {
        lock.withLock { current -= 1 }
    }
}
