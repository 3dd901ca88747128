import Foundation

/// Expands shell-style path patterns: `*`, `?` and `[...]` within one path component
/// (never matching `/` or a leading `.`), and `**` for any number of directories.
package enum PathGlob {
    /// Whether `pattern` contains a wildcard.
    static func hasWildcards(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The regular files `pattern` names, sorted; a pattern without wildcards yields
    /// itself when it is an existing file.
    static func expand(_ pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/").map(String.init)
        var results = Set<String>()
        walk(prefix: absolute ? "/" : "", components: components[...], into: &results)
        return results.sorted()
    }

    private static func walk(prefix: String, components: ArraySlice<String>, into results: inout Set<String>) {
        let here = prefix.isEmpty ? "." : prefix
        guard let component = components.first else {
            var isDirectory: ObjCBool = false
            if !prefix.isEmpty, FileManager.default.fileExists(atPath: here, isDirectory: &isDirectory), !isDirectory.boolValue {
                results.insert(PathText.normalize(prefix))
            }
            return
        }
        let rest = components.dropFirst()
        if component == "**" {
            walk(prefix: prefix, components: rest, into: &results)
            for child in children(of: here) where isDirectory(join(prefix, child)) {
                walk(prefix: join(prefix, child), components: components, into: &results)
            }
        } else if hasWildcards(component) {
            for child in children(of: here) where matches(component, child) {
                walk(prefix: join(prefix, child), components: rest, into: &results)
            }
        } else {
            walk(prefix: join(prefix, component), components: rest, into: &results)
        }
    }

    /// Whether one path component `name` matches `pattern` (no `/`, no leading-dot match by wildcards).
    package static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, FNM_PERIOD) == 0
    }

    private static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : (prefix.hasSuffix("/") ? prefix + name : prefix + "/" + name)
    }

    private static func children(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Whether `path` names a directory.
    package static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
