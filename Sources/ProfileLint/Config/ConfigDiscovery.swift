import Foundation

/// Finds the `.profilelint.yml` that governs a directory: the first one found in the
/// directory itself or any of its parents, up to the file-system root.
package enum ConfigDiscovery {
    /// The configuration file path for `directory` (relative when `directory` is), or nil.
    package static func find(from directory: String) -> String? {
        var absolute = PathText.absolute(directory)
        var display = directory
        while true {
            for name in Configuration.fileNames {
                var isDirectory: ObjCBool = false
                let candidate = PathText.join(absolute, name)
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return PathText.join(display, name)
                }
            }
            if absolute == "/" { return nil }
            absolute = PathText.directory(of: absolute)
            display = PathText.join(display, "..")
        }
    }
}
