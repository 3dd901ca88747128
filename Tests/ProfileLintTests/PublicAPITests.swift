import Foundation
import Testing

/// The library API stays what docs/api/public-api.txt lists (`scripts/public-api check`), the
/// checker notices a new or a vanished `public` declaration, and a program outside the package
/// can use the API (type-checked against the built modules, where `package` is out of reach).
@Suite struct PublicAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `scripts/public-api ARGUMENTS`; its exit status and output.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try execute(["python3", Self.root.appendingPathComponent("scripts/public-api").path] + arguments)
    }

    /// Runs `command` (looked up in PATH); its exit status and output.
    func execute(_ command: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func sourcesDeclareExactlyTheListedAPI() throws {
        let (status, output) = try run(["check"])
        #expect(status == 0, "\(output)")
    }

    /// A scratch package: `Sources/<module>/<file>` for each entry.
    func scratchPackage(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("public-api-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func newAndVanishedPublicDeclarationsFailTheCheck() throws {
        let root = try scratchPackage([
            "Sources/Lib/Shape.swift": """
                /// A shape; `public` in a comment is not a declaration.
                public struct Shape {
                    public var sides: Int
                    let label = "public var hidden: Int"
                }
                """,
            "docs/api/public-api.txt": "Lib | - | struct Shape\nLib | Shape | var corners: Int\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }

        let (status, output) = try run(["check", "--root", root.path])
        #expect(status == 1)
        #expect(output.contains("new public declaration:  Lib | Shape | var sides: Int"))
        #expect(output.contains("public declaration gone: Lib | Shape | var corners: Int"))
        #expect(output.contains("scripts/public-api update"))
        #expect(!output.contains("hidden"))

        #expect(try run(["update", "--root", root.path]).status == 0)
        let (after, message) = try run(["check", "--root", root.path])
        #expect(after == 0, "\(message)")
    }

    @Test func applyKeepsListedPublicAndNarrowsTheRest() throws {
        let root = try scratchPackage([
            "Sources/Lib/Shape.swift": """
                public struct Shape {
                    public var sides: Int
                    public func area() -> Double { 0 }
                    public func perimeter() -> Double { 0 }
                }
                """,
            "Sources/App/main.swift": "import Lib\nprint(Shape(sides: 3).perimeter())\n",
            "docs/api/public-api.txt": "Lib | - | struct Shape\nLib | Shape | var sides: Int\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }

        #expect(try run(["apply", "--root", root.path]).status == 0)
        let text = try String(contentsOf: root.appendingPathComponent("Sources/Lib/Shape.swift"), encoding: .utf8)
        #expect(text.contains("public struct Shape {"))
        #expect(text.contains("    public var sides: Int"))
        #expect(text.contains("    package func perimeter()"), "named by another target")
        #expect(text.contains("\n    func area()"), "used by no other target")
    }

    /// `swiftc -typecheck` of `file` as code outside the package sees the built modules: no
    /// package name, so only `public` declarations are visible.
    func typecheckOutside(_ file: String) throws -> (status: Int32, output: String) {
        // The test bundle sits in the build directory, next to `Modules/` and the C targets.
        let build = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let modules = build.appendingPathComponent("Modules")
        try #require(FileManager.default.fileExists(atPath: modules.appendingPathComponent("ProfileLint.swiftmodule").path),
                     "no ProfileLint.swiftmodule in \(modules.path)")
        let yams = [build.deletingLastPathComponent(), build.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("checkouts/Yams/Sources/CYaml/include/module.modulemap") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        let yamsMap = try #require(yams, "no Yams checkout next to \(build.path)")
        return try execute(["swiftc", "-typecheck", "-I", modules.path,
                            "-Xcc", "-fmodule-map-file=" + build.appendingPathComponent("CICU.build/module.modulemap").path,
                            "-Xcc", "-fmodule-map-file=" + yamsMap.path, file])
    }

    @Test func aProgramOutsideThePackageCanUseTheAPI() throws {
        let consumer = Self.root.appendingPathComponent("Tests/Fixtures/api-consumer/main.swift").path
        let (status, output) = try typecheckOutside(consumer)
        #expect(status == 0, "\(output)")
    }

    @Test func packageDeclarationsAreOutOfReachOutsideThePackage() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).swift")
        try "import ProfileLint\nprint(SourceFile(path: \"p\", text: \"t\").lineStarts)\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try typecheckOutside(file.path)
        #expect(status != 0)
        #expect(output.contains("'lineStarts' is inaccessible due to 'package' protection level"), "\(output)")
    }
}
