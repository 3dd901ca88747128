#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ProfileCorpus

/// The lint result cache: each profile's findings, scores, insights and fits as the pipeline
/// left them before the baseline (`LintSession.findings`), so a warm re-lint of an unchanged
/// file replays them instead of building the rules, loading the corpus and parsing the file
/// (as `ruff`'s and ESLint's caches do). `SessionFactory.resultKey` says what is keyed.
///
/// One file per key in the corpus cache's directory, `result-<key>.plresult`: a magic
/// string, the key, the payload's length and checksum, then the payload (binary,
/// `ResultCodable`). Beside them, `rules-<session key>.plresult` holds the facts the reports
/// need about the session's rules (`RuleCatalog`), so a run whose files all hit never loads
/// the rules. A file that is short, damaged, of another format or written for another key is
/// a miss, never an error.
/// Files are written to a temporary file of their own and renamed into place, so a
/// concurrent reader sees a whole entry or none; only `result-*.plresult` files are ever
/// replaced or removed. The oldest entries go when the cache passes `maxEntries` or
/// `maxTotalBytes`. `--no-cache` turns it off; `profilelint cache clean` empties it.
package struct ResultCache: Sendable {
    /// Part of every key: a change of the entry layout or payload invalidates old entries.
    package static let formatName = "profilelint-results-4"
    static let magic = Array("PLRESLT2".utf8)
    static let headerBytes = magic.count + 32 + 8 + 32
    /// The largest payload stored (a profile's findings take a few KiB).
    static let maxPayloadBytes = 4 << 20
    package static let maxEntries = 2_000
    package static let maxTotalBytes = 64 << 20
    static let prefix = "result-", rulesPrefix = "rules-", suffix = ".plresult"

    package let directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// What is stored for one file (the file itself is not: the run has just read it).
    package struct Findings: Sendable, ResultCodable {
        var diagnostics: [Diagnostic]
        var scores: [String: Double]
        var insights: [SectionInsight]
        var fits: [FitReport]

        package init(_ result: LintResult) {
            diagnostics = result.diagnostics
            scores = result.scores
            insights = result.insights
            fits = result.fits
        }

        package func result(for file: SourceFile) -> LintResult {
            LintResult(file: file, diagnostics: diagnostics, scores: scores, insights: insights, fits: fits)
        }

        func write(to writer: inout BinaryWriter) {
            writer.write(diagnostics)
            writer.write(scores)
            writer.write(insights)
            writer.write(fits)
        }

        init?(reading reader: inout BinaryReader) {
            guard let diagnostics = reader.read([Diagnostic].self), let scores = reader.read([String: Double].self),
                  let insights = reader.read([SectionInsight].self), let fits = reader.read([FitReport].self) else { return nil }
            (self.diagnostics, self.scores, self.insights, self.fits) = (diagnostics, scores, insights, fits)
        }
    }

    func path(forKey key: String, prefix: String = Self.prefix) -> String {
        (directory as NSString).appendingPathComponent(prefix + key + Self.suffix)
    }

    /// The findings stored under `key`; nil when there are none or the entry cannot be used.
    package func read(key: String) -> Findings? {
        read(Findings.self, key: key, prefix: Self.prefix)
    }

    /// Stores `findings` under `key`; a failure only costs the next run the time to lint again.
    /// (A run that wrote entries calls `prune` once at its end.)
    package func write(_ findings: Findings, key: String) {
        write(findings, key: key, prefix: Self.prefix)
    }

    /// The facts about the rules of the session whose key is `sessionKey`, if stored.
    package func readRules(sessionKey: String) -> RuleCatalog? {
        read(RuleCatalog.self, key: sessionKey, prefix: Self.rulesPrefix)
    }

    /// Stores the facts about a session's rules for a later run that replays all its files.
    package func writeRules(_ catalog: RuleCatalog, sessionKey: String) {
        write(catalog, key: sessionKey, prefix: Self.rulesPrefix)
    }

    private func read<Value: ResultCodable>(_: Value.Type, key: String, prefix: String) -> Value? {
        guard case .success(.whole(let bytes)) = BoundedRead.read(path: path(forKey: key, prefix: prefix),
                                                                   limit: Self.headerBytes + Self.maxPayloadBytes),
              let payload = Self.payload(of: bytes, key: key) else { return nil }
        return Value(decoding: payload)
    }

    private func write(_ value: some ResultCodable, key: String, prefix: String) {
        let payload = value.encoded
        guard payload.count <= Self.maxPayloadBytes else { return }
        let bytes = Self.entry(payload: payload, key: key)
        let temporary = (directory as NSString).appendingPathComponent(".\(prefix)\(key).\(UUID().uuidString).tmp")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let failure = AtomicFileWriter.writeAll(bytes, to: descriptor)
        close(descriptor)
        if failure != nil || rename(temporary, path(forKey: key, prefix: prefix)) != 0 { unlink(temporary) }
    }

    /// The bytes of an entry holding `payload` under `key`.
    static func entry(payload: [UInt8], key: String) -> [UInt8] {
        var length = UInt64(payload.count).littleEndian
        let lengthBytes = withUnsafeBytes(of: &length) { Array($0) }
        return magic + Array(key.utf8) + lengthBytes + Array(checksum(payload[...]).utf8) + payload
    }

    /// The payload of entry `bytes` if they are a whole, undamaged entry for `key`.
    static func payload(of bytes: [UInt8], key: String) -> ArraySlice<UInt8>? {
        guard bytes.count >= headerBytes, bytes.starts(with: magic), key.utf8.count == 32,
              bytes[magic.count..<magic.count + 32].elementsEqual(key.utf8) else { return nil }
        let lengthStart = magic.count + 32
        let length = bytes[lengthStart..<lengthStart + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length == UInt64(bytes.count - headerBytes) else { return nil }
        let payload = bytes[headerBytes...]
        guard bytes[lengthStart + 8..<headerBytes].elementsEqual(checksum(payload).utf8) else { return nil }
        return payload
    }

    /// The payload's `EntryChecksum` as 32 hex digits (the header's field; results-3 held a
    /// byte-at-a-time hash there, a visible share of writing and replaying a lint's results).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = String(EntryChecksum.of(bytes), radix: 16)
        return String(repeating: "0", count: 32 - digits.count) + digits
    }
}
