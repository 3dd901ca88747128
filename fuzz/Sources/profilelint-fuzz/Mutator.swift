/// A small deterministic pseudo-random generator (SplitMix64): the same seed gives the same
/// inputs on every machine, so a finding of the mutation driver reproduces from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Turns a seed input into a new test input with a few random edits: bit flips, byte
/// changes, deletions, duplicated and repeated ranges, splices with another seed, and
/// insertions of the tokens that matter to the formats read (YAML and JSON syntax, LSP
/// headers, integers at and past the 64-bit limits, odd Unicode).
struct Mutator {
    /// Inputs are cut to this many bytes (the loaders' own 1 MiB limit is tested elsewhere;
    /// small inputs keep the run fast).
    var maxLength: Int

    /// Tokens inserted or substituted: syntax, numbers at the edges, odd text.
    static let tokens: [[UInt8]] = ([
        ": ", "- ", "-", "[", "]", "{", "}", ",", "\"", "'", "#", "&a ", "*a", "!!str ", "!!int ", "!!map ", "? ",
        "|", "|-", ">", ">+", "---\n", "...\n", "%YAML 1.2\n", "<<: *a", "\t", "\r", "\n", "\r\n", "  ", "\\", "\\u0000",
        "\\ud800", "null", "true", "~", ".nan", ".inf", "-.inf", "0", "-0", "1e309", "-1e309", "0x7fffffffffffffff", "0o777",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "2147483647", "2147483648", "4294967296", "18446744073709551616", "99999999999999999999999999999999",
        "1.7976931348623157e308", "4.9e-324", "Content-Length: ", "\r\n\r\n", "Content-Length: 99999999999999999999\r\n\r\n",
        "\"line\":", "\"character\":", "\"id\":", "\"processId\":", "\"range\":", "\u{202E}", "\u{200B}", "\u{FEFF}",
        "\u{10FFFF}", "\u{1F600}", "\u{0301}", "İ", "ß", "ﬃ", "\u{0}",
    ] as [String]).map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]

    /// A new input made from `seed`, with `other` available for splicing.
    func mutate(_ seed: [UInt8], other: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        let edits = Int.random(in: 1...4, using: &random)
        for _ in 0..<edits { edit(&bytes, other: other, using: &random) }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    private func edit(_ bytes: inout [UInt8], other: [UInt8], using random: inout SplitMix64) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &random)
        case 2:
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
            bytes.removeSubrange(position..<end)
        case 3:
            bytes.insert(contentsOf: Self.tokens.randomElement(using: &random) ?? [], at: position)
        case 4:
            replaceNumber(in: &bytes, from: position, using: &random)
        case 5:
            let range = randomRange(in: bytes, from: position, using: &random)
            bytes.insert(contentsOf: bytes[range], at: Int.random(in: 0...bytes.count, using: &random))
        case 6:
            // Repeat a short range many times: long lines, long lists, deep nesting.
            let range = randomRange(in: bytes, from: position, using: &random)
            let times = Int.random(in: 2...max(2, maxLength / max(1, range.count * 4)), using: &random)
            let repeated = Array(repeating: Array(bytes[range]), count: min(times, 2_000)).flatMap { $0 }
            bytes.insert(contentsOf: repeated, at: range.upperBound)
        case 7 where !other.isEmpty:
            let cut = Int.random(in: 0...other.count, using: &random)
            bytes = Array(bytes[..<position]) + other[cut...]
        default:
            bytes.insert(contentsOf: Self.tokens.randomElement(using: &random) ?? [], at: position)
        }
    }

    /// Replaces the run of digits at or after `start` with an edge-case number.
    private func replaceNumber(in bytes: inout [UInt8], from start: Int, using random: inout SplitMix64) {
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard let first = bytes[start...].firstIndex(where: isDigit) ?? bytes.firstIndex(where: isDigit) else { return }
        let end = bytes[first...].firstIndex { !isDigit($0) } ?? bytes.count
        let numbers = ["9223372036854775807", "9223372036854775808", "-9223372036854775808", "2147483648", "-1", "0",
                       "4294967295", "18446744073709551615", "1e400", "340282366920938463463374607431768211456"]
        bytes.replaceSubrange(first..<end, with: Array((numbers.randomElement(using: &random) ?? "0").utf8))
    }

    /// A range of up to 64 bytes starting at or before `position` (empty for an empty input).
    private func randomRange(in bytes: [UInt8], from position: Int, using random: inout SplitMix64) -> Range<Int> {
        guard !bytes.isEmpty else { return 0..<0 }
        let start = min(position, bytes.count - 1)
        return start..<min(bytes.count, start + Int.random(in: 1...64, using: &random))
    }
}
