/// Byte tests that `contact-info`'s address expressions need to pass before they run
/// (`GuardedPattern`): each holds for every folded text the expression matches, and is false
/// for most texts without an address. Any byte outside ASCII counts as possibly a space or a
/// letter, so the tests only ever err towards running the expression.
enum ContactInfoText {
    static let closingBrackets = Array("])}>".utf8)
    /// What may follow a domain label in an address: a dot, or the start of ` dot ` or `[dot]`.
    static let afterLabel = Array(".[({<".utf8)

    /// ASCII white space (what `\s` matches below U+0080), or a byte of a non-ASCII character.
    static func isSpaceOrOther(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether the text holds `at` and then, after spaces, a closing bracket: what an
    /// obfuscated at sign (`[at]`, `( at )`, `<at>`) needs.
    static func hasBracketedAt(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "a"), bytes[index + 1] == UInt8(ascii: "t") else { continue }
            var next = index + 2
            while next < bytes.count, isSpaceOrOther(bytes[next]) { next += 1 }
            if next < bytes.count, closingBrackets.contains(bytes[next]) { return true }
        }
        return false
    }

    /// Whether the text may hold `name at domain.tld`: a spaced `at`, then a label, then a dot,
    /// spaces or a bracket (the start of `.`, ` dot ` and `[dot]`).
    static func mayHoldPlainAtAddress(_ bytes: [UInt8]) -> Bool {
        var index = 1
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "a"), bytes[index + 1] == UInt8(ascii: "t"), isSpaceOrOther(bytes[index - 1]),
                  isSpaceOrOther(bytes[index + 2]) else { continue }
            var next = index + 2
            while next < bytes.count, isSpaceOrOther(bytes[next]) {
                if bytes[next] >= 0x80 { return true }
                next += 1
            }
            while next < bytes.count, isLabelByte(bytes[next]) { next += 1 }
            guard next < bytes.count else { continue }
            if isSpaceOrOther(bytes[next]) || afterLabel.contains(bytes[next]) { return true }
        }
        return false
    }

    /// An ASCII letter, digit or hyphen (what a domain label holds below U+0080).
    static func isLabelByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
    }
}
