import Foundation

/// Paths of shared test data, found from this file's location (`Tests/ProfileTextTests/`).
enum TestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under the shared data directory (`../shared/data` from the package root).
    static func shared(_ relativePath: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/\(relativePath)")
    }

    /// A file under this test target's directory.
    static func local(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent("Tests/ProfileTextTests/\(relativePath)")
    }
}
