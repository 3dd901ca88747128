/// HTML5 character references in text content (`&eacute;`, `&frac12`, `&#8217;`, `&#x2019;`),
/// decoded as a browser decodes them: the longest name in the full table, legacy names without
/// `;`, numeric references with the Windows-1252 repair of 0x80-0x9F (`&#146;` is ’), and
/// U+FFFD for code points text cannot hold. Other control characters and noncharacters are
/// dropped, as Python's `html.unescape` does.
enum HTMLCharacterReference {
    /// Name (UTF-8 of the part after `&`) to the characters it stands for. Read from the
    /// table's bytes: the first post with a reference waits for this (and any other thread
    /// with one for it), and reading it by `Character` took several milliseconds.
    static let named: [[UInt8]: [UInt8]] = {
        var table: [[UInt8]: [UInt8]] = [:]
        table.reserveCapacity(2300)
        var source = HTMLText.namedReferenceTable
        source.withUTF8 { bytes in
            for entry in bytes.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }) {
                guard let equals = entry.firstIndex(of: UInt8(ascii: "=")) else { continue }
                var value: [UInt8] = []
                for hex in entry[(equals + 1)...].split(separator: UInt8(ascii: ",")) {
                    if let scalar = hexValue(hex).flatMap(Unicode.Scalar.init) { value += String(scalar).utf8 }
                }
                table[Array(entry[..<equals])] = value
            }
        }
        return table
    }()

    /// The value of hexadecimal digits, nil when a byte is no digit or there are none (or too many).
    private static func hexValue(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            guard let digit = digitValue(byte, radix: 16) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// The reference whose name starts at `start` (just after a `&`) in `bytes`: its UTF-8 and
    /// the index just after it; nil when the text there is no reference (`AT&T`, `a & b`).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, nameStart start: Int) -> (value: [UInt8], end: Int)? {
        guard start < bytes.count else { return nil }
        return bytes[start] == UInt8(ascii: "#") ? numeric(bytes, from: start + 1) : named(bytes, from: start)
    }

    /// `&name;` or a legacy `&name`: the longest name in the table, so `&notit;` is `¬it;`.
    static func named(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: [UInt8], end: Int)? {
        var end = start
        while end < bytes.count, end - start < HTMLText.longestReferenceName, isAlphanumeric(bytes[end]) { end += 1 }
        guard end > start else { return nil }
        if end < bytes.count, bytes[end] == UInt8(ascii: ";"), let value = named[Array(bytes[start...end])] {
            return (value, end + 1)
        }
        var length = min(end - start, HTMLText.longestLegacyReferenceName)
        while length >= 2 {
            if let value = named[Array(bytes[start..<(start + length)])] { return (value, start + length) }
            length -= 1
        }
        return nil
    }

    /// `&#8217;` or `&#x2019;` (the `;` optional, as HTML allows); `start` is after the `#`.
    static func numeric(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: [UInt8], end: Int)? {
        var index = start
        var radix: UInt32 = 10
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            index += 1
        }
        let digitsStart = index
        var code: UInt32 = 0
        while index < bytes.count, let digit = digitValue(bytes[index], radix: radix) {
            // Anything past the last code point is out of range however long it gets.
            code = min(code * radix + digit, 0x110000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        return (utf8(ofReference: code), index)
    }

    /// What a numeric reference to `code` stands for.
    static func utf8(ofReference code: UInt32) -> [UInt8] {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        if code == 0 || code > 0x10FFFF || (0xD800...0xDFFF).contains(code) { return replacement }
        // The spec's repair table keeps the five bytes Windows-1252 leaves undefined.
        if (0x80...0x9F).contains(code) { return utf8(HTMLText.windows1252Repairs[code] ?? code) }
        let control = (0x01...0x08).contains(code) || code == 0x0B || (0x0E...0x1F).contains(code) || (0x7F...0x9F).contains(code)
        let nonCharacter = (0xFDD0...0xFDEF).contains(code) || code & 0xFFFE == 0xFFFE
        return control || nonCharacter ? [] : utf8(code)
    }

    static func utf8(_ code: UInt32) -> [UInt8] {
        Unicode.Scalar(code).map { Array(String($0).utf8) } ?? [0xEF, 0xBF, 0xBD]
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        guard radix == 16 else { return nil }
        let lower = byte | 0x20
        return (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lower) ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
    }
}
