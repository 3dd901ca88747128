/// One result of cutting the input stream into JSON-RPC messages.
package enum Frame: Equatable, Sendable {
    /// The body of one message (the bytes after the header, `Content-Length` of them).
    case message([UInt8])
    /// A header block that cannot be used (no or a bad `Content-Length`, an oversized
    /// header). The decoder has skipped ahead to the next `Content-Length` header.
    case malformedHeader(String)
}

/// Cuts a byte stream into messages framed as the LSP base protocol prescribes:
/// a header block of `Name: value` lines ended by an empty line (`\r\n\r\n`),
/// `Content-Length` required, `Content-Type` optional, then exactly that many body bytes.
///
/// Feed it bytes as they arrive with `append`, then take frames with `next()` until nil.
/// After a malformed header it resynchronizes on the next `Content-Length:` so one bad
/// message does not take the following ones down with it.
package struct FrameDecoder: Sendable {
    /// Largest accepted header block; a longer one without its terminating empty line is malformed.
    static let maximumHeaderLength = 8 * 1024
    /// Largest accepted body (a profile is a few kilobytes; this bounds memory).
    static let maximumBodyLength = 64 * 1024 * 1024

    private static let headerTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    private static let contentLengthName: [UInt8] = Array("content-length:".utf8)

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer` (consumed bytes are compacted away lazily).
    private var start = 0
    /// The body length of the header just read, while its body is still arriving.
    private var pendingBodyLength: Int?
    /// Set after a malformed header: skip bytes until the next `Content-Length:` header.
    private var resynchronizing = false

    package init() {}

    /// Adds bytes read from the stream.
    package mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more bytes are needed.
    package mutating func next() -> Frame? {
        if resynchronizing {
            guard let found = find(Self.contentLengthName, caseInsensitive: true) else {
                // Keep a tail that may hold the start of a split `Content-Length:`.
                start = max(start, buffer.count - (Self.contentLengthName.count - 1))
                return nil
            }
            start = found
            resynchronizing = false
        }
        if let length = pendingBodyLength {
            guard buffer.count - start >= length else { return nil }
            let body = Array(buffer[start..<start + length])
            start += length
            pendingBodyLength = nil
            return .message(body)
        }
        guard let terminator = find(Self.headerTerminator, caseInsensitive: false) else {
            if buffer.count - start > Self.maximumHeaderLength {
                start = buffer.count
                resynchronizing = true
                return .malformedHeader("a header block is longer than \(Self.maximumHeaderLength) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<terminator], as: UTF8.self)
        start = terminator + Self.headerTerminator.count
        switch Self.contentLength(inHeader: header) {
        case .success(let length):
            pendingBodyLength = length
            return next()
        case .failure(let problem):
            resynchronizing = true
            return .malformedHeader(problem.message)
        }
    }

    private struct HeaderProblem: Error {
        var message: String
    }

    /// The `Content-Length` of a header block, or what is wrong with the block.
    private static func contentLength(inHeader header: String) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(message: "header line '\(line.prefix(80))' has no ':'"))
            }
            let name = line[..<colon].trimmingBlanks().lowercased()
            let value = line[line.index(after: colon)...].trimmingBlanks()
            guard name == "content-length" else { continue }
            guard let parsed = Int(value), parsed >= 0 else {
                return .failure(HeaderProblem(message: "Content-Length '\(value.prefix(40))' is not a non-negative integer"))
            }
            guard parsed <= maximumBodyLength else {
                return .failure(HeaderProblem(message: "Content-Length \(parsed) exceeds the limit of \(maximumBodyLength) bytes"))
            }
            length = parsed
        }
        guard let length else { return .failure(HeaderProblem(message: "the header has no Content-Length")) }
        return .success(length)
    }

    /// Index of the first occurrence of `pattern` in the unread bytes.
    private func find(_ pattern: [UInt8], caseInsensitive: Bool) -> Int? {
        let last = buffer.count - pattern.count
        guard start <= last else { return nil }
        var index = start
        while index <= last {
            var offset = 0
            while offset < pattern.count {
                var byte = buffer[index + offset]
                if caseInsensitive, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                if byte != pattern[offset] { break }
                offset += 1
            }
            if offset == pattern.count { return index }
            index += 1
        }
        return nil
    }
}

/// Frames outgoing message bodies with a `Content-Length` header.
package enum FrameEncoder {
    package static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

private extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
