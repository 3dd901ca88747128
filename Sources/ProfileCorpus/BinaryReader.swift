/// Reads little-endian values; every read returns nil past the end instead of trapping.
struct BinaryReader {
    let bytes: [UInt8]
    var offset: Int

    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard let slice = take(MemoryLayout<T>.size) else { return nil }
        var value: T = 0
        for (shift, byte) in slice.enumerated() { value |= T(byte) << (8 * shift) }
        return value
    }

    mutating func u32() -> UInt32? { integer(UInt32.self) }
    mutating func u64() -> UInt64? { integer(UInt64.self) }

    mutating func string() -> String? {
        guard let length = u32(), let slice = take(Int(length)) else { return nil }
        return String(decoding: slice, as: UTF8.self)
    }

    /// An array count, checked against the bytes left so a corrupt count cannot allocate huge arrays.
    mutating func count(elementSize: Int) -> Int? {
        guard let count = u32().map(Int.init), count * elementSize <= bytes.count - offset else { return nil }
        return count
    }

    mutating func strings() -> [String]? {
        guard let count = count(elementSize: 4) else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func u8s() -> [UInt8]? {
        guard let count = count(elementSize: 1), let slice = take(count) else { return nil }
        return Array(slice)
    }

    mutating func u16s() -> [UInt16]? {
        guard let count = count(elementSize: 2) else { return nil }
        return (0..<count).compactMap { _ in integer(UInt16.self) }
    }

    mutating func u32s() -> [UInt32]? {
        guard let count = count(elementSize: 4), let slice = take(count * 4) else { return nil }
        return slice.withUnsafeBytes { raw in
            (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }

    mutating func u64s() -> [UInt64]? {
        guard let count = count(elementSize: 8), let slice = take(count * 8) else { return nil }
        return slice.withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }
}
