#if LIBFUZZER
import Foundation

// A libFuzzer build (`fuzz/run.sh --libfuzzer`): SwiftPM links every executable with
// `main` aliased to `<module>_main`, so that symbol is defined here and hands control to
// libFuzzer's driver; `FUZZ_TARGET` names the target.

/// The target `FUZZ_TARGET` names, read once.
private let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("""
            profilelint-fuzz: set FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))

            """.utf8))
        exit(2)
    }
    return target
}()

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("profilelint_fuzz_main")
func libFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    // One empty input first: the shared rule pack and caches are built outside any measured
    // input, so LeakSanitizer does not count them against the first one.
    selectedTarget.run([])
    var count = argc
    var values = argv
    return runDriver(&count, &values, fuzzOneInput)
}
#endif
