import Yams

/// Parses YAML through Yams (`Yams.compose`, libyaml underneath) into a `Node` tree
/// with exact source ranges.
///
/// What libyaml leaves to us, and how it is handled:
/// - Marks give only a node's start (line, column in Unicode scalars; libyaml also
///   breaks lines at U+0085, U+2028 and U+2029, so marks map through `YAMLMarkTable`).
///   Scalar ends and value-to-source segments come from `YAMLScalarScanner`.
/// - Yams composes recursively and libyaml stops only at 1,000 levels, so
///   `DocumentLoader` runs this parser on a large stack; the `LoadLimits.maxDepth`
///   bound is then applied, located, while converting.
/// - Yams throws on a repeated key and names only the first occurrence. The loader
///   masks that key (same bytes per character, so marks do not move) and composes
///   again, then reports each repetition at the repeated key itself.
/// - Aliases come back as the anchored node, shared, so an alias bomb costs Yams
///   nothing; converting expands it, bounded by `LoadLimits.maxNodes`.
enum YAMLDocumentParser {
    /// How many repeated keys are masked and re-parsed before giving up.
    static let maxMaskedKeys = 32

    static func parse(_ file: SourceFile, limits: LoadLimits) throws(LoadError) -> LoadedDocument {
        try checkCharacters(file)
        return try compose(file, limits: limits)
    }

