import Testing
@testable import ProfileLintServer

@Suite struct FrameDecoderTests {
    private func frames(_ chunks: [[UInt8]]) -> [Frame] {
        var decoder = FrameDecoder()
        var frames: [Frame] = []
        for chunk in chunks {
            decoder.append(chunk)
            while let frame = decoder.next() { frames.append(frame) }
        }
        return frames
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func oneMessage() {
        #expect(frames([bytes("Content-Length: 2\r\n\r\n{}")]) == [.message(bytes("{}"))])
    }

    @Test func messageArrivingOneByteAtATime() {
        let message = bytes("Content-Length: 14\r\n\r\n{\"a\":\"é😀\"}")
        #expect(frames(message.map { [$0] }) == [.message(bytes("{\"a\":\"é😀\"}"))])
    }

    @Test func contentLengthCountsBytesNotCharacters() {
        // "é😀" is 2 + 4 bytes; a decoder counting characters would cut the body short.
        let body = bytes("\"é😀\"")
        #expect(body.count == 8)
        #expect(frames([FrameEncoder.frame(body)]) == [.message(body)])
    }

    @Test func twoMessagesInOneChunkAndContentTypeHeader() {
        let input = bytes("Content-Length: 1\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n1content-length:1\r\n\r\n2")
        #expect(frames([input]) == [.message(bytes("1")), .message(bytes("2"))])
    }

    @Test func emptyBody() {
        #expect(frames([bytes("Content-Length: 0\r\n\r\n")]) == [.message([])])
    }

    @Test func incompleteMessageWaits() {
        var decoder = FrameDecoder()
        decoder.append(bytes("Content-Length: 4\r\n\r\n{}"))
        #expect(decoder.next() == nil)
        decoder.append(bytes("  "))
        #expect(decoder.next() == .message(bytes("{}  ")))
        #expect(decoder.next() == nil)
    }

    @Test func missingContentLengthResynchronizesOnTheNextHeader() {
        let input = bytes("Content-Type: x\r\n\r\n{\"lost\":1}Content-Length: 2\r\n\r\n{}")
        let result = frames([input])
        #expect(result.count == 2)
        if case .malformedHeader(let problem) = result.first { #expect(problem.contains("no Content-Length")) } else { Issue.record("expected a malformed header") }
        #expect(result.last == .message(bytes("{}")))
    }

    @Test func badContentLengthValues() {
        for value in ["-1", "ten", "99999999999"] {
            let result = frames([bytes("Content-Length: \(value)\r\n\r\n")])
            #expect(result.count == 1)
            guard case .malformedHeader = result.first else {
                Issue.record("'\(value)' accepted")
                continue
            }
        }
    }

    @Test func headerLineWithoutColon() {
        #expect(frames([bytes("garbage\r\n\r\n")]) == [.malformedHeader("header line 'garbage' has no ':'")])
    }

    @Test func resynchronizesAcrossAChunkBoundary() {
        let result = frames([bytes("bad\r\n\r\nnoiseContent-Len"), bytes("gth: 2\r\n\r\n{}")])
        #expect(result == [.malformedHeader("header line 'bad' has no ':'"), .message(bytes("{}"))])
    }

    @Test func oversizedHeaderIsMalformed() {
        let result = frames([[UInt8](repeating: 0x41, count: FrameDecoder.maximumHeaderLength + 1)])
        #expect(result.count == 1)
        guard case .malformedHeader = result.first else {
            Issue.record("expected a malformed header")
            return
        }
    }

    @Test func encoderFramesWithByteLength() {
        #expect(FrameEncoder.frame(bytes("é")) == bytes("Content-Length: 2\r\n\r\né"))
    }
}

@Suite struct IncomingMessageTests {
    private func message(_ text: String) -> IncomingMessage { IncomingMessage(body: Array(text.utf8)) }

    @Test func classifiesRequestsNotificationsAndResponses() {
        #expect(message(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#) == .request(id: .integer(7), method: "shutdown", params: nil))
        #expect(message(#"{"jsonrpc":"2.0","id":"a","method":"m","params":[1]}"#) == .request(id: .string("a"), method: "m", params: .array([.integer(1)])))
        #expect(message(#"{"jsonrpc":"2.0","method":"exit"}"#) == .notification(method: "exit", params: nil))
        #expect(message(#"{"jsonrpc":"2.0","id":3,"result":null}"#) == .response(id: .integer(3), failed: false))
        #expect(message(#"{"jsonrpc":"2.0","id":4,"method":"shutdown","params":null}"#) == .request(id: .integer(4), method: "shutdown", params: nil))
    }

    @Test func invalidMessages() {
        #expect(message("{").errorCode == .parseError)
        #expect(message("[]").errorCode == .invalidRequest)
        #expect(message(#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#).errorCode == .invalidRequest)
        #expect(message(#"{"id":1,"method":"m"}"#) == .invalid(id: .integer(1), ResponseError(.invalidRequest, "'jsonrpc' must be \"2.0\"")))
        #expect(message(#"{"jsonrpc":"2.0","id":1,"method":5}"#).errorCode == .invalidRequest)
        #expect(message(#"{"jsonrpc":"2.0","id":1,"method":"m","params":3}"#).errorCode == .invalidRequest)
        #expect(message(#"{"jsonrpc":"2.0","id":1}"#).errorCode == .invalidRequest)
    }
}

private extension IncomingMessage {
    var errorCode: ErrorCode? {
        if case .invalid(_, let error) = self { return error.code }
        return nil
    }
}
