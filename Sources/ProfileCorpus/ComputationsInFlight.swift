import Dispatch
import Foundation

/// The memoized computations under way, by key: a thread that asks for a value another thread
/// is computing waits for it instead of computing it again (the sections of one profile are
/// checked on separate threads and ask for the same fits and corpus-wide statistics).
/// Waiting cannot deadlock: a computation waits only for keys it depends on, and those never
/// depend on it (single-threaded, that would recurse forever).
final class ComputationsInFlight<Key: Hashable>: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [Key: DispatchGroup] = [:]

    /// `lookup()`'s value, or `make()`'s (handed to `store`) when no other thread is making it;
    /// when one is, waits for it and looks again (computing it after all if it was not kept).
    func value<Value>(_ key: Key, lookup: () -> Value?, make: () -> Value, store: (Value) -> Void) -> Value {
        while true {
            if let known = lookup() { return known }
            let (group, mine) = lock.withLock { () -> (DispatchGroup, Bool) in
                if let group = running[key] { return (group, false) }
                let group = DispatchGroup()
                group.enter()
                running[key] = group
                return (group, true)
            }
            guard mine else {
                group.wait()
                continue
            }
            let value = make()
            store(value)
            lock.withLock { running[key] = nil }
            group.leave()
            return value
        }
    }
}
