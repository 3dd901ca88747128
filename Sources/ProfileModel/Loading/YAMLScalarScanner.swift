/// Rebuilds where a YAML scalar lies in the source and how its value maps back to
/// source bytes. libyaml (through Yams) reports only where a scalar starts; this
/// scanner re-reads the scalar from there by its style, decoding as libyaml does
/// (line folding, quote escapes, block indentation and chomping), and checks the
/// result against the value Yams produced. A match yields the exact range and one
/// `SpanMap` segment per run of value bytes that stands verbatim in the source.
struct YAMLScalarScanner {
    /// How a scalar is written.
    enum Style {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scanned scalar: its whole range and the verbatim runs of its value.
    struct Result {
        var whole: ByteRange
        var segments: [SpanMap.Segment]
    }

    let bytes: [UInt8]
    /// Line starts as libyaml counts lines (`YAMLMarkTable`), searched instead of walking
    /// back from each scalar (which made a long line quadratic).
    let lineStarts: [Int]

    /// Scans the scalar of `style` starting at `start` (after any anchor or tag).
    /// `blockIndent` is the column (0-based) of the innermost block collection, -1 at
    /// the top level; it resolves a block scalar's explicit indentation indicator.
    /// Returns nil when the decoded text differs from `expected`.
    func scan(from start: Int, style: Style, expected: [UInt8], blockIndent: Int) -> Result? {
        let lineStart = lineStarts[SourceFile.lineIndex(in: lineStarts, ofByte: start)]
        var decoder = Decoder(bytes: bytes, position: start, lineStart: lineStart)
        let end: Int?
        switch style {
        case .plain: end = decoder.plain(expected: expected)
        case .singleQuoted: end = decoder.quoted(double: false)
        case .doubleQuoted: end = decoder.quoted(double: true)
        case .literal, .folded: end = decoder.block(folded: style == .folded, blockIndent: blockIndent)
        }
        guard let end, decoder.value == expected else { return nil }
        decoder.closeSegment()
        return Result(whole: ByteRange(start, end), segments: decoder.segments)
    }
}

/// The decoding state: the value built so far and its verbatim segments.
private struct Decoder {
    let bytes: [UInt8]
    var position: Int
    /// Where the line holding `position` starts.
    var lineStart: Int
    var value: [UInt8] = []
    var segments: [SpanMap.Segment] = []
    private var openSegment: SpanMap.Segment?

    init(bytes: [UInt8], position: Int, lineStart: Int) {
        self.bytes = bytes
        self.position = position
        self.lineStart = lineStart
    }

    // MARK: Building the value

    /// Appends source bytes `range` to the value as a verbatim run.
    mutating func appendVerbatim(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let open = openSegment, open.sourceOffset + open.length == range.lowerBound,
           open.valueOffset + open.length == value.count {
            openSegment?.length += range.count
        } else {
            closeSegment()
            openSegment = SpanMap.Segment(valueOffset: value.count, sourceOffset: range.lowerBound, length: range.count)
        }
        value.append(contentsOf: bytes[range])
    }

    /// Appends text that does not stand in the source as is (an escape, a fold).
    mutating func appendDerived(_ text: [UInt8]) {
        guard !text.isEmpty else { return }
        closeSegment()
        value.append(contentsOf: text)
    }

    mutating func closeSegment() {
        if let open = openSegment { segments.append(open) }
        openSegment = nil
    }

    // MARK: Characters

    var atEnd: Bool { position >= bytes.count }
    func byte(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }
    func isBlank(_ offset: Int = 0) -> Bool { byte(offset) == 0x20 || byte(offset) == 0x09 }

