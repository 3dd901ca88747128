/// Tells profiles from other YAML and JSON files found while walking directories
/// (`package.json`, `docker-compose.yml`, CI workflows): a profile is a document whose top
/// level is a map with at least one key of the profile format (`title`, `overview`,
/// `skills`, ...). A file that does not parse counts as a profile, so a broken profile is
/// reported rather than skipped; `exclude:` is the way to leave such files out.
package enum ProfileDetector {
    package static func isProfile(_ file: SourceFile) -> Bool {
        opensWithProfileKey(file.bytes, format: DocumentFormat(path: file.path)) || parsesAsProfile(file)
    }

    /// The test itself: the document parsed.
    static func parsesAsProfile(_ file: SourceFile) -> Bool {
        let document: LoadedDocument
        do {
            document = try DocumentLoader.read(file, format: DocumentFormat(path: file.path))
        } catch {
            return true
        }
        guard let root = document.root else { return false }  // Empty: nothing to lint.
        guard let entries = root.map else { return false }
        return entries.contains { keys.contains($0.key) }
    }

    static let keys = Set(ProfileSchema.profile.keys)

    /// Whether the document's first content is a profile key opening a top-level map: in
    /// YAML, a plain `key:` at column 0 after nothing but blank and comment lines; in JSON,
    /// the first key of the root object. Then the document is a map with that key, or does
    /// not parse: a profile either way, known without parsing it (a warm lint's directory
    /// walk parsed every profile before). False means "parse it and see".
    static func opensWithProfileKey(_ bytes: [UInt8], format: DocumentFormat) -> Bool {
        let key: ArraySlice<UInt8>?
        switch format {
        case .yaml: key = firstYAMLKey(bytes)
        case .json: key = firstJSONKey(bytes)
        }
        return key.map { keys.contains(String(decoding: $0, as: UTF8.self)) } ?? false
    }

    /// The key of a first content line `key:` (lowercase letters and `_`, then `:` and a
    /// space or the line's end), unindented, after lines that are blank or comments in plain
    /// ASCII (YAML 1.1 also breaks lines at a lone CR and at NEL, LS and PS); nil otherwise.
    private static func firstYAMLKey(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var line = 0
        while line < bytes.count {
            let end = bytes[line...].firstIndex(of: newline) ?? bytes.count
            var index = line
            while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            if index == end || bytes[index] == carriageReturn || bytes[index] == UInt8(ascii: "#") {
                // Blank or a comment: skipped only when no other line break can hide in it.
                for position in index..<end where bytes[position] >= 0x80
                    || (bytes[position] == carriageReturn && position + 1 != end) { return nil }
                line = end + 1
                continue
            }
            guard index == line else { return nil }
            var keyEnd = index
            while keyEnd < end, bytes[keyEnd] == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[keyEnd]) {
                keyEnd += 1
            }
            guard keyEnd > index, keyEnd < end, bytes[keyEnd] == UInt8(ascii: ":") else { return nil }
            let next = keyEnd + 1
            guard next == end || bytes[next] == UInt8(ascii: " ") || (bytes[next] == carriageReturn && next + 1 == end) else { return nil }
            return bytes[index..<keyEnd]
        }
        return nil
    }

    /// The first key of a root object, when it is written without escapes; nil otherwise.
    private static func firstJSONKey(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        func skipSpace(_ index: inout Int) {
            while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index]) {
                index += 1
            }
        }
        var index = 0
        skipSpace(&index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        skipSpace(&index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "\"")),
              !bytes[start..<close].contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else { return nil }
        index = close + 1
        skipSpace(&index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        return bytes[start..<close]
    }
}
