import ProfileText

/// Terminal display columns of text, for aligning carets under source lines.
enum DisplayWidth {
    /// Tabs in shown source lines are expanded to the next multiple of this.
    static let tabStop = 4
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
    /// reorder the line, invalid UTF-8 as U+FFFD. A piece is one grapheme cluster, measured by
    /// ICU (`GraphemeClusters`), so a caret never lands inside a family emoji or a flag.
    init(file: SourceFile, lineIndex index: Int) {
        let content = file.lineContentRange(index)
        var column = 0
        for cluster in GraphemeClusters.clusters(file.bytes[content.lowerBound..<content.upperBound]) {
            let text = String(decoding: file.bytes[cluster.range], as: UTF8.self)
            let piece: Piece
            if text == "\t" {
                let width = DisplayWidth.tabStop - column % DisplayWidth.tabStop
                piece = Piece(byteOffset: cluster.range.lowerBound, text: String(repeating: " ", count: width), width: width)
            } else if text.unicodeScalars.contains(where: VisibleText.isHidden) {
                let shown = VisibleText.escaped(text)
                piece = Piece(byteOffset: cluster.range.lowerBound, text: shown, width: shown.count)
            } else {
                piece = Piece(byteOffset: cluster.range.lowerBound, text: text, width: cluster.width)
            }
            pieces.append(piece)
            column += piece.width
        }
    }

    /// Display column (0-based) where byte `offset` starts; the line's width past its end.
    func column(ofByte offset: Int) -> Int {
        pieces.prefix { $0.byteOffset < offset }.reduce(0) { $0 + $1.width }
    }
}