    /// libyaml accepts only printable characters (YAML 1.1 §5.1): report the first other one.
    static func checkCharacters(_ file: SourceFile) throws(LoadError) {
        var offset = 0
        for scalar in file.text.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0x7E).contains(value)
                || value == 0x85 || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
                || value >= 0x10000
            if !allowed {
                let hex = String(value, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                throw LoadError("control character \(name) is not allowed in YAML",
                                range: ByteRange(offset, offset + scalar.utf8.count), kind: .encoding)
            }
            offset += scalar.utf8.count
        }
    }

    /// Yams' default encoding, read once per process: `Parser.Encoding.default` asks
    /// `ProcessInfo` for the whole environment (a new dictionary of every variable) each time.
    /// (Yams' enum is not `Sendable`, so the choice is kept as a flag.)
    private static let readsUTF16 = Parser.Encoding.default == .utf16
    private static var encoding: Parser.Encoding { readsUTF16 ? .utf16 : .utf8 }

    /// Composes (masking repeated keys as needed) and converts the document.
    static func compose(_ file: SourceFile, limits: LoadLimits) throws(LoadError) -> LoadedDocument {
        if let problem = YAMLPreScan.firstProblem(in: file.bytes) {
            throw LoadError(problem.message(in: file), range: characterRange(in: file.bytes, at: problem.offset))
        }
        var working = file.bytes
        let textStart = SourceFile.byteOrderMarkLength(file.bytes)
        let marks = YAMLMarkTable(bytes: file.bytes)
        var maskedKeys: [Int: String] = [:]
        var attempt = 0
        while true {
            do {
                let text = String(decoding: working[textStart...], as: UTF8.self)
                // The basic resolver (no rules) spares Yams a regex match per map key when
                // it looks for repeated keys; types are resolved later, by `YAMLConverter`.
                // Nothing is constructed from the nodes, so an empty constructor spares building
                // Yams' default tables (about a millisecond, once per process).
                guard let root = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), encoding), !root.isEmptyDocument else {
                    return LoadedDocument(root: nil, problems: [])
                }
                var converter = YAMLConverter(file: file, bytes: working, marks: marks, maskedKeys: maskedKeys,
                                              limits: limits, hasAliases: working.contains(UInt8(ascii: "*")))
                let node = try converter.convert(root, depth: 1, blockIndent: -1)
                return LoadedDocument(root: node, problems: converter.problems,
                                      unscannedScalars: converter.unscannedScalars)
            } catch let error as LoadError {
                throw error
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                let offset = marks.offset(of: context.mark)
                attempt += 1
                guard attempt <= maxMaskedKeys,
                      let range = maskableKeyRange(in: working, at: offset) else {
                    throw LoadError("duplicate key '\(keys.first ?? "")'",
                                    range: ByteRange(offset, offset), kind: .duplicateKey)
                }
                if maskedKeys[offset] == nil {
                    // A quoted key is decoded with its quotes.
                    let isQuoted = range.lowerBound > 0 && [0x22, 0x27].contains(file.bytes[range.lowerBound - 1])
                    let written = isQuoted ? (range.lowerBound - 1)..<(range.upperBound + 1) : range
                    let original = String(decoding: file.bytes[written], as: UTF8.self)
                    maskedKeys[offset] = (try? Yams.compose(yaml: original, .basic, Constructor([:], [:], [:]), encoding))?.string ?? original
                }
                mask(&working, range: range, attempt: attempt)
            } catch {
                throw loadError(from: error, file: file, marks: marks, limits: limits)
            }
        }
    }

    // MARK: Repeated keys

    /// The bytes of the key that starts at `offset` which masking may overwrite:
    /// a plain key's text or a quoted key's inside. Nil for keys it cannot mask
    /// (complex keys, collections as keys).
    static func maskableKeyRange(in bytes: [UInt8], at offset: Int) -> Range<Int>? {
        guard offset < bytes.count else { return nil }
        let start = YAMLConverter.skipProperties(in: bytes, from: offset)
        guard start < bytes.count else { return nil }
        let first = bytes[start]
        if first == 0x22 || first == 0x27 {
            var index = start + 1
            while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
                if first == 0x22, bytes[index] == 0x5C {
                    index += 2
                    continue
                }
                if bytes[index] == first {
                    if first == 0x27, index + 1 < bytes.count, bytes[index + 1] == 0x27 {
                        index += 2
                        continue
                    }
                    return start + 1 < index ? (start + 1)..<index : nil
                }
                index += 1
            }
            return nil
        }
        guard !"?[{-!&*|>%@`".utf8.contains(first) else { return nil }
        var end = start
        var index = start
        func isSpace(_ position: Int) -> Bool {
            position >= bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position])
        }
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
            let byte = bytes[index]
            if byte == 0x3A, isSpace(index + 1) || ",]}".utf8.contains(bytes[index + 1]) { break }
            if byte == 0x23, index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { break }
            if ",]}".utf8.contains(byte) { break }
            index += 1
            if byte != 0x20, byte != 0x09 { end = index }
        }
        return start < end ? start..<end : nil
    }

    /// Overwrites each character in `range` with another of the same UTF-8 length,
    /// so that libyaml's marks stay where they were. `attempt` varies the letters.
    static func mask(_ bytes: inout [UInt8], range: Range<Int>, attempt: Int) {
        var index = range.lowerBound
        var position = 0
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        while index < range.upperBound {
            let length = min(SourceFile.sequenceLength(bytes[index]), range.upperBound - index)
            let seed = UInt32(attempt * 7 + position * 13)
            let replacement: [UInt8]
            switch length {
            // Latin-1 letters, CJK ideographs, CJK extension B: all plain-scalar safe.
            case 2: replacement = utf8(0xC0 + seed % 0x3F)
            case 3: replacement = utf8(0x4E00 + seed % 0x5000)
            case 4: replacement = utf8(0x20000 + seed % 0xA000)
            default: replacement = [letters[Int(seed) % letters.count]]
            }
            bytes.replaceSubrange(index..<index + length, with: replacement)
            index += length
            position += 1
        }
    }

    /// The UTF-8 encoding of a code point above U+007F (two to four bytes).
    static func utf8(_ value: UInt32) -> [UInt8] {
        if value < 0x800 {
            return [UInt8(0xC0 | (value >> 6)), UInt8(0x80 | (value & 0x3F))]
        }
        if value < 0x10000 {
            return [UInt8(0xE0 | (value >> 12)), UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F))]
        }
        return [UInt8(0xF0 | (value >> 18)), UInt8(0x80 | ((value >> 12) & 0x3F)),
                UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F))]
    }

    // MARK: Errors

    /// A located error for anything Yams throws.
    static func loadError(from error: any Error, file: SourceFile, marks: YAMLMarkTable,
                          limits: LoadLimits) -> LoadError {
        let context: YamlError.Context?
        let problem: String
        let mark: Mark
        switch error {
        case YamlError.scanner(let errorContext, let errorProblem, let errorMark, _),
             YamlError.parser(let errorContext, let errorProblem, let errorMark, _),
             YamlError.composer(let errorContext, let errorProblem, let errorMark, _):
            (context, problem, mark) = (errorContext, errorProblem, errorMark)
        case YamlError.reader(let errorProblem, _, _, _):
            return LoadError("cannot read YAML: \(errorProblem)", range: ByteRange(0, 0), kind: .encoding)
        default:
            return LoadError("cannot parse YAML: \(error)", range: ByteRange(0, 0))
        }
        let offset = marks.offset(of: mark)
        if problem.hasPrefix("Maximum nesting level") {
            let place = flowNestingOffset(in: file.bytes, beyond: limits.maxDepth) ?? offset
            return LoadError(DocumentLoader.depthMessage(limits), range: characterRange(in: file.bytes, at: place), kind: .depth)
        }
        if problem == "found undefined alias" {
            var end = offset + 1
            while end < file.bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x5D, 0x7D].contains(file.bytes[end]) { end += 1 }
            let name = String(decoding: file.bytes[min(offset, end)..<end], as: UTF8.self)
            return LoadError("syntax error: alias \(name) refers to no anchor defined before it", range: ByteRange(offset, end))
        }
        if problem == "but found another document" {
            return LoadError("syntax error: a second YAML document starts here; a file holds one document",
                             range: characterRange(in: file.bytes, at: offset))
        }
        var message = "syntax error: \(problem)"
        if offset < file.bytes.count, file.bytes[offset] == 0x09 {
            message += " (a tab: YAML indents with spaces only)"
        }
        var notes: [Note] = []
        if let context, marks.offset(of: context.mark) != offset {
            let contextOffset = marks.offset(of: context.mark)
            message += " (\(context.text) at \(file.position(ofByte: contextOffset)))"
            notes.append(Note(context.text, range: characterRange(in: file.bytes, at: contextOffset)))
        }
        return LoadError(message, range: characterRange(in: file.bytes, at: offset), kind: .syntax, notes: notes)
    }

    /// The range of the character at `offset` (empty at the end of the file or a line).
    static func characterRange(in bytes: [UInt8], at offset: Int) -> ByteRange {
        guard offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D else { return ByteRange(offset, offset) }
        return ByteRange(offset, min(bytes.count, offset + SourceFile.sequenceLength(bytes[offset])))
    }

    /// Where flow brackets (`[`, `{`) first nest deeper than `limit`, outside quotes
    /// and comments; used to place libyaml's own nesting error.
    static func flowNestingOffset(in bytes: [UInt8], beyond limit: Int) -> Int? {
        var depth = 0
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if open == 0x22, byte == 0x5C { index += 1 } else if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x23 {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if byte == 0x5B || byte == 0x7B {
                depth += 1
                if depth > limit { return index }
            } else if byte == 0x5D || byte == 0x7D {
                depth = max(0, depth - 1)
            }
            index += 1
        }
        return nil
    }
}

