/// One corpus file read into memory.
public struct CorpusFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// The largest corpus file read by default (256 MiB): far above any real export, low
    /// enough that a stray disk image is refused before it is read.
    public static let defaultMaxBytes = 256 << 20
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
