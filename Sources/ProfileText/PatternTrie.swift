/// The trie of hyphenation patterns in a few flat arrays: one open-addressing table of edges
/// keyed by (node, letter), and per node the span of its pattern's values in one shared array.
/// Building it allocates no per-node dictionaries, which made loading the ~11,000 English
/// patterns a visible share of every lint's start-up.
struct PatternTrie: Sendable {
    /// A missing child.
    static let none = UInt32.max

    /// Edge table: `keys[slot]` is `node << 21 | letter` + 1 (0 marks a free slot; scalar
    /// values are below 2^21), `targets[slot]` the child node. The capacity is a power of two.
    private var keys: [UInt64]
    private var targets: [UInt32]
    private var edgeCount = 0
    private var nodeCount = 1

    /// Per node: where its pattern's values start in `values` (`none`: no pattern ends there),
    /// how many there are, and the letter offset of the first one.
    private var patternStart: [UInt32] = [none]
    private var patternLength: [UInt8] = [0]
    private var patternOffset: [UInt8] = [0]
    private var values: [UInt8] = []

    /// An empty trie, its edge table sized for the English dictionary.
    init() {
        keys = [UInt64](repeating: 0, count: 1 << 15)
        targets = [UInt32](repeating: 0, count: 1 << 15)
    }

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
        resize(to: keys.count * 2)
    }

    /// Moves the edges into a table of `capacity` slots (a power of two, at least twice the edges).
    private mutating func resize(to capacity: Int) {
        let (oldKeys, oldTargets) = (keys, targets)
        keys = [UInt64](repeating: 0, count: capacity)
        targets = [UInt32](repeating: 0, count: capacity)
        for (key, target) in zip(oldKeys, oldTargets) where key != 0 {
            let slot = slot(for: key)
            keys[slot] = key
            targets[slot] = target
        }
    }
}

/// The trie as bytes and back, so a process can load the patterns compiled by an earlier one
/// (`Hyphenator.compiled`) instead of parsing the dictionary. Little-endian: capacity, edge
/// count, node count and value count (8 bytes each), then the arrays in declaration order.
extension PatternTrie {
    private static let headerBytes = 32

    /// The trie's bytes, its edge table cut to the smallest capacity `insertChild` allows (the
    /// table starts large, for the English dictionary, so a small dictionary would store mostly free slots).
    func encoded() -> [UInt8] {
        var smallest = 2
        while smallest < edgeCount * 2 { smallest *= 2 }
        guard smallest == keys.count else {
            var resized = self
            resized.resize(to: smallest)
            return resized.encoded()
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.headerBytes + keys.count * 12 + nodeCount * 6 + values.count)
        func append<Integer: FixedWidthInteger>(_ integers: [Integer]) {
            for integer in integers { withUnsafeBytes(of: integer.littleEndian) { bytes += $0 } }
        }
        append([keys.count, edgeCount, nodeCount, values.count].map(UInt64.init))
        append(keys)
        append(targets)
        append(patternStart)
        bytes += patternLength
        bytes += patternOffset
        bytes += values
        return bytes
    }

    /// The trie of `encoded()` bytes; nil unless they make a trie that `child` and
    /// `forEachValue` can walk safely (every edge from an older node to a newer one, each key
    /// where probing finds it, every pattern's values inside `values` and no longer than its letters allow).
    init?(encoded bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        let header = reader.integers(4, as: UInt64.self)
        guard header.count == 4, header.allSatisfy({ $0 < 1 << 31 }) else { return nil }
        let (capacity, edgeCount, nodeCount, valueCount) = (Int(header[0]), Int(header[1]), Int(header[2]), Int(header[3]))
        guard capacity >= 2, capacity & (capacity - 1) == 0, edgeCount * 2 <= capacity, nodeCount == edgeCount + 1,
              bytes.count == Self.headerBytes + capacity * 12 + nodeCount * 6 + valueCount else { return nil }
        keys = reader.integers(capacity, as: UInt64.self)
        targets = reader.integers(capacity, as: UInt32.self)
        patternStart = reader.integers(nodeCount, as: UInt32.self)
        patternLength = reader.integers(nodeCount, as: UInt8.self)
        patternOffset = reader.integers(nodeCount, as: UInt8.self)
        values = reader.integers(valueCount, as: UInt8.self)
        self.edgeCount = edgeCount
        self.nodeCount = nodeCount
        guard let depths = nodeDepths() else { return nil }
        for node in 0..<nodeCount where patternStart[node] != Self.none {
            let start = Int(patternStart[node]), length = Int(patternLength[node])
            guard start + length <= values.count, Int(patternOffset[node]) + length <= depths[node] + 1 else { return nil }
        }
    }

    /// Each node's depth (its number of letters), nil unless every node but the root is the
    /// target of exactly one edge from an older node and every key sits where `slot(for:)` finds it.
    private func nodeDepths() -> [Int]? {
        var parents = [Int](repeating: -1, count: nodeCount)
        var edges = 0
        for (key, target) in zip(keys, targets) where key != 0 {
            let parent = Int((key - 1) >> 21), child = Int(target)
            guard child > 0, child < nodeCount, parent < child, parents[child] < 0, keys[slot(for: key)] == key else { return nil }
            parents[child] = parent
            edges += 1
        }
        guard edges == edgeCount else { return nil }
        var depths = [Int](repeating: 0, count: nodeCount)
        for node in 1..<nodeCount { depths[node] = depths[parents[node]] + 1 }
        return depths
    }

    /// Reads little-endian integers from the front of `encoded()` bytes.
    private struct ByteReader {
        private let bytes: ArraySlice<UInt8>
        private var offset = 0

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
        }

        /// The next `count` integers; fewer (none) when the bytes end first. One copy of the
        /// bytes, then each integer from little-endian (nothing to do on a little-endian machine):
        /// loading them one at a time was most of a warm lint's hyphenation start-up.
        mutating func integers<Integer: FixedWidthInteger>(_ count: Int, as type: Integer.Type) -> [Integer] {
            let width = MemoryLayout<Integer>.size
            guard count >= 0, bytes.count - offset >= count * width else { return [] }
            defer { offset += count * width }
            return bytes.withUnsafeBytes { raw in
                [Integer](unsafeUninitializedCapacity: count) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count * width]))
                    for index in 0..<count { buffer[index] = Integer(littleEndian: buffer[index]) }
                    initialized = count
                }
            }
        }
    }
}
