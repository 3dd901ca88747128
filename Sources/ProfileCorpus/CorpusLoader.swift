import Foundation
import ProfileModel

/// The syntax of one corpus file, from its extension (SPEC §1.2).
public enum CorpusFormat: String, Sendable, CaseIterable {
    case yaml, json, jsonl, csv, tsv, markdown

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "md", "markdown", "txt": self = .markdown
        default: return nil
        }
    }
}

/// One corpus file read into memory.
public struct CorpusFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The posts of a corpus after de-duplication, and the problems met while reading it.
public struct LoadedPosts: Sendable {
    public var posts: [JobPost]
    public var issues: [CorpusIssue]
    /// Posts dropped as duplicates of an earlier post.
    public var duplicates: Int
}

/// Finds corpus files, reads every format into `JobPost`s (in parallel, deterministically),
/// and drops duplicates: same id, same url, or same normalized title + description.
public enum CorpusLoader {
    /// The corpus files under `paths`, sorted: a file is taken as is (its extension must be a
    /// corpus format); a directory is searched recursively for corpus files, skipping hidden
    /// entries (such as `.profilelint-cache`).
    public static func filePaths(_ paths: [String]) throws(CorpusError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CorpusError("corpus path '\(path)' does not exist")
            }
            if !isDirectory.boolValue {
                guard CorpusFormat(path: path) != nil else {
                    throw CorpusError("corpus file '\(path)' has an unsupported extension (use .yaml, .yml, .json, .jsonl, .ndjson, .csv, .tsv, .md or .txt)")
                }
                result.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(
                at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]) else {
                throw CorpusError("cannot read the corpus directory '\(path)'")
            }
            let base = URL(fileURLWithPath: path).standardizedFileURL.path
            var found: [String] = []
            for case let url as URL in enumerator where CorpusFormat(path: url.path) != nil {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                // Keep the user's spelling of the directory in reported paths.
                let full = url.standardizedFileURL.path
                let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
                found.append((path as NSString).appendingPathComponent(relative))
            }
            result += found.sorted()
        }
        return result
    }

    /// Reads the files' bytes (in order); an unreadable file is an error.
    public static func read(_ paths: [String]) throws(CorpusError) -> [CorpusFile] {
        var files: [CorpusFile] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CorpusError("cannot read corpus file '\(path)'")
            }
            files.append(CorpusFile(path: path, bytes: Array(data)))
        }
        return files
    }

    /// Parses every file (in parallel), maps the posts to fields and content keys (in parallel
    /// chunks) and drops duplicates, in file order. Issues are sorted by file order, then line.
    public static func load(_ files: [CorpusFile], mapper: PostFieldMapper, workers: Int = ParallelMap.workers) -> LoadedPosts {
        let perFile = ParallelMap.map(files, workers: workers) { file in rawPosts(file) }
        let raws = perFile.flatMap(\.posts)
        let mapped = ParallelMap.chunks(count: raws.count, workers: workers) { range in
            range.map { index -> (post: JobPost?, key: ContentKey?, issues: [CorpusIssue]) in
                let (post, issues) = mapper.post(from: raws[index])
                return (post, post.map(ContentKey.init), issues)
            }
        }.flatMap { $0 }
        var posts: [JobPost] = []
        var issues: [CorpusIssue] = []
        var seenIDs = Set<String>(), seenURLs = Set<String>(), seenContent = Set<ContentKey>()
        var duplicates = 0
        var next = 0
        for parsed in perFile {
            let range = next..<(next + parsed.posts.count)
            next = range.upperBound
            var fileIssues = parsed.issues + mapped[range].flatMap(\.issues)
            let filePosts = mapped[range].compactMap { entry in entry.post.flatMap { post in entry.key.map { (post, $0) } } }
            let trustIDs = idsAreDistinct(filePosts, issues: &fileIssues)
            issues += fileIssues.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset) < ($1.element.location.line, $1.element.location.column, $1.offset)
            }.map(\.element)
            for (post, content) in filePosts {
                let id = trustIDs ? post.id : nil
                let url = post.url.map(normalizedURL)
                let isDuplicate = seenContent.contains(content) || id.map(seenIDs.contains) == true
                    || url.map(seenURLs.contains) == true
                seenContent.insert(content)
                if let id { seenIDs.insert(id) }
                if let url { seenURLs.insert(url) }
                if isDuplicate {
                    duplicates += 1
                } else {
                    posts.append(post)
                }
            }
        }
        return LoadedPosts(posts: posts, issues: issues, duplicates: duplicates)
    }

    /// Whether the ids of one file name posts: scraped files sometimes hold truncated ids
    /// (`~01`) shared by different posts. Then the file's ids are not used to find duplicates,
    /// and one warning says so.
    static func idsAreDistinct(_ posts: [(JobPost, ContentKey)], issues: inout [CorpusIssue]) -> Bool {
        var contentByID: [String: ContentKey] = [:]
        var sharing: [String: Int] = [:]
        var firstConflict: JobPost?
        for (post, content) in posts {
            guard let id = post.id else { continue }
            if let known = contentByID[id] {
                if known != content {
                    sharing[id, default: 1] += 1
                    if firstConflict == nil { firstConflict = post }
                }
            } else {
                contentByID[id] = content
            }
        }
        guard let conflict = firstConflict, let worst = sharing.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return true }
        issues.append(CorpusIssue(conflict.location,
            "id '\(conflict.id ?? "")' is shared by posts with different text (id '\(worst.key)' by \(worst.value) posts); ids in this file are not used to find duplicates"))
        return false
    }

    /// `https://host/path/?query#fragment` → `host/path` (case of the path kept).
    static func normalizedURL(_ url: String) -> String {
        var text = Substring(url.trimmingSpaces)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text.lowercased().hasPrefix("www.") ? String(text.dropFirst(4)) : String(text)
    }

    // MARK: - Formats

    struct Parsed: Sendable {
        var posts: [RawPost] = []
        var issues: [CorpusIssue] = []
    }

    /// The raw posts of one file, before field mapping.
    static func rawPosts(_ file: CorpusFile) -> Parsed {
        guard let format = CorpusFormat(path: file.path) else { return Parsed() }
        var parsed = Parsed()
        if file.bytes.isEmpty || file.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            parsed.issues.append(CorpusIssue(PostLocation(path: file.path, line: 1), "corpus file is empty; no posts read"))
            return parsed
        }
        let raws: [RawPost]
        switch format {
        case .csv: raws = table(file, delimiter: UInt8(ascii: ","), issues: &parsed.issues)
        case .tsv: raws = table(file, delimiter: UInt8(ascii: "\t"), issues: &parsed.issues)
        case .jsonl: raws = jsonLines(file, issues: &parsed.issues)
        case .json: raws = json(file, issues: &parsed.issues)
        case .yaml: raws = document(SourceFile(path: file.path, bytes: file.bytes), format: .yaml, issues: &parsed.issues)
        case .markdown: raws = markdown(file, issues: &parsed.issues)
        }
        parsed.posts = raws
        return parsed
    }

    static func table(_ file: CorpusFile, delimiter: UInt8, issues: inout [CorpusIssue]) -> [RawPost] {
        let (records, problems) = CSVReader(delimiter: delimiter).records(file.bytes)
        issues += problems.map { CorpusIssue(PostLocation(path: file.path, line: $0.line, column: $0.column), $0.message) }
        guard let header = records.first else { return [] }
        let keys = header.fields.map { $0.trimmingSpaces }
        var raws: [RawPost] = []
        raws.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            let location = PostLocation(path: file.path, line: record.line)
            guard record.fields.count == keys.count else {
                issues.append(CorpusIssue(location, "row has \(record.fields.count) fields but the header has \(keys.count); row skipped"))
                continue
            }
            raws.append(RawPost(fields: zip(keys, record.fields).map { ($0, RawValue.text($1)) }, location: location))
        }
        return raws
    }

    static func jsonLines(_ file: CorpusFile, issues: inout [CorpusIssue]) -> [RawPost] {
        let source = SourceFile(path: file.path, bytes: file.bytes)
        var raws: [RawPost] = []
        for lineIndex in 0..<source.lineCount {
            let range = source.lineContentRange(lineIndex)
            let slice = file.bytes[range.lowerBound..<range.upperBound]
            guard slice.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            let location = PostLocation(path: file.path, line: lineIndex + 1)
            guard let object = try? JSONSerialization.jsonObject(with: Data(slice), options: [.fragmentsAllowed]) else {
                issues.append(CorpusIssue(location, "line is not valid JSON; post skipped"))
                continue
            }
            guard let map = object as? [String: Any] else {
                issues.append(CorpusIssue(location, "a JSON Lines post must be an object, not \(jsonTypeName(object)); post skipped"))
                continue
            }
            raws.append(RawPost(fields: rawFields(map), location: location))
        }
        return raws
    }

    /// JSON through Foundation's fast parser; posts are located by scanning the bytes for the
    /// start of each top-level item. A syntax error falls back to the located document loader.
    static func json(_ file: CorpusFile, issues: inout [CorpusIssue]) -> [RawPost] {
        let source = SourceFile(path: file.path, bytes: file.bytes)
        guard let object = try? JSONSerialization.jsonObject(with: Data(file.bytes), options: [.fragmentsAllowed]) else {
            let raws = document(source, format: .json, issues: &issues)
            if raws.isEmpty && !issues.contains(where: { $0.location.path == file.path }) {
                issues.append(CorpusIssue(PostLocation(path: file.path, line: 1), "file is not valid JSON; no posts read"))
            }
            return raws
        }
        let starts = JSONItemScanner.topLevelItemStarts(file.bytes)
        func location(_ index: Int?) -> PostLocation {
            let offset = index.flatMap { starts.indices.contains($0) ? starts[$0] : nil } ?? 0
            let position = source.position(ofByte: offset)
            return PostLocation(path: file.path, line: position.line, column: position.column)
        }
        let items: [Any]
        if let list = object as? [Any] {
            items = list
        } else if let map = object as? [String: Any], let list = postList(in: map) {
            // `{"jobs": [...]}`: item starts are those of the nested list; locate by the file start.
            return list.compactMap { item in
                guard let post = item as? [String: Any] else { return nil }
                return RawPost(fields: rawFields(post), location: location(nil))
            }
        } else {
            items = [object]
        }
        var raws: [RawPost] = []
        for (index, item) in items.enumerated() {
            let where_ = location(object is [Any] ? index : nil)
            guard let map = item as? [String: Any] else {
                issues.append(CorpusIssue(where_, "a job post must be an object, not \(jsonTypeName(item)); post skipped"))
                continue
            }
            raws.append(RawPost(fields: rawFields(map), location: where_))
        }
        return raws
    }

    /// A list of posts under a conventional key of a wrapper object.
    static func postList(in map: [String: Any]) -> [Any]? {
        for key in ["posts", "jobs", "items", "data", "results"] {
            if let list = map[key] as? [Any] { return list }
        }
        return nil
    }

    static func rawFields(_ map: [String: Any]) -> [(key: String, value: RawValue)] {
        map.keys.sorted().map { ($0, rawValue(map[$0] as Any)) }
    }

    static func rawValue(_ value: Any) -> RawValue {
        switch value {
        case let string as String: return .text(string)
        case let number as NSNumber:
            return String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let list as [Any]: return .list(list.map(rawValue))
        case let map as [String: Any]: return .map(map.keys.sorted().map { ($0, rawValue(map[$0] as Any)) })
        default: return .null
        }
    }

    static func jsonTypeName(_ value: Any) -> String {
        switch value {
        case is String: "a string"
        case is NSNumber: "a number"
        case is [Any]: "a list"
        case is NSNull: "null"
        default: "a value"
        }
    }

    /// YAML (or JSON that Foundation rejected) through `DocumentLoader`, with node positions.
    static func document(_ source: SourceFile, format: DocumentFormat, issues: inout [CorpusIssue]) -> [RawPost] {
        func location(_ range: ByteRange) -> PostLocation {
            let position = source.position(ofByte: range.lowerBound)
            return PostLocation(path: source.path, line: position.line, column: position.column)
        }
        let root: Node
        do {
            guard let node = try DocumentLoader.load(source, format: format) else { return [] }
            root = node
        } catch {
            issues.append(CorpusIssue(location(error.range), "\(error.message); no posts read from this file"))
            return []
        }
        var items: [Node]
        if let list = root.list {
            items = list
        } else if root.map != nil {
            items = [root]
            for key in ["posts", "jobs", "items", "data", "results"] {
                if let list = root[key]?.list { items = list; break }
            }
        } else {
            issues.append(CorpusIssue(location(root.range), "a corpus document must be a post (a map) or a list of posts, not \(root.typeDescription)"))
            return []
        }
        var raws: [RawPost] = []
        for item in items {
            guard let entries = item.map else {
                issues.append(CorpusIssue(location(item.range), "a job post must be a map, not \(item.typeDescription); post skipped"))
                continue
            }
            raws.append(RawPost(fields: entries.map { ($0.key, rawValue($0.value)) }, location: location(item.range)))
        }
        return raws
    }

    static func rawValue(_ node: Node) -> RawValue {
        switch node.value {
        case .scalar(let scalar):
            switch scalar.type {
            case .null: return .null
            case .integer, .float: return scalar.number.map(RawValue.number) ?? .text(scalar.text)
            case .boolean: return .bool(scalar.bool ?? false)
            case .string: return .text(scalar.text)
            }
        case .list(let items): return .list(items.map(rawValue))
        case .map(let entries): return .map(entries.map { ($0.key, rawValue($0.value)) })
        }
    }

    /// A Markdown or text post: optional YAML front matter (`---` lines) with any post fields,
    /// then the title (a `#` heading or the first non-empty line) and the description.
    static func markdown(_ file: CorpusFile, issues: inout [CorpusIssue]) -> [RawPost] {
        let source = SourceFile(path: file.path, bytes: file.bytes)
        var fields: [(key: String, value: RawValue)] = []
        var lineIndex = 0
        if source.lineText(1).trimmingSpaces == "---" {
            var end = 1
            while end < source.lineCount, source.lineText(end + 1).trimmingSpaces != "---" { end += 1 }
            if end >= source.lineCount {
                issues.append(CorpusIssue(PostLocation(path: file.path, line: 1), "front matter opened with '---' is never closed; post skipped"))
                return []
            }
            let frontStart = source.lineStarts[1], frontEnd = source.lineStarts[end]
            let front = SourceFile(path: file.path, bytes: Array(file.bytes[frontStart..<frontEnd]))
            do {
                if let node = try DocumentLoader.load(front, format: .yaml) {
                    guard let entries = node.map else {
                        issues.append(CorpusIssue(PostLocation(path: file.path, line: 2), "front matter must be a map of post fields; post skipped"))
                        return []
                    }
                    fields = entries.map { ($0.key, rawValue($0.value)) }
                }
            } catch {
                let position = front.position(ofByte: error.range.lowerBound)
                issues.append(CorpusIssue(PostLocation(path: file.path, line: position.line + 1, column: position.column),
                                          "front matter: \(error.message); post skipped"))
                return []
            }
            lineIndex = end + 1
        }
        var title: String?
        var titleLine = lineIndex + 1
        var body: [String] = []
        while lineIndex < source.lineCount {
            let line = source.lineText(lineIndex + 1)
            lineIndex += 1
            if title == nil {
                let trimmed = line.trimmingSpaces
                if trimmed.isEmpty { continue }
                title = trimmed.hasPrefix("#") ? String(trimmed.drop { $0 == "#" }).trimmingSpaces : trimmed
                titleLine = lineIndex
                continue
            }
            body.append(line)
        }
        if let title, !fields.contains(where: { PostFieldMapper.normalizeKey($0.key) == "title" }) {
            fields.append(("title", .text(title)))
        }
        fields.append(("description", .text(body.joined(separator: "\n"))))
        return [RawPost(fields: fields, location: PostLocation(path: file.path, line: titleLine))]
    }
}

