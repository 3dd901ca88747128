/// Appends little-endian values.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes += value.utf8
    }
    mutating func strings(_ values: [String]) {
        u32(UInt32(values.count))
        for value in values { string(value) }
    }
    mutating func u8s(_ values: [UInt8]) {
        u32(UInt32(values.count))
        bytes += values
    }
    mutating func u16s(_ values: [UInt16]) {
        u32(UInt32(values.count))
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    }
    mutating func u32s(_ values: [UInt32]) {
        u32(UInt32(values.count))
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { u32(value) }
    }
    mutating func u64s(_ values: [UInt64]) {
        u32(UInt32(values.count))
        for value in values { u64(value) }
    }
}
