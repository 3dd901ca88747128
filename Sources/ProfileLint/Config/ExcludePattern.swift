import Foundation

/// One gitignore-style pattern of `exclude:` (or `--exclude`), relative to a base directory:
///
/// - `*` and `?` match within one path component, `[abc]`/`[!a-z]` one character of a set;
/// - a pattern without `/` (other than a trailing one) matches a name at any depth
///   (`draft-*.yaml`, `node_modules/`); one with a `/` is anchored at the base (`/old`, `docs/*.yml`);
/// - `**` as a whole component matches any number of directories (`**/drafts`, `archive/**`);
/// - a trailing `/` matches directories only; a leading `!` includes again what an earlier
///   pattern excluded (not inside an excluded directory, as in gitignore).
package struct ExcludePattern: Sendable, Equatable {
    /// The pattern as written.
    package var written: String
    /// A leading `!`: the pattern includes again.
    var negated: Bool
    /// A trailing `/`: the pattern matches directories only.
    var directoryOnly: Bool
    /// The whole relative path, from the base, as a regular expression.
    let expression: String

    /// Why a pattern is not valid.
    package struct Invalid: Error, Sendable, Equatable {
        package var reason: String
    }

    package init(_ written: String) throws(Invalid) {
        self.written = written
        var body = Substring(written)
        negated = body.hasPrefix("!")
        if negated { body = body.dropFirst() }
        directoryOnly = body.hasSuffix("/")
        while body.hasSuffix("/") { body = body.dropLast() }
        guard !body.isEmpty else { throw Invalid(reason: "an exclude pattern must name something") }
        let anchored = body.contains("/")
        while body.hasPrefix("/") { body = body.dropFirst() }
        let components = body.split(separator: "/", omittingEmptySubsequences: false)
        var expression = anchored ? "" : "(?:.*/)?"
        for (index, component) in components.enumerated() {
            let isLast = index == components.count - 1
            if component == "**" {
                expression += isLast ? ".*" : "(?:.*/)?"
                continue
            }
            if component.contains("**") {
                throw Invalid(reason: "'**' must be a whole path component, as in '**/name' or 'name/**'")
            }
            if component.isEmpty { throw Invalid(reason: "an exclude pattern must not contain '//'") }
            expression += try Self.translate(component) + (isLast ? "" : "/")
        }
        self.expression = expression
    }

    /// One path component's wildcards as a regular expression.
    private static func translate(_ component: Substring) throws(Invalid) -> String {
        var result = ""
        var characters = component.makeIterator()
        while let character = characters.next() {
            switch character {
            case "*": result += "[^/]*"
            case "?": result += "[^/]"
            case "\\":
                guard let escaped = characters.next() else { throw Invalid(reason: "a pattern must not end with '\\'") }
                result += NSRegularExpression.escapedPattern(for: String(escaped))
            case "[":
                var set = ""
                var closed = false
                while let next = characters.next() {
                    if next == "]", !set.isEmpty { closed = true; break }
                    if next == "/" { break }
                    set.append(next)
                }
                guard closed else { throw Invalid(reason: "'[' opens a character set that is not closed with ']'") }
                if set.hasPrefix("!") { set = "^" + set.dropFirst() }
                result += "[" + set.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[") + "]"
            default: result += NSRegularExpression.escapedPattern(for: String(character))
            }
        }
        return result
    }

    /// Whether the pattern matches `relativePath` (from the base, `/`-separated).
    func matches(_ relativePath: String, isDirectory: Bool) -> Bool {
        if directoryOnly, !isDirectory { return false }
        return relativePath.range(of: "^(?:" + expression + ")$", options: .regularExpression) != nil
    }
}

/// Exclude patterns with the directory they are relative to: a configuration's `exclude:`
/// (its directory) or `--exclude` (the current directory).
package struct ExcludeRules: Sendable {
    /// The absolute base directory.
    var base: String
    var patterns: [ExcludePattern]

    package init(base: String, patterns: [ExcludePattern]) {
        self.base = PathText.absolute(base)
        self.patterns = patterns
    }

    /// Whether `path` (a file, or a directory when `isDirectory`) is excluded: it or one of
    /// its directories below the base matches, the last matching pattern deciding. Paths
    /// outside the base are never excluded.
    package func excludes(_ path: String, isDirectory: Bool) -> Bool {
        guard !patterns.isEmpty else { return false }
        let absolute = PathText.absolute(path)
        guard absolute.hasPrefix(base == "/" ? "/" : base + "/") else { return false }
        let parts = absolute.dropFirst(base == "/" ? 1 : base.count + 1).split(separator: "/")
        for end in parts.indices {
            let prefix = parts[...end].joined(separator: "/")
            let directory = end < parts.count - 1 || isDirectory
            if decision(prefix, isDirectory: directory) == true { return true }
        }
        return false
    }

    /// The last matching pattern's verdict for one path: true excluded, false included again, nil no match.
    private func decision(_ relativePath: String, isDirectory: Bool) -> Bool? {
        patterns.last { $0.matches(relativePath, isDirectory: isDirectory) }.map { !$0.negated }
    }
}
