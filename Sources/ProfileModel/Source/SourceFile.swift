/// A half-open range of UTF-8 byte offsets into a `SourceFile`.
public struct ByteRange: Hashable, Sendable, Codable, Comparable {
    public var lowerBound: Int
    public var upperBound: Int

    public init(_ lowerBound: Int, _ upperBound: Int) {
        self.lowerBound = lowerBound
        self.upperBound = max(lowerBound, upperBound)
    }

    public var isEmpty: Bool { lowerBound == upperBound }
    public var count: Int { upperBound - lowerBound }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        (lhs.lowerBound, lhs.upperBound) < (rhs.lowerBound, rhs.upperBound)
    }
}

/// The unit a column is counted in; each consumer needs its own.
public enum ColumnUnit: Sendable {
    /// Unicode scalars (text format, SARIF `unicodeCodePoints`).
    case scalars
    /// UTF-16 code units (LSP default, SARIF `utf16CodeUnits`).
    case utf16
    /// UTF-8 bytes (reviewdog rdjsonl, LSP `utf-8`).
    case utf8
}

/// A 1-based line and column.
public struct SourcePosition: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// The bytes of one input file with a line table; converts byte offsets to
/// line/column in any `ColumnUnit`. `\n`, `\r\n` and a lone `\r` each end a line
/// (as in LSP; U+0085, U+2028 and U+2029 do not).
///
/// A UTF-8 byte order mark at the start stays in `bytes` (fixes keep the file byte
/// for byte) but is not part of line 1: the first character after it is column 1,
/// as editors show it.
public struct SourceFile: Sendable {
    /// The path as the user gave it (used in diagnostics).
    public let path: String
    /// The raw bytes.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line.
    package let lineStarts: [Int]
    /// Checkpoints along long lines, for column conversions that do not walk the whole line.
    let columns: LineColumns
    /// True for a file left unread because it is over a size limit (`bytes` is then empty).
    private(set) var isOversized: Bool
    /// The unread file's `stat` size; nil for a pipe, known only to exceed the limit.
    private(set) var oversizedSize: Int?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.isOversized = false
        self.oversizedSize = nil
        self.lineStarts = Self.lineStarts(of: bytes, unicodeBreaks: false)
        self.columns = LineColumns(bytes: bytes, lineStarts: lineStarts)
    }

    /// A file that was not read because it is over a size limit (see `BoundedRead`).
    package init(oversized path: String, size: Int?) {
        self.init(path: path, bytes: [])
        self.isOversized = true
        self.oversizedSize = size
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The whole file decoded as UTF-8 (invalid sequences become U+FFFD).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The number of lines (a trailing newline does not open a new line of content,
    /// but an empty last line still has a start).
    public var lineCount: Int { lineStarts.count }

    /// 0-based line index containing `offset`.
    package func lineIndex(ofByte offset: Int) -> Int {
        Self.lineIndex(in: lineStarts, ofByte: min(max(0, offset), bytes.count))
    }

    /// The index of the last of `starts` (ascending, not empty) at or before `offset`; 0 before the first.
    static func lineIndex(in starts: [Int], ofByte offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Byte range of line `index` (0-based) without its line terminator.
    package func lineContentRange(_ index: Int) -> ByteRange {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return ByteRange(start, end)
    }

    /// Text of 1-based line `line` without its terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let range = lineContentRange(line - 1)
        return String(decoding: bytes[range.lowerBound..<range.upperBound], as: UTF8.self)
    }

    /// 1-based line and column of byte `offset`, the column counted in `unit`.
    public func position(ofByte offset: Int, unit: ColumnUnit = .scalars) -> SourcePosition {
        let offset = min(max(0, offset), bytes.count)
        let line = lineIndex(ofByte: offset)
        let start = lineStarts[line]
        let checkpoint = columns.checkpoint(line: line, lineStart: start, atOrBeforeByte: offset)
        let column = checkpoint.units(unit, lineStart: start) + columnCount(from: checkpoint.byte, to: offset, unit: unit)
        return SourcePosition(line: line + 1, column: column + 1)
    }

    /// Byte offset of 1-based `line` and `column` counted in `unit`; clamps to the line's end.
    public func byteOffset(line: Int, column: Int, unit: ColumnUnit = .scalars) -> Int {
        guard line >= 1 else { return lineStarts[0] }
        guard line <= lineStarts.count else { return bytes.count }
        let content = lineContentRange(line - 1)
        let checkpoint = columns.checkpoint(line: line - 1, lineStart: content.lowerBound, atOrBeforeColumns: column - 1, unit: unit)
        // A checkpoint on the line terminator means a column past the line's end.
        guard checkpoint.byte < content.upperBound else { return content.upperBound }
        return advance(from: ByteRange(checkpoint.byte, content.upperBound),
                       columns: column - 1 - checkpoint.units(unit, lineStart: content.lowerBound), unit: unit)
    }

    /// The offset `columns` units of `unit` after the start of `content`, at most its end.
    func advance(from content: ByteRange, columns: Int, unit: ColumnUnit) -> Int {
        Self.advance(in: bytes, from: content, columns: columns, unit: unit)
    }

    /// The offset `columns` units of `unit` after the start of `content` in `bytes`,
    /// at most the end of `content`.
    static func advance(in bytes: [UInt8], from content: ByteRange, columns: Int, unit: ColumnUnit) -> Int {
        var offset = content.lowerBound
        var remaining = columns
        while remaining > 0, offset < content.upperBound {
            let length = sequenceLength(bytes[offset])
            let units: Int
            switch unit {
            case .utf8: units = length
            case .scalars: units = 1
            case .utf16: units = length == 4 ? 2 : 1
            }
            if units > remaining { break }
            remaining -= units
            offset = min(offset + length, content.upperBound)
        }
        return offset
    }

    /// Length of a UTF-8 byte order mark at the start of `bytes` (3 or 0).
    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Whether the file starts with a UTF-8 byte order mark.
    var hasByteOrderMark: Bool { Self.byteOrderMarkLength(bytes) == 3 }

    /// The line starts of `bytes`: `\n`, `\r\n` and `\r` end a line, and with
    /// `unicodeBreaks` also U+0085, U+2028 and U+2029 (as libyaml counts lines).
    /// Line 1 starts after a byte order mark.
    static func lineStarts(of bytes: [UInt8], unicodeBreaks: Bool) -> [Int] {
        var starts = [byteOrderMarkLength(bytes)]
        var index = starts[0]
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            } else if unicodeBreaks, let length = unicodeBreakLength(bytes, at: index) {
                index += length - 1
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    /// The length of U+0085, U+2028 or U+2029 at `index`, if one is there.
    static func unicodeBreakLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
           bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return 3 }
        return nil
    }

    /// Units of `unit` between two byte offsets on one line.
    func columnCount(from start: Int, to end: Int, unit: ColumnUnit) -> Int {
        if unit == .utf8 { return end - start }
        var count = 0
        var index = start
        while index < end {
            let length = Self.sequenceLength(bytes[index])
            count += (unit == .utf16 && length == 4) ? 2 : 1
            index += length
        }
        return count
    }

    /// Length of the UTF-8 sequence a lead byte starts (1 for stray or invalid bytes).
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }
}
