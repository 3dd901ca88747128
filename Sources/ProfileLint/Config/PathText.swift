import Foundation

/// Lexical path helpers that keep paths short and relative, so diagnostics show
/// `specialized/data.yaml` rather than an absolute path.
package enum PathText {
    /// `base` joined with `path` (kept as is when absolute), with `.` and `a/..` removed lexically.
    package static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") || base.isEmpty || base == "." { return normalize(path) }
        return normalize(base + "/" + path)
    }

    /// Removes empty and `.` components and folds `name/..`; keeps leading `..` of a relative path.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute, parts.isEmpty {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The directory part of `path` (`.` for a bare name).
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `path` made absolute against the current directory and normalized.
    package static func absolute(_ path: String, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        path.hasPrefix("/") ? normalize(path) : normalize(currentDirectory + "/" + path)
    }

    /// `path` relative to directory `base` (both made absolute first), using `..` where needed.
    package static func relative(_ path: String, to base: String,
                                currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let target = absolute(path, currentDirectory: currentDirectory).split(separator: "/")
        let origin = absolute(base, currentDirectory: currentDirectory).split(separator: "/")
        var common = 0
        while common < target.count, common < origin.count, target[common] == origin[common] { common += 1 }
        let ups = Array(repeating: Substring(".."), count: origin.count - common)
        let parts = ups + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
