#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CorpusStats {
    /// Records of evicted terms, written in order to an anonymous temporary file (`tmpfile`:
    /// the system removes it when it is closed, even after a crash) and read back once, in
    /// order. When the file cannot be made or written, the records stay in memory: the result
    /// is the same, only the memory bound is lost.
    final class TermSpill {
        struct Record {
            var key: IDTriple
            var words: IDTriple
            var occurrence: Occurrence
            var length: UInt8
        }

        private var file: UnsafeMutablePointer<FILE>?
        /// Records in the file (complete ones), then those still in memory.
        private var written = 0
        private var buffer: [Record] = []
        /// Whether writing failed once: later records stay in memory.
        private var inMemoryOnly = false
        private static let bufferSize = 1 << 15

        init() {}

        deinit {
            if let file { fclose(file) }
        }

        var count: Int { written + buffer.count }

        func append(_ record: Record) {
            buffer.append(record)
            if buffer.count >= Self.bufferSize, !inMemoryOnly { flush() }
        }

        private func flush() {
            if file == nil { file = tmpfile() }
            guard let file else {
                inMemoryOnly = true
                return
            }
            let done = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, MemoryLayout<Record>.stride, $0.count, file) }
            written += done
            buffer.removeFirst(done)
            if !buffer.isEmpty { inMemoryOnly = true }
        }

        /// Calls `body` with every record, in the order appended; false when the file could not
        /// be read back whole.
        func forEach(_ body: (Record) -> Void) -> Bool {
            var remaining = written
            if remaining > 0 {
                guard let file, fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else { return false }
                let chunk = UnsafeMutableBufferPointer<Record>.allocate(capacity: Self.bufferSize)
                defer { chunk.deallocate() }
                while remaining > 0 {
                    let read = fread(chunk.baseAddress, MemoryLayout<Record>.stride, min(remaining, chunk.count), file)
                    if read == 0 { return false }
                    chunk[..<read].forEach(body)
                    remaining -= read
                }
            }
            buffer.forEach(body)
            return true
        }
    }
}
