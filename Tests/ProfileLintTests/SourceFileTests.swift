import Testing
@testable import ProfileLint

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
}
