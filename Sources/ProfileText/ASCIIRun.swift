/// Runs of ASCII bytes found eight bytes at a time: most corpus text is ASCII, and testing it
/// byte by byte cost more than the work the test guards.
package enum ASCIIRun {
    /// The end of the run of ASCII bytes at `start`. It may stop short of the run's end (it
    /// reads whole groups of eight), never past it.
    package static func end(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index + 8 <= bytes.count,
              bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        return index
    }
}