/// Maps libyaml marks (1-based line and column in Unicode scalars, lines also broken
/// by U+0085, U+2028 and U+2029, line 1 starting after a byte order mark) to byte offsets.
/// Long lines have checkpoints (`LineColumns`), so each lookup walks a bounded stretch.
struct YAMLMarkTable {
    let bytes: [UInt8]
    let lineStarts: [Int]
    let columns: LineColumns

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = SourceFile.lineStarts(of: bytes, unicodeBreaks: true)
        self.columns = LineColumns(bytes: bytes, lineStarts: lineStarts)
    }

    func offset(of mark: Mark) -> Int {
        guard mark.line >= 1 else { return lineStarts[0] }
        guard mark.line <= lineStarts.count else { return bytes.count }
        let start = lineStarts[mark.line - 1]
        let end = mark.line < lineStarts.count ? lineStarts[mark.line] : bytes.count
        let checkpoint = columns.checkpoint(line: mark.line - 1, lineStart: start, atOrBeforeColumns: mark.column - 1, unit: .scalars)
        return SourceFile.advance(in: bytes, from: ByteRange(checkpoint.byte, end), columns: mark.column - 1 - checkpoint.scalars, unit: .scalars)
    }
}

private extension Yams.Node {
    /// A document with nothing in it (`---` alone) composes to an empty plain scalar.
    var isEmptyDocument: Bool {
        if case .scalar(let scalar) = self { return scalar.string.isEmpty && scalar.style == .plain }
        return false
    }
}
