import ProfileText

/// Corpus files are read as UTF-8, but spreadsheet exports often are not: Excel saves "CSV"
/// in the Windows code page (`café` as the byte 0xE9) and "Unicode text" as UTF-16. Rather than
/// turn such bytes into replacement characters without a word, a file that is not UTF-8 is
/// decoded from what it is (UTF-16 by its byte order mark; else Windows-1252, which has a
/// character for nearly every byte), with one located warning that says so.
enum TextEncoding {
    /// The file as UTF-8 and, when it was not, the warning that says how it was read.
    static func utf8(_ file: CorpusFile) -> (file: CorpusFile, issue: CorpusIssue?) {
        let bytes = file.bytes
        if bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) {
            return (CorpusFile(path: file.path, bytes: utf16(bytes, bigEndian: bytes[0] == 0xFE)), nil)
        }
        guard let bad = firstInvalidUTF8(bytes) else { return (file, nil) }
        let location = location(of: bad, in: bytes, path: file.path)
        let byte = "byte 0x" + String(bytes[bad], radix: 16, uppercase: true)
        if let undefined = bytes.first(where: windows1252Undefined.contains) {
            return (file, CorpusIssue(location, "not UTF-8 (\(byte) here) nor Windows-1252 (byte 0x\(String(undefined, radix: 16, uppercase: true)) has no character); "
                                      + "the bytes that are not UTF-8 are read as '\u{FFFD}': save the file as UTF-8"))
        }
        // A UTF-8 byte order mark before Windows-1252 text (an export tool's doing) stays one.
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var decoded = Array(bytes.prefix(bom))
        decoded.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes.dropFirst(bom) {
            if byte < 0x80 { decoded.append(byte) } else { decoded.append(contentsOf: String(windows1252(byte)).utf8) }
        }
        return (CorpusFile(path: file.path, bytes: decoded),
                CorpusIssue(location, "not UTF-8 (\(byte) here); read as Windows-1252, the encoding spreadsheets save in: save the file as UTF-8 to be sure of its characters"))
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
    /// surrogates and code points past U+10FFFF included), nil when every byte does.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            index = asciiRunEnd(bytes, from: index)
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let (width, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (width, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (width, low, high) = (3, 0xA0, 0xBF)
            case 0xED: (width, low, high) = (3, 0x80, 0x9F)
            case 0xE1...0xEF: (width, low, high) = (3, 0x80, 0xBF)
            case 0xF0: (width, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (width, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (width, low, high) = (4, 0x80, 0x8F)
            default: return index
            }
            guard index + width <= count, (low...high).contains(bytes[index + 1]),
                  bytes[(index + 2)..<(index + width)].allSatisfy({ $0 & 0xC0 == 0x80 }) else { return index }
            index += width
        }
        return nil
    }

    /// The end of the run of ASCII bytes at `start` (see `ASCIIRun`: most of a corpus file is
    /// ASCII, and this check runs on one thread before the file is parsed).
    private static func asciiRunEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBytes { ASCIIRun.end(in: $0, from: start) }
    }

    /// The five bytes Windows-1252 leaves without a character: a file holding one is not in it.
    static let windows1252Undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// Windows-1252's characters for 0x80-0x9F (0 where undefined); above, it is Latin-1.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The character of a Windows-1252 byte of 0x80 or more (never an undefined one).
    static func windows1252(_ byte: UInt8) -> Character {
        let value = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
        return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
    }

    /// UTF-16 bytes after their byte order mark, as UTF-8 (unpaired surrogates become U+FFFD).
    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index -> UInt16 in
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            return UInt16(high) << 8 | UInt16(low)
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// The 1-based line and column (in bytes) of `offset`.
    private static func location(of offset: Int, in bytes: [UInt8], path: String) -> PostLocation {
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return PostLocation(path: path, line: line, column: offset - lineStart + 1)
    }
}
