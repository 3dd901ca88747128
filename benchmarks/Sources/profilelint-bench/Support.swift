import Foundation

/// Wall-clock timing with the monotonic clock.
enum Stopwatch {
    /// The result of `work` and the seconds it took.
    static func time<Result, Failure: Error>(_ work: () throws(Failure) -> Result) throws(Failure) -> (Result, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

/// Prints a report as one line of JSON on standard output (what `benchmarks/run.py` reads).
enum JSONLine {
    static func print<Report: Encodable>(_ report: Report) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
    }
}
