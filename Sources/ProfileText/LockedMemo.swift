import Foundation

/// The results of a pure function of a key, remembered for every thread behind one lock, and
/// forgotten all at once when `limit` keys are held (a long-running language server sees ever
/// new keys).
final class LockedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// The value for `key`, computed with `make` (outside the lock) the first time.
    func value(for key: Key, make: (Key) -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make(key)
        lock.withLock {
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = made
        }
        return made
    }

    /// How many keys are held.
    var count: Int { lock.withLock { values.count } }
}
