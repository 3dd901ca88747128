/// A key for "same post": the case-folded, whitespace-collapsed title and description,
/// hashed to 128 bits (`Hasher`) with their length. Keys live only in memory (duplicates are
/// dropped while loading), so the hash may change from one version to the next.
struct ContentKey: Hashable, Sendable {
    var first: UInt64
    var second: UInt64
    var length: Int

    init(_ post: JobPost) {
        var folder = Folder()
        folder.add(post.title)
        folder.add(post.description)
        (first, second) = folder.hasher.finish()
        length = folder.length
    }

    /// Hashes a byte stream eight bytes at a time (two lanes with different multipliers), so
    /// the per-byte cost is a shift into a word rather than two dependent multiplications.
    struct Hasher {
        private var first: UInt64 = 0xcbf2_9ce4_8422_2325
        private var second: UInt64 = 0x8422_2325_cbf2_9ce4
        private var word: UInt64 = 0
        private var filledBits: UInt64 = 0

        mutating func combine(_ byte: UInt8) {
            word |= UInt64(byte) << filledBits
            filledBits += 8
            if filledBits == 64 { mix() }
        }

        /// Eight bytes at once, the first in the low byte: the same as combining them one by one.
        mutating func combine(word eight: UInt64) {
            guard filledBits > 0 else {
                word = eight
                mix()
                return
            }
            let filled = filledBits
            word |= eight << filled
            mix()
            word = eight >> (64 - filled)
            filledBits = filled
        }

        /// The low seven bytes of `bytes` at once, the first in the low byte: the same as
        /// combining them one by one.
        mutating func combine(seven bytes: UInt64) {
            let seven = bytes & 0x00FF_FFFF_FFFF_FFFF
            let filled = filledBits
            guard filled + 56 >= 64 else {
                word |= seven << filled
                filledBits = filled + 56
                return
            }
            word |= seven << filled
            mix()
            word = seven >> (64 - filled)
            filledBits = filled - 8
        }

        /// The two lanes, the bytes of an unfinished word and their count mixed in.
        consuming func finish() -> (UInt64, UInt64) {
            let tail = filledBits
            mix()
            first = (first ^ tail) &* 0xBF58_476D_1CE4_E5B9
            second = (second ^ tail) &* 0x94D0_49BB_1331_11EB
            return (first ^ (first >> 31), second ^ (second >> 29))
        }

        private mutating func mix() {
            first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
            first ^= first >> 32
            second = (second ^ word) &* 0xC2B2_AE3D_27D4_EB4F
            second ^= second >> 29
            word = 0
            filledBits = 0
        }
    }

    /// Hashes the scalars of `part.lowercased()` (which lowercases scalar by scalar) with runs
    /// of whitespace as one space, reading the UTF-8 bytes in place: ASCII byte by byte, other
    /// scalars as their bytes unless they have a lowercase mapping or are whitespace.
    private struct Folder {
        var hasher = Hasher()
        /// Scalars hashed so far, spaces included.
        var length = 0
        var pendingSpace = false

        mutating func add(_ part: String) {
            var part = part
            pendingSpace = false
            part.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    if index + 8 <= bytes.count, addASCIIWord(UnsafeRawBufferPointer(bytes), at: index) {
                        index += 8
                        continue
                    }
                    let byte = bytes[index]
                    if byte < 0x80 {
                        addASCII(byte)
                        index += 1
                    } else {
                        // Valid UTF-8 (a Swift string's bytes): the lead byte gives the width.
                        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                        var value = UInt32(byte) & (0x7F >> width)
                        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                        addOther(Unicode.Scalar(value) ?? "\u{FFFD}", bytes: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
                        index += width
                    }
                }
            }
            hasher.combine(0x01)
        }

        /// Adds eight bytes at once when they are ASCII, lowercased in place, with whitespace
        /// (tab to carriage return, space) read as a space and never two in a row: then each
        /// whitespace byte is one space between words, hashed as `addASCII` on each byte would
        /// hash it. A leading one is hashed only where a space is due anyway (after text, with
        /// none pending), a trailing one is left pending. False, and nothing added, otherwise.
        mutating func addASCIIWord(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
            let raw = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            guard raw & highs == 0 else { return false }
            // Each byte is below 0x80, so adding up to 0x80 per byte carries into no other byte.
            let isSpace = ~((raw ^ 0x20 &* ones) &+ 0x7F &* ones) & highs
            let isControlSpace = (raw &+ (0x80 - 0x09) &* ones) & ~(raw &+ (0x80 - 0x0E) &* ones) & highs
            let spaces = isSpace | isControlSpace
            guard spaces & (spaces << 8) == 0 else { return false }
            let leading = spaces & 0x80 != 0, trailing = spaces & (0x80 << 56) != 0
            if leading && (pendingSpace || length == 0) { return false }
            // Whitespace bytes made spaces, then capitals made lowercase.
            let spaceBytes = (spaces >> 7) &* 0xFF
            let word = raw & ~spaceBytes | (spaces >> 2)
            let atLeastA = (word &+ (0x80 - 0x41) &* ones) & highs
            let pastZ = (word &+ (0x80 - 0x5B) &* ones) & highs
            let lowered = word | (atLeastA & ~pastZ) >> 2
            if !leading { flushSpace() }
            if trailing {
                hasher.combine(seven: lowered)
                length += 7
                pendingSpace = true
            } else {
                hasher.combine(word: lowered)
                length += 8
            }
            return true
        }

        mutating func addASCII(_ byte: UInt8) {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = length > 0
                return
            }
            flushSpace()
            hasher.combine((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            length += 1
        }

        mutating func addOther(_ scalar: Unicode.Scalar, bytes: UnsafeBufferPointer<UInt8>) {
            if ContentKey.isPlainPunctuation(scalar) {
                flushSpace()
                for byte in bytes { hasher.combine(byte) }
                length += 1
            } else if ContentKey.lowercaseDiffers(scalar) {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { addMapped(lowered) }
            } else if scalar.properties.isWhitespace {
                pendingSpace = length > 0
            } else {
                flushSpace()
                for byte in bytes { hasher.combine(byte) }
                length += 1
            }
        }

        /// A scalar of a lowercase mapping, hashed as it is (never lowercased again).
        mutating func addMapped(_ scalar: Unicode.Scalar) {
            let isWhitespace = scalar.isASCII
                ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = length > 0
                return
            }
            flushSpace()
            UTF8.encode(scalar) { hasher.combine($0) }
            length += 1
        }

        mutating func flushSpace() {
            guard pendingSpace else { return }
            hasher.combine(0x20)
            length += 1
            pendingSpace = false
        }
    }

    /// Whether a scalar's lowercase mapping is other than itself. The binary property answers
    /// without building the mapping's `String` (most non-ASCII scalars in posts are
    /// punctuation that has none); a test checks it against the mapping for every scalar.
    static func lowercaseDiffers(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.changesWhenLowercased
    }

    /// Whether a scalar is general punctuation that is no whitespace and has no lowercase
    /// mapping (dashes, quotes, bullets: most non-ASCII scalars of posts), told by its value
    /// without looking its properties up; a test checks every such scalar's properties.
    static func isPlainPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x2010...0x2027).contains(scalar.value) || (0x2030...0x205E).contains(scalar.value)
    }
}
