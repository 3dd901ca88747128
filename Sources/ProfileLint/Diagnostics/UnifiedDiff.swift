/// A unified diff (`diff -u` format) between two versions of a file, as `--fix --dry-run`
/// prints it. Lines are compared with Myers' O(ND) algorithm. Lines end at `\n` only, as
/// `patch` and GNU diff see them (a CR-only file is one line); a line keeps its terminator,
/// so a changed line ending shows as a change, and a last line without `\n` is marked
/// `\ No newline at end of file`, so the diff always ends with a newline.
package enum UnifiedDiff {
    /// The diff, or "" when the texts are equal.
    package static func make(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(script, context: context) {
            let oldStart = hunk.first(where: { $0.kind != .insert })?.oldIndex ?? hunk.first!.oldIndex
            let newStart = hunk.first(where: { $0.kind != .delete })?.newIndex ?? hunk.first!.newIndex
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in hunk {
                let (marker, line): (String, ArraySlice<UInt8>) = switch step.kind {
                case .same: (" ", a[step.oldIndex])
                case .delete: ("-", a[step.oldIndex])
                case .insert: ("+", b[step.newIndex])
                }
                output += marker + String(decoding: line, as: UTF8.self)
                if line.last != UInt8(ascii: "\n") {
                    output += "\n\\ No newline at end of file\n"
                }
            }
        }
        return output
    }

    /// `start,count` in diff's 1-based notation (an empty range names the line before it).
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The lines of `bytes` as `patch` reads them, each with its `\n` (a `\r` before it
    /// stays part of the line; a lone `\r` does not end one).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    struct Step: Equatable {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// For `.insert`, the old line it goes before; else the old line.
        var oldIndex: Int
        /// For `.delete`, the new line it goes before; else the new line.
        var newIndex: Int
    }

    /// The shortest edit script from `a` to `b` (Myers 1986, greedy forward search with the
    /// frontier of each round kept for the backtrack).
    static func editScript(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Step] {
        let n = a.count, m = b.count
        let offset = n + m + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk back from (n, m) through the saved frontiers.
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && saved[offset + k - 1] < saved[offset + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : saved[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                steps.append(Step(kind: .same, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    steps.append(Step(kind: .insert, oldIndex: x, newIndex: previousY))
                } else {
                    steps.append(Step(kind: .delete, oldIndex: previousX, newIndex: y))
                }
            }
            x = previousX
            y = previousY
        }
        return steps.reversed()
    }

    /// Groups the script into hunks: changes with up to `context` unchanged lines around
    /// them, merging changes separated by at most `2 * context` unchanged lines.
    static func hunks(_ script: [Step], context: Int) -> [[Step]] {
        let changed = script.indices.filter { script[$0].kind != .same }
        var hunks: [[Step]] = []
        var index = 0
        while index < changed.count {
            let start = max(0, changed[index] - context)
            var last = changed[index]
            while index + 1 < changed.count, changed[index + 1] - last <= 2 * context + 1 {
                index += 1
                last = changed[index]
            }
            hunks.append(Array(script[start...min(script.count - 1, last + context)]))
            index += 1
        }
        return hunks
    }
}
