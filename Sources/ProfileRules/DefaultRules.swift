import Foundation

/// Finds the default rule pack (`rules/` of the repository or an installed copy).
public enum DefaultRules {
    /// `PROFILELINT_RULES` if set; else a `rules` directory (or `share/profilelint/rules`)
    /// found walking up from the executable's directory.
    public static func directory(executablePath: String = CommandLine.arguments[0]) -> String? {
        if let override = ProcessInfo.processInfo.environment["PROFILELINT_RULES"], !override.isEmpty {
            return override
        }
        var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            for candidate in ["rules", "share/profilelint/rules"] {
                let path = url.appendingPathComponent(candidate).path
                if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("skills-limit.yml")) {
                    return path
                }
            }
            url = url.deletingLastPathComponent()
        }
        return nil
    }
}
