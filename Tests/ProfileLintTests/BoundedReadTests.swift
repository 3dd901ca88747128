import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Size limits are checked from `stat` before reading: sparse multi-gigabyte files (no disk
/// used) are refused without being read, and a pipe is read to at most the limit plus one byte.
@Suite struct BoundedReadTests {
    /// A sparse file of `size` bytes named `name` in a fresh directory.
    static func sparseFile(_ name: String, size: UInt64) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bounded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: size)
        try handle.close()
        return path
    }

    @Test func aHugeFileIsRefusedFromItsSize() throws {
        let path = try Self.sparseFile("huge.yaml", size: 3 << 30)
        #expect(BoundedRead.read(path: path, limit: 1 << 20) == .success(.tooLarge(size: 3 << 30)))
        let file = try BoundedRead.sourceFile(path: path).get()
        #expect(file.isOversized && file.bytes.isEmpty)
        let outcome = ProfileLoader.load(file)
        #expect(outcome.profile == nil)
        #expect(outcome.diagnostics.map(\.message) == ["the file is 3 GiB; the limit is 1 MiB"])
    }

    @Test func messagesGiveExactBytesWhenRoundingWouldHideTheExcess() {
        #expect(BoundedRead.sizeMessage(size: (1 << 20) + 1, limit: 1 << 20) == "the file is 1,048,577 bytes; the limit is 1,048,576 bytes")
        #expect(BoundedRead.sizeMessage(size: 3 << 19, limit: 1 << 20) == "the file is 1.5 MiB; the limit is 1 MiB")
        #expect(BoundedRead.sizeMessage(size: nil, limit: 1 << 20) == "the input is larger than the limit of 1 MiB")
    }

    @Test func aFileAtTheLimitIsReadWhole() throws {
        let path = try Self.sparseFile("edge.yaml", size: 100)
        #expect(BoundedRead.read(path: path, limit: 100) == .success(.whole([UInt8](repeating: 0, count: 100))))
        #expect(BoundedRead.read(path: path, limit: 99) == .success(.tooLarge(size: 100)))
    }

    /// A regular file is read straight into its array: every size around the old 64 KiB read
    /// buffer, and a few larger, reads back exactly what was written, within and at the limit.
    @Test func regularFilesOfEverySizeReadBackWhole() throws {
        var random = RandomCorpus.Generator(state: 7)
        for size in [0, 1, 2, 4_095, 65_535, 65_536, 65_537, 131_072, 200_003] {
            let path = try Self.sparseFile("file-\(size).bin", size: 0)
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(BoundedRead.read(path: path, limit: size) == .success(.whole(bytes)), "size \(size)")
            #expect(BoundedRead.read(path: path, limit: size + 1) == .success(.whole(bytes)), "size \(size)")
            if size > 0 { #expect(BoundedRead.read(path: path, limit: size - 1) == .success(.tooLarge(size: size))) }
        }
    }

    /// A descriptor already read from (standard input redirected from a file) gives the rest of
    /// the file, which is shorter than its `stat` size.
    @Test func theRestOfAnOpenDescriptorIsRead() throws {
        let path = try Self.sparseFile("rest.yaml", size: 0)
        try Data("title: a\noverview: b\n".utf8).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var skipped = [UInt8](repeating: 0, count: 9)
        #expect(Foundation.read(descriptor, &skipped, 9) == 9)
        #expect(BoundedRead.read(descriptor: descriptor, limit: 100) == .success(.whole(Array("overview: b\n".utf8))))
    }

    @Test func aPipeIsReadToTheLimitPlusOneByteAndNoFurther() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(repeating: 0x61, count: 500))
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        #expect(BoundedRead.read(descriptor: descriptor, limit: 100) == .success(.tooLarge(size: nil)))
        // Exactly 101 bytes were taken: the rest stays in the pipe.
        try pipe.fileHandleForWriting.close()
        #expect(pipe.fileHandleForReading.readDataToEndOfFile().count == 399)
    }

    @Test func aHugeCorpusFileIsALocatedError() throws {
        let path = try Self.sparseFile("posts.csv", size: 3 << 30)
        #expect {
            try CorpusLoader.read([path])
        } throws: { error in
            (error as? CorpusError)?.message
                == "corpus file '\(path)' is too large: the file is 3 GiB; the limit is 256 MiB (raise it with --corpus-max-file-mb)"
        }
        let small = try Self.sparseFile("posts.csv", size: 2 << 20)
        #expect(throws: CorpusError.self) { try CorpusLoader.read([small], maxFileBytes: 1 << 20) }
    }

    @Test func hugeConfigurationRuleAndBaselineFilesAreLocatedErrors() throws {
        let config = try Self.sparseFile(".profilelint.yml", size: 2 << 30)
        let baseline = try Self.sparseFile("baseline.json", size: 2 << 30)
        let rules = try Self.sparseFile("huge.yml", size: 2 << 30)
        let loads: [() throws -> Void] = [
            { _ = try ConfigLoader.load(path: config) },
            { _ = try Baseline.load(path: baseline) },
            { _ = try RulePack.load([RulePack.directory((rules as NSString).deletingLastPathComponent)]) },
        ]
        for load in loads {
            #expect {
                try load()
            } throws: { error in
                (error as? RuleFileError)?.message.contains("the file is 2 GiB; the limit is 1 MiB") == true
            }
        }
    }
}
