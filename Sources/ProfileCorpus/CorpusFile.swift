/// One corpus file read into memory.
package struct CorpusFile: Sendable {
    package var path: String
    package var bytes: [UInt8]
    /// The largest corpus file read by default (256 MiB): far above any real export, low
    /// enough that a stray disk image is refused before it is read.
    package static let defaultMaxBytes = 256 << 20
    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
