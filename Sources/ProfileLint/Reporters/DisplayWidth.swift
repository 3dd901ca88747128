/// Terminal display columns of text, for aligning carets under source lines.
enum DisplayWidth {
    /// Tabs in shown source lines are expanded to the next multiple of this.
    static let tabStop = 4

    /// Columns one scalar occupies: 0 for combining marks, format characters (ZWJ) and
    /// variation selectors, 2 for East Asian wide/fullwidth characters and emoji, else 1.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

/// One source line cut into displayable pieces, each with the byte offset it starts at.
struct DisplayLine {
    struct Piece {
        var byteOffset: Int
        var text: String
        var width: Int
    }

    var pieces: [Piece] = []

    /// The content of line `index` (0-based) of `file`: tabs expanded, control and bidi
    /// characters shown escaped (`\u{202E}`) so a hostile file cannot drive the terminal or
    /// reorder the line, invalid UTF-8 as U+FFFD.
    init(file: SourceFile, lineIndex index: Int) {
        let content = file.lineContentRange(index)
        var offset = content.lowerBound
        var column = 0
        while offset < content.upperBound {
            let length = min(SourceFile.sequenceLength(file.bytes[offset]), content.upperBound - offset)
            let decoded = String(decoding: file.bytes[offset..<offset + length], as: UTF8.self)
            let scalar = decoded.unicodeScalars.first ?? "\u{FFFD}"
            let piece: Piece
            if scalar == "\t" {
                let width = DisplayWidth.tabStop - column % DisplayWidth.tabStop
                piece = Piece(byteOffset: offset, text: String(repeating: " ", count: width), width: width)
            } else if VisibleText.isHidden(scalar) {
                let shown = VisibleText.escape(scalar)
                piece = Piece(byteOffset: offset, text: shown, width: shown.count)
            } else {
                piece = Piece(byteOffset: offset, text: String(scalar), width: DisplayWidth.width(of: scalar))
            }
            pieces.append(piece)
            column += piece.width
            offset += length
        }
    }

    /// Display column (0-based) where byte `offset` starts; the line's width past its end.
    func column(ofByte offset: Int) -> Int {
        pieces.prefix { $0.byteOffset < offset }.reduce(0) { $0 + $1.width }
    }
}
