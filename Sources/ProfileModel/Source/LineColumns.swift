/// Checkpoints along long lines, so that converting between a byte offset and a column
/// (in Unicode scalars or UTF-16 units) walks at most `spacing` bytes instead of the whole
/// line: a 1 MB one-line document with thousands of findings stays linear, not quadratic.
/// Lines up to `spacing` bytes (nearly all of them) get no checkpoints and cost nothing.
struct LineColumns: Sendable {
    /// A position on a line: its byte offset and the scalars and UTF-16 units before it.
    struct Checkpoint: Sendable {
        var byte: Int
        var scalars: Int
        var utf16: Int

        func units(_ unit: ColumnUnit, lineStart: Int) -> Int {
            switch unit {
            case .scalars: scalars
            case .utf16: utf16
            case .utf8: byte - lineStart
            }
        }
    }

    /// Bytes between checkpoints.
    static let spacing = 256

    /// The checkpoints of each line longer than `spacing` bytes, by 0-based line index.
    private let checkpoints: [Int: [Checkpoint]]

    /// Checkpoints for the lines of `bytes` starting at `lineStarts` (each line running to the next start).
    init(bytes: [UInt8], lineStarts: [Int]) {
        var table: [Int: [Checkpoint]] = [:]
        for line in lineStarts.indices {
            let start = lineStarts[line]
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
            guard end - start > Self.spacing else { continue }
            var points = [Checkpoint(byte: start, scalars: 0, utf16: 0)]
            var current = points[0]
            var next = start + Self.spacing
            while current.byte < end {
                if current.byte >= next {
                    points.append(current)
                    next = current.byte + Self.spacing
                }
                let length = SourceFile.sequenceLength(bytes[current.byte])
                current.scalars += 1
                current.utf16 += length == 4 ? 2 : 1
                current.byte += length
            }
            table[line] = points
        }
        checkpoints = table
    }

    /// The last checkpoint of `line` at or before byte `offset` (the line start when there is none).
    func checkpoint(line: Int, lineStart: Int, atOrBeforeByte offset: Int) -> Checkpoint {
        guard let points = checkpoints[line] else { return Checkpoint(byte: lineStart, scalars: 0, utf16: 0) }
        return points[lastIndex(in: points) { $0.byte <= offset }]
    }

    /// The last checkpoint of `line` with at most `columns` units of `unit` before it.
    func checkpoint(line: Int, lineStart: Int, atOrBeforeColumns columns: Int, unit: ColumnUnit) -> Checkpoint {
        guard let points = checkpoints[line] else { return Checkpoint(byte: lineStart, scalars: 0, utf16: 0) }
        return points[lastIndex(in: points) { $0.units(unit, lineStart: lineStart) <= columns }]
    }

    /// Binary search: the last index whose element satisfies `isBefore` (monotonic; index 0 always does).
    private func lastIndex(in points: [Checkpoint], where isBefore: (Checkpoint) -> Bool) -> Int {
        var low = 0
        var high = points.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if isBefore(points[middle]) { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
