import ProfileLint

/// The lint result cache entries a run stores for the next one: findings per file and the
/// rule facts per session. They are written on a thread of their own while the report is
/// rendered and written (`LintCommand.run`), since this run's report does not read them.
struct ResultCacheWrites: Sendable {
    let cache: ResultCache
    private var findings: [(key: String, result: LintResult)] = []
    private var rules: [(sessionKey: String, catalog: RuleCatalog)] = []

    init(cache: ResultCache) {
        self.cache = cache
    }

    /// `result`'s findings, encoded for the cache when written.
    mutating func add(_ result: LintResult, key: String) {
        findings.append((key, result))
    }

    mutating func addRules(_ catalog: RuleCatalog, sessionKey: String) {
        rules.append((sessionKey, catalog))
    }

    /// Writes every entry, then prunes the cache if anything was written.
    func write() {
        for entry in findings { cache.write(ResultCache.Findings(entry.result), key: entry.key) }
        for entry in rules { cache.writeRules(entry.catalog, sessionKey: entry.sessionKey) }
        if !findings.isEmpty { cache.prune() }
    }

    /// Runs `body` (the report) while the entries are written on another thread; returns once
    /// both are done.
    func write<Value>(beside body: () throws -> Value) throws -> Value {
        guard !findings.isEmpty || !rules.isEmpty else { return try body() }
        let entries = self
        return try BesideThread.run({ entries.write() }, while: { Result { try body() } }).1.get()
    }
}
