/// A key for "same post": the case-folded, whitespace-collapsed title and description,
/// hashed to 128 bits (two independent 64-bit FNV-1a hashes) with their length.
struct ContentKey: Hashable, Sendable {
    var first: UInt64
    var second: UInt64
    var length: Int

    init(_ post: JobPost) {
        var hasher = StableHasher()
        var length = 0
        for part in [post.title, post.description] {
            var pendingSpace = false
            if part.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII: fold case and whitespace byte by byte.
                for byte in part.utf8 {
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = length > 0
                        continue
                    }
                    if pendingSpace { hasher.combine(0x20); length += 1; pendingSpace = false }
                    hasher.combine((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                    length += 1
                }
            } else {
                // The scalars of `part.lowercased()` (which lowercases scalar by scalar), without
                // building that string: ASCII directly, others through their lowercase mapping.
                func add(_ scalar: Unicode.Scalar) {
                    let isWhitespace = scalar.isASCII
                        ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
                    if isWhitespace {
                        pendingSpace = length > 0
                        return
                    }
                    if pendingSpace { hasher.combine(0x20); length += 1; pendingSpace = false }
                    UTF8.encode(scalar) { hasher.combine($0) }
                    length += 1
                }
                for scalar in part.unicodeScalars {
                    if scalar.isASCII {
                        add((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar)
                    } else if !Self.lowercaseDiffers(scalar) {
                        add(scalar)
                    } else {
                        for lowered in scalar.properties.lowercaseMapping.unicodeScalars { add(lowered) }
                    }
                }
            }
            hasher.combine(0x01)
        }
        first = hasher.first
        second = hasher.second
        self.length = length
    }

    /// Whether a scalar's lowercase mapping is other than itself. The binary property answers
    /// without building the mapping's `String` (most non-ASCII scalars in posts are
    /// punctuation that has none); a test checks it against the mapping for every scalar.
    static func lowercaseDiffers(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.changesWhenLowercased
    }
}
