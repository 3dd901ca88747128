/// Reads little-endian values from bytes it does not own (a cache file mapped into memory, or
/// an array's storage), valid only inside the closure that lent them; every read returns nil
/// past the end instead of trapping. Arrays of integers are copied in bulk (one `memcpy` on
/// little-endian hosts): a cached corpus of 100,000 posts holds tens of millions of them and a
/// warm lint reads them all.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    init(bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    private var remaining: Int { bytes.count - offset }

    /// The next `count` bytes, copied.
    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard MemoryLayout<T>.size <= remaining else { return nil }
        defer { offset += MemoryLayout<T>.size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    mutating func u32() -> UInt32? { integer(UInt32.self) }
    mutating func u64() -> UInt64? { integer(UInt64.self) }

    mutating func string() -> String? {
        guard let length = u32().map(Int.init), length <= remaining, let base = bytes.baseAddress else { return nil }
        defer { offset += length }
        let utf8 = UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: UInt8.self), count: length)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// An array count, checked against the bytes left so a corrupt count cannot allocate huge arrays.
    mutating func count(elementSize: Int) -> Int? {
        guard let count = u32().map(Int.init), count * elementSize <= remaining else { return nil }
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

    mutating func u8s() -> [UInt8]? { integers(UInt8.self) }
    mutating func u16s() -> [UInt16]? { integers(UInt16.self) }
    mutating func u32s() -> [UInt32]? { integers(UInt32.self) }
    mutating func u64s() -> [UInt64]? { integers(UInt64.self) }

    /// A count, then that many little-endian integers.
    private mutating func integers<T: FixedWidthInteger>(_: T.Type) -> [T]? {
        let size = MemoryLayout<T>.size
        guard let count = count(elementSize: size) else { return nil }
        let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count * size)])
        offset += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            #if _endian(big)
            for index in 0..<count { buffer[index] = T(littleEndian: buffer[index]) }
            #endif
            initialized = count
        }
    }
}
