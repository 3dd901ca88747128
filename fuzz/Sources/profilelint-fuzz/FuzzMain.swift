#if !LIBFUZZER
import Foundation

/// The mutation driver's entry point (a libFuzzer build uses `LibFuzzerEntry` instead).
@main
enum ProfileLintFuzz {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--list"] {
            print(FuzzTarget.campaignTargets.map(\.rawValue).joined(separator: "\n"))
            return
        }
        let options: FuzzOptions
        do {
            options = try FuzzOptions(arguments)
        } catch {
            FileHandle.standardError.write(Data("profilelint-fuzz: \(error.message)\n\(FuzzOptions.usage)\n".utf8))
            exit(2)
        }
        if !options.replay.isEmpty {
            replay(options)
        } else {
            MutationDriver(target: options.target, options: options).run()
        }
    }

    /// Runs each file once, without the crash handler (so a crash shows its backtrace).
    private static func replay(_ options: FuzzOptions) {
        for path in options.replay {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("profilelint-fuzz: cannot read '\(path)'\n".utf8))
                exit(2)
            }
            options.target.run(Array(data))
            print("\(options.target.rawValue): \(path): no crash")
        }
    }
}
#endif
