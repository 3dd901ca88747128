extension CorpusStats {
    /// Skill tags, added post by post: ids by first occurrence, per-post rows, frequencies and
    /// co-occurring pairs; the display is the most used spelling (the first on ties).
    struct TagTable {
        private var index: [String: UInt32] = [:]
        private var keys: [String] = []
        private var frequency: [UInt32] = []
        private var spellings: [[String: Int]] = []
        private var spellingOrder: [[String]] = []
        private var pairCounts = PairCounts()
        private var postStart: [UInt32] = [0]
        private var postIDs: [UInt32] = []

        /// Adds posts' tags: `tags` are the distinct (canonical key, spelling) pairs of the posts,
        /// and post i's tags are `tags[refs[starts[i]..<starts[i + 1]]]`. Each pair is
        /// looked up once, at its first occurrence (so ids and spelling orders are those of a pass
        /// post by post), and its spelling's count is added once at the end.
        mutating func add(_ tags: [(key: String, spelling: String)], starts: [Int], refs: [UInt32]) {
            // Per pair: its tag id once met (`.max` before), and its occurrences.
            var tagID = [UInt32](repeating: .max, count: tags.count)
            var occurrences = [Int](repeating: 0, count: tags.count)
            var met: [Int] = []
            var ids: [UInt32] = []  // a post's distinct tags (a few: a linear search beats a set)
            for post in 0..<(starts.count - 1) {
                ids.removeAll(keepingCapacity: true)
                for ref in refs[starts[post]..<starts[post + 1]] where !tags[Int(ref)].key.isEmpty {
                    let pair = Int(ref)
                    if tagID[pair] == .max {
                        tagID[pair] = id(tags[pair].key)
                        met.append(pair)
                        if spellings[Int(tagID[pair])][tags[pair].spelling] == nil {
                            spellings[Int(tagID[pair])][tags[pair].spelling] = 0
                            spellingOrder[Int(tagID[pair])].append(tags[pair].spelling)
                        }
                    }
                    occurrences[pair] += 1
                    if !ids.contains(tagID[pair]) { ids.append(tagID[pair]) }
                }
                ids.sort()
                for id in ids { frequency[Int(id)] += 1 }
                for (position, a) in ids.enumerated() {
                    for b in ids[(position + 1)...] { pairCounts.add(UInt64(a) << 32 | UInt64(b)) }
                }
                postIDs += ids
                postStart.append(UInt32(postIDs.count))
            }
            for pair in met { spellings[Int(tagID[pair])][tags[pair].spelling, default: 0] += occurrences[pair] }
        }

        private mutating func id(_ key: String) -> UInt32 {
            if let known = index[key] { return known }
            let id = UInt32(keys.count)
            index[key] = id
            keys.append(key)
            frequency.append(0)
            spellings.append([:])
            spellingOrder.append([])
            return id
        }

        func store(in stats: inout CorpusStats) {
            stats.tagKeys = Column(keys)
            stats.tagFrequency = Column(frequency)
            stats.postTagStart = Column(postStart)
            stats.postTagIDs = Column(postIDs)
            stats.tagDisplays = Column(spellingOrder.enumerated().map { id, order in
                let best = order.map { spellings[id][$0, default: 0] }.max() ?? 0
                return order.first { spellings[id][$0] == best } ?? keys[id]
            })
            let (pairs, counts) = pairCounts.sorted()
            stats.tagPairs = Column(pairs)
            stats.tagPairCounts = Column(counts)
        }
    }
}
