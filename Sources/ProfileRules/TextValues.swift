import ProfileModel

/// A text scalar a check looks at: its concrete field path, node and value.
/// Offsets into `text` are UTF-8 offsets; `sourceRange` maps them to the file.
package struct TextValue: Sendable {
    package var path: String
    package var node: Node
    package var scalar: Scalar

    package var text: String { scalar.text }

    /// The source range of the value bytes `valueRange` (the exact substring where the
    /// scalar stands verbatim in the file, else the whole scalar).
    func sourceRange(_ valueRange: Range<Int>) -> ByteRange {
        scalar.spans.sourceRange(valueRange)
    }

    /// The source range of `valueRange` only when the file holds exactly those bytes
    /// there (no escapes, quotes or folding in between), so an edit of that range
    /// changes just that part of the value. Nil otherwise.
    func verbatimSourceRange(_ valueRange: Range<Int>, in file: SourceFile) -> ByteRange? {
        let range = sourceRange(valueRange)
        guard range.count == valueRange.count, range.upperBound <= file.bytes.count,
              valueRange.lowerBound >= 0, valueRange.upperBound <= text.utf8.count else { return nil }
        // Index the UTF-8 view (constant time for native strings) rather than copy the whole value per call.
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: valueRange.lowerBound)
        let upper = utf8.index(lower, offsetBy: valueRange.count)
        return file.bytes[range.lowerBound..<range.upperBound].elementsEqual(utf8[lower..<upper]) ? range : nil
    }

    /// The value's range without surrounding whitespace, as UTF-8 offsets.
    var trimmedValueRange: Range<Int> {
        let utf8 = Array(text.utf8)
        var start = 0
        var end = utf8.count
        while start < end, Self.isASCIIWhitespace(utf8[start]) { start += 1 }
        while end > start, Self.isASCIIWhitespace(utf8[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The value without surrounding whitespace.
    var trimmedText: String {
        String(decoding: Array(text.utf8)[trimmedValueRange], as: UTF8.self)
    }

    /// The UTF-8 range of the first `count` characters (extended grapheme clusters) of the
    /// value without its leading whitespace (all of it when it is shorter).
    func leadingRange(characters count: Int) -> Range<Int> {
        let trimmed = trimmedValueRange
        let content = trimmedText
        let end = content.index(content.startIndex, offsetBy: count, limitedBy: content.endIndex) ?? content.endIndex
        return trimmed.lowerBound..<(trimmed.lowerBound + content.utf8.distance(from: content.startIndex, to: end))
    }

    /// The source range of the value's text without surrounding whitespace.
    var contentSourceRange: ByteRange {
        let trimmed = trimmedValueRange
        return trimmed.isEmpty ? node.range : sourceRange(trimmed)
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

extension ProfileSection {
    /// The text scalars under `fields` (a field naming a list yields its scalar items).
    /// With no fields: every text scalar of the section; the general profile leaves out
    /// `specialized_profiles`, which are sections of their own.
    package func textValues(_ fields: [FieldPath]) -> [TextValue] {
        var found: [TextValue] = []
        if fields.isEmpty {
            for entry in node.map ?? [] where !(kind == .profile && entry.key == "specialized_profiles") {
                collectText(entry.value, path: fullPath(entry.key), into: &found)
            }
        } else {
            for field in fields {
                for value in values(at: field) {
                    collectText(value.node, path: value.path, into: &found)
                }
            }
        }
        return found
    }

    private func collectText(_ node: Node, path: String, into found: inout [TextValue]) {
        switch node.value {
        case .scalar(let scalar):
            if scalar.type != .null, scalar.type != .boolean {
                found.append(TextValue(path: path, node: node, scalar: scalar))
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                collectText(item, path: "\(path)[\(index)]", into: &found)
            }
        case .map(let entries):
            for entry in entries {
                collectText(entry.value, path: "\(path).\(entry.key)", into: &found)
            }
        }
    }
}
