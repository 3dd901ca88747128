import Foundation
import ProfileLint

/// The example job-post corpus `suggest` falls back on: `examples/jobs` of the source tree the
/// binary was built in, or `share/profilelint/examples/jobs` of the prefix it is installed under
/// (`scripts/install.sh` copies it there). A binary copied alone has none.
enum ShippedCorpus {
    static func directory() -> String? {
        guard let executable = executablePath() else { return nil }
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["share/profilelint/examples/jobs", "examples/jobs"] {
                let path = url.appendingPathComponent(candidate).path
                if PathGlob.isDirectory(path) { return path }
            }
            url = url.deletingLastPathComponent()
        }
        return nil
    }

    /// The running executable (through `/proc/self/exe` on Linux, so a symlink or a bare name
    /// found on `PATH` leads to the real file).
    private static func executablePath() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
    }
}
