import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

@Suite struct SourceFileTests {
    @Test func columnsInEachUnit() {
        let file = SourceFile(path: "p.yaml", text: "a: 1\r\nb: \"😀é x\"\n")
        let x = Array(file.bytes).firstIndex(of: UInt8(ascii: "x"))!
        #expect(file.position(ofByte: x, unit: .scalars) == SourcePosition(line: 2, column: 8))
        #expect(file.position(ofByte: x, unit: .utf16) == SourcePosition(line: 2, column: 9))
        #expect(file.position(ofByte: x, unit: .utf8) == SourcePosition(line: 2, column: 12))
        #expect(file.byteOffset(line: 2, column: 9, unit: .utf16) == x)
        #expect(file.lineText(1) == "a: 1")
    }

    @Test func lineEndingsCRLFLoneCRAndLF() {
        let file = SourceFile(path: "p", text: "one\r\ntwo\rthree\nfour")
        #expect(file.lineCount == 4)
        #expect((1...4).map(file.lineText) == ["one", "two", "three", "four"])
        let f = Array(file.bytes).firstIndex(of: UInt8(ascii: "f"))!
        #expect(file.position(ofByte: f) == SourcePosition(line: 4, column: 1))
        // The CR and LF of a CRLF both belong to line 1, after its last column.
        #expect(file.position(ofByte: 3) == SourcePosition(line: 1, column: 4))
        #expect(file.position(ofByte: 4) == SourcePosition(line: 1, column: 5))
        #expect(file.lineContentRange(0) == ByteRange(0, 3))
        // A trailing newline opens an empty last line.
        #expect(SourceFile(path: "p", text: "a\n").lineCount == 2)
        #expect(SourceFile(path: "p", text: "").lineCount == 1)
    }

    @Test func unicodeLineSeparatorsAreNotLineBreaks() {
        // LSP and editors break lines at CR and LF only; libyaml's extra breaks are
        // handled by the YAML loader's own mark table.
        let file = SourceFile(path: "p", text: "a\u{2028}b\u{85}c\nd")
        #expect(file.lineCount == 2)
        let yamlLines = SourceFile.lineStarts(of: file.bytes, unicodeBreaks: true)
        #expect(yamlLines.count == 4)
        #expect(yamlLines == [0, 4, 7, 9])
    }

    @Test func tabsAreOneColumn() {
        let file = SourceFile(path: "p", text: "\t\tkey:\tvalue")
        let v = Array(file.bytes).firstIndex(of: UInt8(ascii: "v"))!
        #expect(file.position(ofByte: v) == SourcePosition(line: 1, column: 8))
        #expect(file.position(ofByte: v, unit: .utf16) == SourcePosition(line: 1, column: 8))
        #expect(file.position(ofByte: v, unit: .utf8) == SourcePosition(line: 1, column: 8))
    }

    @Test func combiningMarksCountAsTheirOwnScalars() {
        // "é" written as e + U+0301: one character, two scalars, two UTF-16 units, three bytes.
        let file = SourceFile(path: "p", text: "e\u{301}x")
        let x = 3
        #expect(file.bytes[x] == UInt8(ascii: "x"))
        #expect(file.position(ofByte: x, unit: .scalars).column == 3)
        #expect(file.position(ofByte: x, unit: .utf16).column == 3)
        #expect(file.position(ofByte: x, unit: .utf8).column == 4)
    }

    @Test func astralEmojiUnits() {
        // U+1F600: one scalar, two UTF-16 units, four bytes. A ZWJ family: 5 scalars.
        let file = SourceFile(path: "p", text: "😀x👩‍👩‍👧y")
        let x = 4
        #expect(file.position(ofByte: x, unit: .scalars).column == 2)
        #expect(file.position(ofByte: x, unit: .utf16).column == 3)
        #expect(file.position(ofByte: x, unit: .utf8).column == 5)
        let y = Array(file.bytes).firstIndex(of: UInt8(ascii: "y"))!
        #expect(file.position(ofByte: y, unit: .scalars).column == 8)
        #expect(file.position(ofByte: y, unit: .utf16).column == 12)
        #expect(file.position(ofByte: y, unit: .utf8).column == 24)
        // A column inside a surrogate pair clamps back to the scalar's start.
        #expect(file.byteOffset(line: 1, column: 2, unit: .utf16) == 0)
        #expect(file.byteOffset(line: 1, column: 3, unit: .utf16) == 4)
    }

    @Test(arguments: [ColumnUnit.scalars, .utf16, .utf8])
    func roundTripsAtEveryScalarBoundary(unit: ColumnUnit) {
        let file = SourceFile(path: "p", text: "tïtle: 😀 e\u{301}\r\n\tnext\rlast ✓\n")
        var offset = 0
        var boundaries: [Int] = []
        for scalar in file.text.unicodeScalars {
            boundaries.append(offset)
            offset += scalar.utf8.count
        }
        for boundary in boundaries where file.bytes[boundary] != 0x0A && !(file.bytes[boundary] == 0x0D) {
            let position = file.position(ofByte: boundary, unit: unit)
            #expect(file.byteOffset(line: position.line, column: position.column, unit: unit) == boundary)
        }
    }

    @Test func columnsPastTheLineEndClamp() {
        let file = SourceFile(path: "p", text: "ab\ncd")
        #expect(file.byteOffset(line: 1, column: 99) == 2)
        #expect(file.byteOffset(line: 9, column: 1) == 5)
        #expect(file.byteOffset(line: 0, column: 1) == 0)
        #expect(file.position(ofByte: 99) == SourcePosition(line: 2, column: 3))
    }

    @Test func byteOrderMarkIsNotAColumn() {
        let file = SourceFile(path: "p", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\nc".utf8))
        #expect(file.hasByteOrderMark)
        #expect(file.position(ofByte: 3) == SourcePosition(line: 1, column: 1))
        #expect(file.position(ofByte: 4) == SourcePosition(line: 1, column: 2))
        #expect(file.position(ofByte: 0) == SourcePosition(line: 1, column: 1))
        #expect(file.byteOffset(line: 1, column: 1) == 3)
        #expect(file.lineText(1) == "ab")
        #expect(!SourceFile(path: "p", text: "ab").hasByteOrderMark)
    }

    @Test func utf8Validation() {
        #expect(SourceFile(path: "p", text: "ok é 😀").firstUTF8Problem == nil)
        let cases: [([UInt8], ByteRange, String)] = [
            ([0x61, 0xFF], ByteRange(1, 2), "byte 0xFF never occurs in UTF-8"),
            ([0xC0, 0x80], ByteRange(0, 1), "byte 0xC0 never occurs in UTF-8"),
            ([0xE0, 0x80, 0x80], ByteRange(0, 1), "byte 0x80 cannot follow 0xE0"),
            ([0xED, 0xA0, 0x80], ByteRange(0, 1), "byte 0xA0 cannot follow 0xED"),
            ([0xF4, 0x90, 0x80, 0x80], ByteRange(0, 1), "byte 0x90 cannot follow 0xF4"),
            ([0xF0, 0x9F, 0x98], ByteRange(0, 3), "the sequence starting with 0xF0 is cut short by the end of the file"),
            ([0x61, 0xBF], ByteRange(1, 2), "continuation byte 0xBF without a lead byte"),
        ]
        for (bytes, range, reason) in cases {
            let problem = SourceFile(path: "p", bytes: bytes).firstUTF8Problem
            #expect(problem == UTF8Problem(range: range, reason: reason))
        }
    }
}
