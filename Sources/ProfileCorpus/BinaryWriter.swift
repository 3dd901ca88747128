/// Appends little-endian values.
package struct BinaryWriter {
    package var bytes: [UInt8] = []

    package init() {}

    package mutating func u8(_ value: UInt8) { bytes.append(value) }
    package mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    package mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    package mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes += value.utf8
    }
}
