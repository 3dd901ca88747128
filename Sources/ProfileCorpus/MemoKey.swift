/// A key of any hashable type, for the memos that keep several computations' results under one
/// table (`Corpus.memoized`, the rules' section memo). It hashes and compares like `AnyHashable`
/// for keys of one type per computation, but wrapping a value asks the runtime nothing:
/// `AnyHashable` asks whether the key's type has a custom representation, and that first
/// question per type scans all of the static binary's ~6,800 conformance records (about 0.27 M
/// instructions; a lint wraps some fifteen key types).
package struct MemoKey: Hashable {
    private let base: any Hashable

    package init<Key: Hashable>(_ base: Key) {
        self.base = base
    }

    /// Equal when both keys have the same type and equal values.
    package static func == (lhs: MemoKey, rhs: MemoKey) -> Bool {
        lhs.base.isEqual(to: rhs.base)
    }

    package func hash(into hasher: inout Hasher) {
        base.hash(into: &hasher)
    }
}

private extension Hashable {
    /// Whether `other` is of this type and equal to `self` (a cast to a concrete type compares
    /// type metadata; it looks no conformance up).
    func isEqual(to other: any Hashable) -> Bool {
        guard let other = other as? Self else { return false }
        return other == self
    }
}