    /// The length of a line break at `index` (CRLF, CR, LF, NEL, LS, PS), if any.
    func breakLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        default: return SourceFile.unicodeBreakLength(bytes, at: index)
        }
    }

    /// Consumes one line break; returns what libyaml puts in a value for it
    /// (`\n`, except that U+2028 and U+2029 stay themselves).
    mutating func readBreak() -> [UInt8]? {
        guard let length = breakLength(at: position) else { return nil }
        let text: [UInt8] = length == 3 ? Array(bytes[position..<position + 3]) : [0x0A]
        position += length
        lineStart = position
        return text
    }

    /// The length of the UTF-8 sequence at the position.
    var characterLength: Int { min(SourceFile.sequenceLength(bytes[position]), bytes.count - position) }

    /// The 0-based column (in Unicode scalars) of the position.
    var column: Int {
        var count = 0
        var index = lineStart
        while index < position {
            index += SourceFile.sequenceLength(bytes[index])
            count += 1
        }
        return count
    }

    // MARK: Line folding (plain and quoted scalars)

    /// What a run of blanks and line breaks at the position folds to, and where it
    /// ends; nil when it holds no line break (then its blanks are content).
    /// `escapedBreak` starts inside a fold that a double-quoted `\` line break opened.
    mutating func fold(escapedBreak: Bool = false) -> [UInt8]? {
        var scan = position
        while scan < bytes.count, bytes[scan] == 0x20 || bytes[scan] == 0x09 { scan += 1 }
        guard escapedBreak || breakLength(at: scan) != nil else { return nil }
        position = scan
        var leadingBreak: [UInt8] = []
        if !escapedBreak, let text = readBreak() { leadingBreak = text }
        var trailingBreaks: [UInt8] = []
        while true {
            while isBlank() { position += 1 }
            guard let text = readBreak() else { break }
            trailingBreaks += text
        }
        if leadingBreak == [0x0A] {
            return trailingBreaks.isEmpty ? [0x20] : trailingBreaks
        }
        return leadingBreak + trailingBreaks
    }

    // MARK: Plain scalars

    /// Decodes a plain scalar, led by the expected value: it ends where the
    /// expected text is complete. Returns the end offset, or nil on a mismatch.
    mutating func plain(expected: [UInt8]) -> Int? {
        var end = position
        while value.count < expected.count {
            if isBlank() || breakLength(at: position) != nil {
                foldWhitespace()
                continue
            }
            guard !atEnd else { return nil }
            let length = characterLength
            guard value.count + length <= expected.count,
                  bytes[position..<position + length].elementsEqual(expected[value.count..<value.count + length]) else {
                return nil
            }
            appendVerbatim(position..<position + length)
            position += length
            end = position
        }
        return end
    }

    /// Consumes blanks and line breaks inside a flow scalar: a fold when they span lines,
    /// the blanks kept as written otherwise.
    private mutating func foldWhitespace() {
        let mark = position
        if let folded = fold() {
            appendDerived(folded)
        } else {
            while isBlank() { position += 1 }
            appendVerbatim(mark..<position)
        }
    }

    // MARK: Quoted scalars

    /// Decodes a single- or double-quoted scalar at its opening quote; returns the
    /// offset after the closing quote.
    mutating func quoted(double: Bool) -> Int? {
        let quote: UInt8 = double ? 0x22 : 0x27
        guard byte() == quote else { return nil }
        position += 1
        while !atEnd {
            let current = bytes[position]
            if !double, current == 0x27, byte(1) == 0x27 {
                appendDerived([0x27])
                position += 2
            } else if current == quote {
                position += 1
                return position
            } else if double, current == 0x5C {
                guard escape() else { return nil }
            } else if isBlank() || breakLength(at: position) != nil {
                foldWhitespace()
            } else {
                let length = characterLength
                appendVerbatim(position..<position + length)
                position += length
            }
        }
        return nil
    }

    /// The one-character escapes of double-quoted scalars and what they stand for.
    static let simpleEscapes: [UInt8: [UInt8]] = [
        UInt8(ascii: "0"): [0x00], UInt8(ascii: "a"): [0x07], UInt8(ascii: "b"): [0x08],
        UInt8(ascii: "t"): [0x09], 0x09: [0x09], UInt8(ascii: "n"): [0x0A], UInt8(ascii: "v"): [0x0B],
        UInt8(ascii: "f"): [0x0C], UInt8(ascii: "r"): [0x0D], UInt8(ascii: "e"): [0x1B],
        0x20: [0x20], 0x22: [0x22], UInt8(ascii: "/"): [0x2F], 0x27: [0x27], 0x5C: [0x5C],
        UInt8(ascii: "N"): [0xC2, 0x85], UInt8(ascii: "_"): [0xC2, 0xA0],
        UInt8(ascii: "L"): [0xE2, 0x80, 0xA8], UInt8(ascii: "P"): [0xE2, 0x80, 0xA9],
    ]

    /// Decodes one backslash escape of a double-quoted scalar.
    mutating func escape() -> Bool {
        guard let code = byte(1) else { return false }
        if breakLength(at: position + 1) != nil {
            position += 1
            _ = readBreak()
            if let folded = fold(escapedBreak: true) { appendDerived(folded) }
            return true
        }
        if let text = Self.simpleEscapes[code] {
            appendDerived(text)
            position += 2
            return true
        }
        let digits: Int
        switch code {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: return false
        }
        guard position + 2 + digits <= bytes.count,
              let number = UInt32(String(decoding: bytes[position + 2..<position + 2 + digits], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(number) else { return false }
        appendDerived(Array(String(Character(scalar)).utf8))
        position += 2 + digits
        return true
    }

    // MARK: Block scalars

    /// Decodes a literal (`|`) or folded (`>`) block scalar at its indicator; returns
    /// the end of its last content line (or of the header when it has none).
    mutating func block(folded: Bool, blockIndent: Int) -> Int? {
        position += 1
        var chomping = 0
        var increment = 0
        for _ in 0..<2 {
            if let current = byte(), current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                chomping = current == UInt8(ascii: "+") ? 1 : -1
                position += 1
            } else if let current = byte(), (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(current) {
                increment = Int(current - UInt8(ascii: "0"))
                position += 1
            }
        }
        var end = position
        while isBlank() { position += 1 }
        if byte() == UInt8(ascii: "#") {
            while !atEnd, breakLength(at: position) == nil { position += 1 }
        }
        guard readBreak() != nil || atEnd else { return nil }

        var indent = increment > 0 ? (blockIndent >= 0 ? blockIndent + increment : increment) : 0
        var trailingBreaks = scanBlockBreaks(indent: &indent, blockIndent: blockIndent)
        var leadingBreak: [UInt8] = []
        var leadingBlank = false
        var trailingBlank = false
        while column == indent, !atEnd {
            trailingBlank = isBlank()
            if folded, leadingBreak == [0x0A], !leadingBlank, !trailingBlank {
                if trailingBreaks.isEmpty { appendDerived([0x20]) }
                leadingBreak = []
            } else {
                appendDerived(leadingBreak)
                leadingBreak = []
            }
            appendDerived(trailingBreaks)
            trailingBreaks = []
            leadingBlank = isBlank()
            let contentStart = position
            while !atEnd, breakLength(at: position) == nil { position += 1 }
            appendVerbatim(contentStart..<position)
            end = position
            guard let text = readBreak() else { break }
            leadingBreak = text
            trailingBreaks = scanBlockBreaks(indent: &indent, blockIndent: blockIndent)
        }
        if chomping != -1 { appendDerived(leadingBreak) }
        if chomping == 1 { appendDerived(trailingBreaks) }
        return end
    }

    /// Skips the indentation and empty lines before a block scalar's next content
    /// line, returning the line breaks; fixes the indentation when still unknown.
    mutating func scanBlockBreaks(indent: inout Int, blockIndent: Int) -> [UInt8] {
        var breaks: [UInt8] = []
        var maxIndent = 0
        while true {
            while indent == 0 || column < indent, byte() == 0x20 { position += 1 }
            maxIndent = max(maxIndent, column)
            guard let text = readBreak() else { break }
            breaks += text
        }
        if indent == 0 {
            indent = max(maxIndent, blockIndent + 1, 1)
        }
        return breaks
    }
}
