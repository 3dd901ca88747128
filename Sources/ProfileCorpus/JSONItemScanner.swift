/// Finds where each item of a JSON array starts (byte offsets), skipping strings: the
/// top-level array, or the array a wrapper object holds under a key (`{"jobs": [...]}`), so
/// every post is located at its own line.
enum JSONItemScanner {
    static func topLevelItemStarts(_ bytes: [UInt8]) -> [Int] {
        itemStarts(bytes, from: 0)
    }

    /// The item starts of the array that is the value of `key` in the top-level object; empty
    /// when there is none.
    static func itemStarts(_ bytes: [UInt8], underKey key: String) -> [Int] {
        let quoted = Array("\"\(key)\"".utf8)
        var depth = 0
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let end = stringEnd(bytes, from: offset)
                if depth == 1, end - offset + 1 == quoted.count, bytes[offset...end].elementsEqual(quoted) {
                    var next = end + 1
                    while next < bytes.count, isSpace(bytes[next]) || bytes[next] == UInt8(ascii: ":") { next += 1 }
                    if next < bytes.count, bytes[next] == UInt8(ascii: "[") { return itemStarts(bytes, from: next) }
                }
                offset = end + 1
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
            offset += 1
        }
        return []
    }

    /// The item starts of the array opening at or after `start`, up to its closing bracket.
    private static func itemStarts(_ bytes: [UInt8], from start: Int) -> [Int] {
        var starts: [Int] = []
        var depth = 0
        var inString = false
        var escaped = false
        var expectingItem = false
        for offset in start..<bytes.count {
            let byte = bytes[offset]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if expectingItem && !isSpace(byte) && byte != UInt8(ascii: "]") {
                starts.append(offset)
                expectingItem = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 && byte == UInt8(ascii: "[") { expectingItem = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return starts }
            case UInt8(ascii: ","): if depth == 1 { expectingItem = true }
            default: break
            }
        }
        return starts
    }

    /// The offset of the quote closing the string that opens at `start` (the last byte when
    /// it never closes).
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var offset = start + 1
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\\") { offset += 2; continue }
            if bytes[offset] == UInt8(ascii: "\"") { return offset }
            offset += 1
        }
        return bytes.count - 1
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
