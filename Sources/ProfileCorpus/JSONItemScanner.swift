/// Finds where each item of a top-level JSON array starts (byte offsets), skipping strings.
enum JSONItemScanner {
    static func topLevelItemStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var depth = 0
        var inString = false
        var escaped = false
        var expectingItem = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if expectingItem && !isSpace && byte != UInt8(ascii: "]") {
                starts.append(offset)
                expectingItem = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 && byte == UInt8(ascii: "[") { expectingItem = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectingItem = true }
            default: break
            }
        }
        return starts
    }
}
