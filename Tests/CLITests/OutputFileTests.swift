import Foundation
import Testing

/// What `--output`, `--write-baseline` and `--fix` do to the thing at the path they write:
/// a regular file is replaced atomically, a device, FIFO or standard output is written
/// through, a hard-linked file is rewritten in place, anything else is refused.
@Suite struct OutputFileTests {
    static let isRoot = getuid() == 0

    /// The file type bits of `path` (following symbolic links unless `link`).
    static func fileType(_ path: String, link: Bool = false) -> mode_t {
        var status = stat()
        let result = link ? lstat(path, &status) : stat(path, &status)
        return result == 0 ? status.st_mode & S_IFMT : 0
    }

    /// A device number as glibc encodes it for small majors and minors (`makedev` is a macro).
    static func device(major: UInt64, minor: UInt64) -> dev_t {
        dev_t((major << 8) | minor)
    }

    @Test func aCharacterDeviceIsWrittenThroughNotReplaced() throws {
        guard Self.isRoot else {
            print("skipped: creating a character device (mknod) needs root; CI runs the tests as root")
            return
        }
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let device = directory.appendingPathComponent("mynull").path
        // The same device as /dev/null (1, 3).
        #expect(mknod(device, S_IFCHR | 0o666, Self.device(major: 1, minor: 3)) == 0)
        let output = try CLI.run(["lint", "too-many-skills.yaml", "--output", device])
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        #expect(Self.fileType(device, link: true) == S_IFCHR)
        let baseline = try CLI.run(["lint", "too-many-skills.yaml", "--write-baseline", device])
        #expect(baseline.status == 0, "\(baseline.stderr)")
        #expect(Self.fileType(device, link: true) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["mynull"])
    }

    @Test func aBlockDeviceIsRefused() throws {
        guard Self.isRoot else {
            print("skipped: creating a block device (mknod) needs root; CI runs the tests as root")
            return
        }
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let device = directory.appendingPathComponent("disk").path
        // Major 240 is reserved for local use: no driver behind it, nothing to damage.
        #expect(mknod(device, S_IFBLK | 0o600, Self.device(major: 240, minor: 0)) == 0)
        let output = try CLI.run(["lint", "too-many-skills.yaml", "--output", device])
        #expect(output.status == 2)
        #expect(output.stderr == "profilelint: error: cannot write '\(device)': it is a block device; "
                + "profilelint writes regular files, character devices and FIFOs only\n")
        #expect(Self.fileType(device, link: true) == S_IFBLK)
    }

    @Test func aFIFOIsWrittenThrough() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(fifo)
        let output = try CLI.run(["lint", "too-many-skills.yaml", "--output", fifo])
        #expect(output.status == 1, "\(output.stderr)")
        #expect(reader.wait().hasPrefix("too-many-skills.yaml:"))
        #expect(Self.fileType(fifo, link: true) == S_IFIFO)
    }

    @Test func aFIFONobodyReadsIsAnErrorNotAHang() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let output = try CLI.run(["lint", "too-many-skills.yaml", "--output", fifo])
        #expect(output.status == 2)
        #expect(output.stderr == "profilelint: error: cannot write '\(fifo)': it is a named pipe that no process reads\n")
        #expect(Self.fileType(fifo, link: true) == S_IFIFO)
    }

    @Test func aLinkToStandardOutputWritesThere() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("out").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let output = try CLI.run(["lint", "too-many-skills.yaml", "--output", link])
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("too-many-skills.yaml:"))
        #expect(Self.fileType(link, link: true) == S_IFLNK)
        let direct = try CLI.run(["lint", "too-many-skills.yaml", "--output", "/dev/stdout"])
        #expect(direct.stdout.hasPrefix("too-many-skills.yaml:"))
    }

    @Test func aDirectoryIsRefused() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLI.run(["lint", "too-many-skills.yaml", "--write-baseline", directory.path])
        #expect(output.status == 2)
        #expect(output.stderr == "profilelint: error: cannot write '\(directory.path)': it is a directory\n")
    }

    @Test func fixWritesThroughAHardLink() throws {
        let directory = try ConfigCLI.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let profile = directory.appendingPathComponent("dupes.yaml").path
        let other = directory.appendingPathComponent("same-file.yaml").path
        #expect(link(profile, other) == 0)
        let output = try ConfigCLI.run(["lint", "--fix", "dupes.yaml"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try String(contentsOfFile: other, encoding: .utf8) == ConfigCLITests.fixedDupes)
        var first = stat(), second = stat()
        #expect(stat(profile, &first) == 0 && stat(other, &second) == 0)
        #expect(first.st_ino == second.st_ino && first.st_nlink == 2)
    }

    /// A file-size limit makes the kernel stop the process with SIGXFSZ in the middle of
    /// writing the temporary file: the temporary file must go, the profile stay as it was.
    @Test func fixKilledWhileWritingLeavesNoTemporaryFile() throws {
        let directory = try ConfigCLI.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let profile = directory.appendingPathComponent("dupes.yaml")
        let original = try String(contentsOf: profile, encoding: .utf8)
        // About 5 KiB: past the 1 KiB limit set below, so the write of the fixed file is cut short.
        let padded = original + String(repeating: "# padding to make the file larger than the size limit\n", count: 80)
        try padded.write(to: profile, atomically: false, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        // The test runner's threads may block or ignore SIGXFSZ, which the child inherits
        // (and a shell cannot undo): Python can.
        let limited = """
            import os, resource, signal, sys
            signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGXFSZ])
            resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
            os.execv(sys.argv[1], sys.argv[1:])
            """
        let output = try CLI.run(["python3", "-c", limited, CLI.binary.path, "lint", "--fix", "dupes.yaml"],
                                 in: directory, environment: CLI.environment(["PROFILELINT_RULES": ConfigCLI.rules]),
                                 executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(output.status == SIGXFSZ, "\(output.status): \(output.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before)
        #expect(try String(contentsOf: profile, encoding: .utf8) == padded)
    }
}

/// Reads a FIFO to its end on a thread of its own. The FIFO is opened for reading before
/// `init` returns (non-blocking), so a writer started after it finds a reader; the thread then
/// waits for the writer's bytes and its close.
final class FIFOReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        DispatchQueue.global().async {
            var collected = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            // A read of 0 bytes means end of file only once a writer has written; a writer
            // that never comes ends the wait after a minute (the test then fails, not hangs).
            let deadline = Date().addingTimeInterval(60)
            while descriptor >= 0, Date() < deadline {
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&ready, 1, 100)
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 { collected.append(contentsOf: buffer[..<count]) } else if count == 0, !collected.isEmpty { break }
            }
            if descriptor >= 0 { close(descriptor) }
            self.data = collected
            self.done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
