/// The trie of hyphenation patterns in a few flat arrays: one open-addressing table of edges
/// keyed by (node, letter), and per node the span of its pattern's values in one shared array.
/// Building it allocates no per-node dictionaries, which made loading the ~11,000 English
/// patterns a visible share of every lint's start-up.
struct PatternTrie: Sendable {
    /// A missing child.
    static let none = UInt32.max

    /// Edge table: `keys[slot]` is `node << 21 | letter` + 1 (0 marks a free slot; scalar
    /// values are below 2^21), `targets[slot]` the child node. The capacity is a power of two.
    private var keys = [UInt64](repeating: 0, count: 1 << 15)
    private var targets = [UInt32](repeating: 0, count: 1 << 15)
    private var edgeCount = 0
    private var nodeCount = 1

    /// Per node: where its pattern's values start in `values` (`none`: no pattern ends there),
    /// how many there are, and the letter offset of the first one.
    private var patternStart: [UInt32] = [none]
    private var patternLength: [UInt8] = [0]
    private var patternOffset: [UInt8] = [0]
    private var values: [UInt8] = []

    var hasEdges: Bool { edgeCount > 0 }

    /// The child of `node` by `letter`, or `none`.
    func child(of node: UInt32, _ letter: Unicode.Scalar) -> UInt32 {
        let key = Self.key(node, letter)
        let slot = slot(for: key)
        return keys[slot] == key ? targets[slot] : Self.none
    }

    /// The child of `node` by `letter`, created when missing.
    mutating func insertChild(of node: UInt32, _ letter: Unicode.Scalar) -> UInt32 {
        let key = Self.key(node, letter)
        let slot = slot(for: key)
        if keys[slot] == key { return targets[slot] }
        let created = UInt32(nodeCount)
        nodeCount += 1
        patternStart.append(Self.none)
        patternLength.append(0)
        patternOffset.append(0)
        keys[slot] = key
        targets[slot] = created
        edgeCount += 1
        if edgeCount * 2 > keys.count { grow() }
        return created
    }

    private static func key(_ node: UInt32, _ letter: Unicode.Scalar) -> UInt64 {
        (UInt64(node) << 21 | UInt64(letter.value)) &+ 1
    }

    /// The slot holding `key`, or the free slot where it belongs (linear probing).
    private func slot(for key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Self.home(key, mask: mask)
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Sets the pattern ending at `node` (a later pattern with the same letters replaces it).
    mutating func setPattern(at node: UInt32, offset: Int, values pattern: ArraySlice<UInt8>) {
        patternStart[Int(node)] = UInt32(values.count)
        patternLength[Int(node)] = UInt8(clamping: pattern.count)
        patternOffset[Int(node)] = UInt8(clamping: offset)
        values += pattern.prefix(Int(UInt8.max))
    }

    /// Calls `body(letter offset, value)` for each value of the pattern ending at `node`.
    func forEachValue(at node: UInt32, _ body: (Int, UInt8) -> Void) {
        let start = patternStart[Int(node)]
        guard start != Self.none else { return }
        let offset = Int(patternOffset[Int(node)])
        for index in 0..<Int(patternLength[Int(node)]) { body(offset + index, values[Int(start) + index]) }
    }

    private static func home(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    private mutating func grow() {
        let (oldKeys, oldTargets) = (keys, targets)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        targets = [UInt32](repeating: 0, count: oldKeys.count * 2)
        for (key, target) in zip(oldKeys, oldTargets) where key != 0 {
            let slot = slot(for: key)
            keys[slot] = key
            targets[slot] = target
        }
    }
}
