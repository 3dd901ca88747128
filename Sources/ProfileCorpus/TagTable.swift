extension CorpusStats {
    /// Skill tags, added post by post: ids by first occurrence, per-post rows, frequencies and
    /// co-occurring pairs; the display is the most used spelling (the first on ties).
    struct TagTable {
        private var index: [String: UInt32] = [:]
        private var keys: [String] = []
        private var frequency: [UInt32] = []
        private var spellings: [[String: Int]] = []
        private var spellingOrder: [[String]] = []
        private var pairCounts: [UInt64: UInt32] = [:]
        private var postStart: [UInt32] = [0]
        private var postIDs: [UInt32] = []

        /// Adds posts' tags: per post, (canonical key, spelling) of each tag.
        mutating func add(_ posts: [[(String, String)]]) {
            var ids: [UInt32] = []  // a post's distinct tags (a few: a linear search beats a set)
            for tags in posts {
                ids.removeAll(keepingCapacity: true)
                for (key, spelling) in tags where !key.isEmpty {
                    let id = self.id(key)
                    if let known = spellings[Int(id)].index(forKey: spelling) {
                        spellings[Int(id)].values[known] += 1
                    } else {
                        spellings[Int(id)][spelling] = 1
                        spellingOrder[Int(id)].append(spelling)
                    }
                    if !ids.contains(id) { ids.append(id) }
                }
                ids.sort()
                for id in ids { frequency[Int(id)] += 1 }
                for (position, a) in ids.enumerated() {
                    for b in ids[(position + 1)...] { pairCounts[UInt64(a) << 32 | UInt64(b), default: 0] += 1 }
                }
                postIDs += ids
                postStart.append(UInt32(postIDs.count))
            }
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
            stats.tagPairs = Column(pairCounts.keys.sorted())
            stats.tagPairCounts = Column(stats.tagPairs.map { pairCounts[$0] ?? 0 })
        }
    }
}
