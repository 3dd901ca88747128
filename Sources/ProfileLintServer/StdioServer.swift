import Foundation

/// Runs a `LanguageServer` over standard input and output.
package enum StdioServer {
    /// Serves until `exit` or the end of input and returns the exit status
    /// (0 after a `shutdown`, 1 otherwise).
    package static func serve() async -> Int32 {
        // A client that disappears closes the pipe; a write must fail, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(send: { body in
            guard !body.isEmpty else { return }
            // The client has gone away if stdout is closed; there is nobody left to answer.
            if !writeAll(FrameEncoder.frame(body), to: STDOUT_FILENO) { exit(1) }
        })
        var decoder = FrameDecoder()
        for await chunk in standardInputChunks() {
            decoder.append(chunk)
            while let frame = decoder.next() {
                if case .exit(let code) = await server.receive(frame) { return code }
            }
        }
        return await server.inputClosed()
    }

    /// Standard input as chunks, read on a thread of its own (reads block).
    private static func standardInputChunks() -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            let reader = Thread {
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                    if count > 0 {
                        continuation.yield(Array(buffer[0..<count]))
                    } else if count < 0, errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
                continuation.finish()
            }
            reader.start()
        }
    }

    /// Writes every byte, retrying short writes; false when the descriptor is closed.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                written += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
