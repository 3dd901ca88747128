import Foundation

/// Where a large CSV input can be cut to read it on several threads: after a line feed that an
/// even number of quotes precede, which is outside any quoted field when every quote opens or
/// closes one or is half of an escaped pair. A stray quote (`5" screen`, kept as text) can
/// mislead that count, so `CSVReader` checks that each piece ended where a record ends and
/// otherwise reads the input in one pass.
enum CSVPieces {
    /// Inputs smaller than this are read in one piece (the threads would cost more than they save).
    static let minimumBytes = 1 << 20

    /// `range` cut into up to `count` pieces of about equal size, in order.
    static func split(_ bytes: [UInt8], _ range: Range<Int>, count: Int) -> [Range<Int>] {
        guard count > 1, !range.isEmpty else { return [range] }
        var starts = [range.lowerBound]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            /// The first `byte` in `from..<to`, or `to`.
            func find(_ byte: UInt8, from: Int, to: Int) -> Int {
                guard from < to, let found = memchr(base + from, Int32(byte), to - from) else { return to }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var position = range.lowerBound
            var quoted = false  // an odd number of quotes in range.lowerBound..<position
            for piece in 1..<count {
                let target = range.lowerBound + range.count / count * piece
                while position < target {
                    let quote = find(UInt8(ascii: "\""), from: position, to: target)
                    guard quote < target else { break }
                    quoted.toggle()
                    position = quote + 1
                }
                position = max(position, target)
                while position < range.upperBound {
                    let quote = find(UInt8(ascii: "\""), from: position, to: range.upperBound)
                    if !quoted {
                        let lineFeed = find(0x0A, from: position, to: quote)
                        if lineFeed < quote {
                            position = lineFeed + 1
                            break
                        }
                    }
                    quoted.toggle()
                    position = quote + 1
                }
                guard position < range.upperBound else { return }
                starts.append(position)
            }
        }
        return zip(starts, starts.dropFirst() + [range.upperBound]).map { $0..<$1 }
    }
}
