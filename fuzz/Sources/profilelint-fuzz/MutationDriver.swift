import Foundation

/// The seeded mutation driver: runs every seed, then mutated seeds, until a number of
/// inputs or a number of seconds is reached. Deterministic for a given `--seed` (the time
/// budget only decides where the sequence stops).
struct MutationDriver {
    var target: FuzzTarget
    var options: FuzzOptions

    /// Runs the campaign and prints a one-line summary; a crash or hang ends the process.
    func run() {
        let seeds = SeedCorpus.read(options.seedPaths)
        InputWatch.start(artifacts: options.artifacts, target: target.rawValue, timeout: options.timeout)
        var random = SplitMix64(seed: options.seed)
        let mutator = Mutator(maxLength: options.maxLength)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = options.seconds.map { start + .milliseconds(Int($0 * 1000)) }
        var executed = 0
        var slowest = Duration.zero
        let pool = seeds.isEmpty ? [[]] : seeds
        while executed < options.runs, deadline.map({ clock.now < $0 }) ?? true {
            let input = executed < seeds.count ? seeds[executed]
                : mutator.mutate(pool.randomElement(using: &random) ?? [], other: pool.randomElement(using: &random) ?? [],
                                 using: &random)
            let began = clock.now
            InputWatch.begin(input)
            target.run(input)
            InputWatch.end()
            slowest = max(slowest, clock.now - began)
            executed += 1
        }
        let seconds = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) / 1e18
        let slowestMilliseconds = Int(Double(slowest.components.seconds) * 1000 + Double(slowest.components.attoseconds) / 1e15)
        print("""
            \(target.rawValue): \(executed) inputs (\(min(executed, seeds.count)) seeds, \(max(0, executed - seeds.count)) \
            mutated, seed \(options.seed)) in \(String(format: "%.1f", seconds)) s; slowest input \(slowestMilliseconds) ms; \
            no crash, no hang
            """)
    }
}

/// Seed inputs: every regular file under the given files and directories, in path order.
enum SeedCorpus {
    /// Files larger than this are left out (the loaders refuse them before parsing anyway).
    static let maxSeedBytes = 1 << 20

    static func read(_ paths: [String]) -> [[UInt8]] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += names.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        return files.compactMap { path in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? Int, size <= maxSeedBytes,
                  let data = FileManager.default.contents(atPath: path) else { return nil }
            return Array(data)
        }
    }
}
