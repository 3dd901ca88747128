import ProfileModel

/// A Markdown or text post: optional YAML front matter (`---` lines) with any post fields,
/// then the title (a `#` heading or the first non-empty line) and the description.
enum MarkdownPostReader {
    static func posts(_ file: CorpusFile, issues: inout [CorpusIssue]) -> [RawPost] {
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
                    fields = entries.map { ($0.key, DocumentPostReader.rawValue($0.value)) }
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
