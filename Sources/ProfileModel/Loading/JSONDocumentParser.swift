/// A strict RFC 8259 JSON parser producing `Node`s with exact ranges.
///
/// - Strings keep a `SpanMap` segment for each run of characters written as is;
///   every escape breaks the run (its value bytes map to the whole string).
/// - Numbers are `.integer` without fraction or exponent, `.float` otherwise, and
///   keep their text as written.
/// - A leading byte order mark is skipped (RFC 8259 §8.1 lets parsers ignore it).
/// - Errors name what was expected and sit on the offending character. A repeated
///   key is not fatal: it is reported, and both entries stay in the tree.
struct JSONDocumentParser {
    let bytes: [UInt8]
    let limits: LoadLimits
    let file: SourceFile
    var position: Int
    var problems: [LoadError] = []

    static func parse(_ file: SourceFile, limits: LoadLimits) throws(LoadError) -> LoadedDocument {
        var parser = JSONDocumentParser(bytes: file.bytes, limits: limits, file: file,
                                        position: SourceFile.byteOrderMarkLength(file.bytes))
        parser.skipWhitespace()
        if parser.atEnd { return LoadedDocument(root: nil, problems: []) }
        let root = try parser.value(depth: 1)
        parser.skipWhitespace()
        if !parser.atEnd {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the JSON value")
        }
        return LoadedDocument(root: root, problems: parser.problems)
    }

    // MARK: Reading

    var atEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// A phrase for the character at the position: "character 'x'", "the end of the file".
    func describeCurrent() -> String {
        guard position < bytes.count else { return "end of the file" }
        let length = min(SourceFile.sequenceLength(bytes[position]), bytes.count - position)
        let text = String(decoding: bytes[position..<position + length], as: UTF8.self)
        switch bytes[position] {
        case 0x0A, 0x0D: return "line break"
        case 0x09: return "tab"
        case 0x00..<0x20: return "control character U+00\(SourceFile.hex(bytes[position]).dropFirst(2))"
        default: return "character '\(text)'"
        }
    }

    /// An error located on the character at the position (or at `range`).
    func error(_ message: String, range: ByteRange? = nil, kind: LoadError.Kind = .syntax) -> LoadError {
        if let range { return LoadError(message, range: range, kind: kind) }
        let end = position < bytes.count ? min(bytes.count, position + SourceFile.sequenceLength(bytes[position])) : position
        return LoadError(message, range: ByteRange(position, end), kind: kind)
    }

    // MARK: Values

