import Foundation

/// The command line of the mutation driver.
struct FuzzOptions {
    var target: FuzzTarget
    /// Stop after this many inputs (seeds included).
    var runs = Int.max
    /// Stop after this many seconds (checked between inputs).
    var seconds: Double?
    var seed: UInt64 = 1
    var seedPaths: [String] = []
    /// Seconds one input may take before it counts as a hang.
    var timeout = 10.0
    /// Where a crashing or hanging input is saved.
    var artifacts = "."
    var maxLength = 16 * 1024
    /// Files to run once each, instead of a campaign.
    var replay: [String] = []

    static let usage = """
        usage: profilelint-fuzz TARGET [--runs N] [--seconds S] [--seed N] [--seeds PATH]... [--timeout S]
                                       [--artifacts DIR] [--max-len BYTES]
               profilelint-fuzz TARGET --replay FILE...
               profilelint-fuzz --list
        Runs every seed, then mutated seeds, until N inputs or S seconds (default: 1,000 inputs).
        targets: \(FuzzTarget.campaignTargets.map(\.rawValue).joined(separator: ", "))
        """

    struct UsageError: Error {
        var message: String
    }

    /// Parses `arguments` (without the program name).
    init(_ arguments: [String]) throws(UsageError) {
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            throw UsageError(message: "the first argument must be a target")
        }
        self.target = target
        var rest = arguments.dropFirst()
        func value(_ option: String) throws(UsageError) -> String {
            guard let value = rest.popFirst() else { throw UsageError(message: "\(option) needs a value") }
            return value
        }
        func number<Value: LosslessStringConvertible>(_ option: String, _ type: Value.Type) throws(UsageError) -> Value {
            let text = try value(option)
            guard let parsed = Value(text) else { throw UsageError(message: "\(option) '\(text)' is not a valid number") }
            return parsed
        }
        while let option = rest.popFirst() {
            switch option {
            case "--runs": runs = try number(option, Int.self)
            case "--seconds": seconds = try number(option, Double.self)
            case "--seed": seed = try number(option, UInt64.self)
            case "--seeds": seedPaths.append(try value(option))
            case "--timeout": timeout = try number(option, Double.self)
            case "--artifacts": artifacts = try value(option)
            case "--max-len": maxLength = try number(option, Int.self)
            case "--replay":
                replay = Array(rest)
                rest = []
            default: throw UsageError(message: "unknown option '\(option)'")
            }
        }
        if seconds == nil, runs == .max { runs = 1_000 }
        guard runs >= 0, maxLength >= 1, timeout > 0, timeout <= 86_400, (seconds ?? 0) >= 0 else {
            throw UsageError(message: "--runs, --seconds, --timeout (at most 86400) and --max-len must be positive")
        }
    }
}