/// A key for "same post": the case-folded, whitespace-collapsed title and description,
/// hashed to 128 bits (two independent 64-bit FNV-1a hashes) with their length.
struct ContentKey: Hashable, Sendable {
    var first: UInt64
    var second: UInt64
    var length: Int

    init(_ post: JobPost) {
        var hasher = StableHasher()
        var length = 0
        for part in [post.title, post.description] {
            var pendingSpace = false
            if part.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII: fold case and whitespace byte by byte.
                for byte in part.utf8 {
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = length > 0
                        continue
                    }
                    if pendingSpace { hasher.combine(0x20); length += 1; pendingSpace = false }
                    hasher.combine((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                    length += 1
                }
            } else {
                // The scalars of `part.lowercased()` (which lowercases scalar by scalar), without
                // building that string: ASCII directly, others through their lowercase mapping.
                func add(_ scalar: Unicode.Scalar) {
                    let isWhitespace = scalar.isASCII
                        ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
                    if isWhitespace {
                        pendingSpace = length > 0
                        return
                    }
                    if pendingSpace { hasher.combine(0x20); length += 1; pendingSpace = false }
                    UTF8.encode(scalar) { hasher.combine($0) }
                    length += 1
                }
                for scalar in part.unicodeScalars {
                    if scalar.isASCII {
                        add((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar)
                    } else {
                        for lowered in scalar.properties.lowercaseMapping.unicodeScalars { add(lowered) }
                    }
                }
            }
            hasher.combine(0x01)
        }
        first = hasher.first
        second = hasher.second
        self.length = length
    }
}

/// A deterministic 128-bit hash (two 64-bit FNV-1a lanes with different seeds and primes),
/// used for content keys and the cache key. Not cryptographic.
struct StableHasher: Sendable {
    private(set) var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var second: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func combine(_ byte: UInt8) {
        first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        second = (second ^ UInt64(byte)) &* 0x0000_0001_0000_01B3 &+ 0x9E37
    }

    mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { combine(byte) }
    }

    mutating func combine(_ text: String) {
        combine(bytes: text.utf8)
        combine(0)
    }

    /// 32 hex digits.
    var hex: String {
        func padded(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return padded(first) + padded(second)
    }
}

/// Finds where each item of a top-level JSON array starts (byte offsets), skipping strings.
enum JSONItemScanner {
    static func topLevelItemStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var depth = 0
        var inString = false
        var escaped = false
        var expectingItem = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if expectingItem && !isSpace && byte != UInt8(ascii: "]") {
                starts.append(offset)
                expectingItem = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 && byte == UInt8(ascii: "[") { expectingItem = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectingItem = true }
            default: break
            }
        }
        return starts
    }
}