    mutating func value(depth: Int) throws(LoadError) -> Node {
        guard !atEnd else { throw error("unexpected end of the file; expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): return try literal("true", type: .boolean)
        case UInt8(ascii: "f"): return try literal("false", type: .boolean)
        case UInt8(ascii: "n"): return try literal("null", type: .null)
        default:
            throw error("unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func literal(_ word: String, type: Scalar.ScalarType) throws(LoadError) -> Node {
        let start = position
        let expected = Array(word.utf8)
        guard bytes[start...].starts(with: expected) else {
            var end = start
            while end < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end]) { end += 1 }
            let found = String(decoding: bytes[start..<max(end, start + 1)], as: UTF8.self)
            throw error("unexpected '\(found)'; expected a value (strings need double quotes)", range: ByteRange(start, max(end, start + 1)))
        }
        position += expected.count
        let range = ByteRange(start, position)
        return Node(.scalar(Scalar(text: word, type: type, spans: SpanMap(
            whole: range, segments: [.init(valueOffset: 0, sourceOffset: start, length: expected.count)]))), range: range)
    }

    mutating func number() throws(LoadError) -> Node {
        let start = position
        func digits(_ parser: inout JSONDocumentParser) -> Int {
            let first = parser.position
            while parser.position < parser.bytes.count,
                  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.position]) { parser.position += 1 }
            return parser.position - first
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("expected a digit after '-'") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw error("numbers cannot have leading zeros", range: ByteRange(integerStart, integerStart + 1))
        }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard digits(&self) > 0 else { throw error("expected a digit after the decimal point") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw error("expected a digit in the exponent") }
        }
        let range = ByteRange(start, position)
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return Node(.scalar(Scalar(text: text, type: isInteger ? .integer : .float, spans: SpanMap(
            whole: range, segments: [.init(valueOffset: 0, sourceOffset: start, length: range.count)]))), range: range)
    }

    mutating func string() throws(LoadError) -> Node {
        let start = position
        position += 1
        var value: [UInt8] = []
        var segments: [SpanMap.Segment] = []
        var runStart = position
        func closeRun(_ parser: JSONDocumentParser) {
            if parser.position > runStart {
                segments.append(.init(valueOffset: value.count, sourceOffset: runStart, length: parser.position - runStart))
                value.append(contentsOf: parser.bytes[runStart..<parser.position])
            }
        }
        while true {
            guard position < bytes.count else {
                throw error("unterminated string (it starts at \(file.position(ofByte: start)))", range: ByteRange(start, start + 1))
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                closeRun(self)
                position += 1
                break
            }
            if byte < 0x20 {
                if byte == 0x0A || byte == 0x0D {
                    throw error("unterminated string: a line break cannot appear inside a string (write \\n)")
                }
                throw error("\(describeCurrent()) must be escaped inside a string")
            }
            if byte == UInt8(ascii: "\\") {
                closeRun(self)
                value += try escape()
                runStart = position
                continue
            }
            position += 1
        }
        let range = ByteRange(start, position)
        let text = String(decoding: value, as: UTF8.self)
        return Node(.scalar(Scalar(text: text, type: .string, spans: SpanMap(whole: range, segments: segments))), range: range)
    }

    /// Decodes the escape at the position (a backslash) into UTF-8 bytes.
    mutating func escape() throws(LoadError) -> [UInt8] {
        let start = position
        guard position + 1 < bytes.count else { throw error("unterminated string: it ends in a backslash") }
        let code = bytes[position + 1]
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let decoded = simple[code] {
            position += 2
            return [decoded]
        }
        guard code == UInt8(ascii: "u") else {
            let length = min(SourceFile.sequenceLength(code), bytes.count - position - 1)
            let shown = String(decoding: bytes[position + 1..<position + 1 + length], as: UTF8.self)
            throw error("invalid escape '\\\(shown)' (valid escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                        range: ByteRange(start, position + 1 + length))
        }
        let first = try hexUnit(at: start)
        if (0xDC00...0xDFFF).contains(first) {
            throw error("lone low surrogate \\u\(String(first, radix: 16, uppercase: true)) (it must follow a high surrogate)",
                        range: ByteRange(start, start + 6))
        }
        guard (0xD800...0xDBFF).contains(first) else {
            return Array(String(Character(Unicode.Scalar(first) ?? "\u{FFFD}")).utf8)
        }
        let lowStart = position
        guard lowStart + 1 < bytes.count, bytes[lowStart] == UInt8(ascii: "\\"), bytes[lowStart + 1] == UInt8(ascii: "u") else {
            throw error("lone high surrogate \\u\(String(first, radix: 16, uppercase: true)) (a \\uDC00-\\uDFFF escape must follow)",
                        range: ByteRange(start, start + 6))
        }
        let second = try hexUnit(at: lowStart)
        guard (0xDC00...0xDFFF).contains(second) else {
            throw error("lone high surrogate \\u\(String(first, radix: 16, uppercase: true)) (a \\uDC00-\\uDFFF escape must follow)",
                        range: ByteRange(start, start + 6))
        }
        let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        return Array(String(Character(Unicode.Scalar(combined) ?? "\u{FFFD}")).utf8)
    }

    /// Reads `\uXXXX` at `start`, leaving the position after it.
    mutating func hexUnit(at start: Int) throws(LoadError) -> UInt32 {
        var result: UInt32 = 0
        for index in start + 2..<start + 6 {
            guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else {
                throw error("invalid escape: \\u must be followed by 4 hexadecimal digits",
                            range: ByteRange(start, min(bytes.count, index + 1)))
            }
            result = result * 16 + digit
        }
        position = start + 6
        return result
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: Collections

    func checkDepth(_ depth: Int) throws(LoadError) {
        if depth > limits.maxDepth {
            throw error(DocumentLoader.depthMessage(limits), kind: .depth)
        }
    }

    mutating func array(depth: Int) throws(LoadError) -> Node {
        try checkDepth(depth)
        let start = position
        position += 1
        var items: [Node] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return Node(.list([]), range: ByteRange(start, position))
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unterminated array (it starts at \(file.position(ofByte: start))); expected ',' or ']'")
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return Node(.list(items), range: ByteRange(start, position))
            }
            guard bytes[position] == UInt8(ascii: ",") else {
                throw error("unexpected \(describeCurrent()) in an array; expected ',' or ']'")
            }
            let comma = position
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                throw error("trailing comma before ']'", range: ByteRange(comma, comma + 1))
            }
        }
    }

    mutating func object(depth: Int) throws(LoadError) -> Node {
        try checkDepth(depth)
        let start = position
        position += 1
        var entries: [MapEntry] = []
        var firstRanges: [String: ByteRange] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return Node(.map([]), range: ByteRange(start, position))
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unterminated object (it starts at \(file.position(ofByte: start))); expected a key")
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()); expected a key in double quotes")
            }
            let key = try string()
            let name = key.string ?? ""
            if let first = firstRanges[name] {
                problems.append(LoadError(
                    DocumentLoader.duplicateKeyMessage(name, first: file.position(ofByte: first.lowerBound)),
                    range: key.range, kind: .duplicateKey, notes: [Note("'\(name)' is first defined here", range: first)]))
            } else {
                firstRanges[name] = key.range
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()) after the key '\(name)'; expected ':'")
            }
            position += 1
            skipWhitespace()
            let item = try value(depth: depth + 1)
            entries.append(MapEntry(key: name, keyRange: key.range, value: item))
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unterminated object (it starts at \(file.position(ofByte: start))); expected ',' or '}'")
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return Node(.map(entries), range: ByteRange(start, position))
            }
            guard bytes[position] == UInt8(ascii: ",") else {
                throw error("unexpected \(describeCurrent()) in an object; expected ',' or '}'")
            }
            let comma = position
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                throw error("trailing comma before '}'", range: ByteRange(comma, comma + 1))
            }
        }
    }
}
