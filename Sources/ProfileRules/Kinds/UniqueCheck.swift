import ProfileModel
import ProfileText

/// `unique`: a list has no item twice after normalization. Items compare by
/// `SkillAliases.normalizedKey` of their canonical name (the rule directories' alias
/// table, when there is one), so `ReactJS`, `React.js` and `react` are one item, and so
/// are `Google AdWords` and `Google Ads` when the table says so.
///
/// Each later duplicate is a finding with a note at the first occurrence and a fix that
/// deletes the duplicate with its separator: `, item` in a flow list (`[a, b, a]`, also
/// JSON arrays) or the whole `- item` line in a block list. When the text around the
/// item is not plain enough to delete safely (comments between items, more content on
/// the line), the finding has no fix. `{canonical}` is the alias table's name for the
/// skill, or the first occurrence as written when the table does not know it.
public struct UniqueCheck: CheckKind {
    public static let name = "unique"
    public static let summary = "A list has no item twice after skill-alias normalization."
    package static let parameters: [ParameterSpec] = []
    public static let needsField = true
    public static let argumentNames = ["item", "first", "canonical", "duplicate"]

    let fields: [FieldPath]

    public init(rule: Rule) throws(RuleFileError) {
        fields = rule.fields
    }

    public func check(_ section: ProfileSection, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for field in fields {
            for value in section.values(at: field) {
                guard let items = value.node.list else { continue }
                var firstByKey: [String: Int] = [:]
                for (index, item) in items.enumerated() {
                    guard let scalar = item.scalar, scalar.type != .null else { continue }
                    let canonical = context.skillAliases?.canonical(for: scalar.text)
                    let key = SkillAliases.normalizedKey(canonical ?? scalar.text)
                    if key.isEmpty { continue }
                    guard let first = firstByKey[key] else {
                        firstByKey[key] = index
                        continue
                    }
                    let firstText = items[first].string ?? ""
                    let position = context.file.position(ofByte: items[first].range.lowerBound)
                    let fixes = Self.deletion(of: index, in: items, file: context.file).map {
                        [Fix(description: "Remove the duplicate '\(scalar.text)'", edits: [$0])]
                    } ?? []
                    findings.append(Finding(
                        range: item.range, fieldPath: "\(value.path)[\(index)]",
                        arguments: ["item": scalar.text, "first": firstText, "canonical": canonical ?? firstText,
                                    // An exact repeat is not "the same skill as" itself.
                                    "duplicate": scalar.text == firstText ? "listed twice" : "the same skill as '\(firstText)'"],
                        notes: [Note("'\(firstText)' is listed first here (line \(position.line))", range: items[first].range)],
                        fixes: fixes))
                }
            }
        }
        return findings
    }

    /// The edit that removes item `index` (not the first) and its separator, or nil when
    /// the surrounding text is not a plain list layout.
    static func deletion(of index: Int, in items: [Node], file: SourceFile) -> TextEdit? {
        guard index > 0 else { return nil }
        let bytes = file.bytes
        let item = items[index].range
        let previous = items[index - 1].range
        guard previous.upperBound <= item.lowerBound, item.upperBound <= bytes.count else { return nil }

        // Block list: `- ` starts the item's line.
        var dash = item.lowerBound - 1
        while dash >= 0, bytes[dash] == 0x20 || bytes[dash] == 0x09 { dash -= 1 }
        if dash >= 0, bytes[dash] == UInt8(ascii: "-") {
            let lineIndex = file.lineIndex(ofByte: item.lowerBound)
            let line = file.lineContentRange(lineIndex)
            let beforeDash = bytes[line.lowerBound..<dash]
            let afterItem = bytes[item.upperBound..<line.upperBound]
            guard beforeDash.allSatisfy({ $0 == 0x20 || $0 == 0x09 }),
                  afterItem.allSatisfy({ $0 == 0x20 || $0 == 0x09 }),
                  file.lineIndex(ofByte: item.upperBound) == lineIndex else { return nil }
            if lineIndex + 1 < file.lineStarts.count {
                return TextEdit(range: ByteRange(line.lowerBound, file.lineStarts[lineIndex + 1]), replacement: "")
            }
            // The last line of a file without a final newline: take the newline before it.
            let previousLineEnd = file.lineContentRange(lineIndex - 1).upperBound
            return TextEdit(range: ByteRange(previousLineEnd, line.upperBound), replacement: "")
        }

        // Flow list: only spaces, line breaks and one comma between the two items.
        let between = bytes[previous.upperBound..<item.lowerBound]
        guard between.filter({ $0 == UInt8(ascii: ",") }).count == 1,
              between.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ",")].contains($0) }) else { return nil }
        return TextEdit(range: ByteRange(previous.upperBound, item.upperBound), replacement: "")
    }
}
