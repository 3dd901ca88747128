/// The first place where a file's bytes are not well-formed UTF-8 (RFC 3629).
package struct UTF8Problem: Sendable, Equatable {
    /// The bytes of the ill-formed sequence (at least one).
    package var range: ByteRange
    /// What is wrong, for a message: "byte 0xFF never occurs in UTF-8".
    package var reason: String
}

extension SourceFile {
    /// The first ill-formed UTF-8 sequence, or nil when every byte is well-formed.
    /// Overlong forms, encoded surrogates and values above U+10FFFF are ill-formed.
    var firstUTF8Problem: UTF8Problem? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The allowed range of the second byte depends on the lead byte (RFC 3629 §4).
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            case 0x80...0xBF:
                return UTF8Problem(range: ByteRange(index, index + 1),
                                   reason: "continuation byte \(Self.hex(lead)) without a lead byte")
            default:
                return UTF8Problem(range: ByteRange(index, index + 1),
                                   reason: "byte \(Self.hex(lead)) never occurs in UTF-8")
            }
            for position in 1..<length {
                let next = index + position
                let allowed = position == 1 ? secondRange : 0x80...0xBF
                guard next < count, allowed.contains(bytes[next]) else {
                    let reason = next < count
                        ? "byte \(Self.hex(bytes[next])) cannot follow \(Self.hex(lead))"
                        : "the sequence starting with \(Self.hex(lead)) is cut short by the end of the file"
                    return UTF8Problem(range: ByteRange(index, next), reason: reason)
                }
            }
            index += length
        }
        return nil
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}
