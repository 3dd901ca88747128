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

    @Test func inOrderConsumerHandlesNoAndOneInput() {
        var seen: [String] = []
        ParallelMap.forEachInOrder([Int](), workers: 2) { String($0) } consume: { seen.append($0) }
        #expect(seen.isEmpty)
        ParallelMap.forEachInOrder([7], workers: 2) { String($0) } consume: { seen.append($0) }
        #expect(seen == ["7"])
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
