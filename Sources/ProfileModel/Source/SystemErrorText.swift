import Foundation

/// The operating system's words for why a file operation failed ("Permission denied", "Not a
/// directory"), as `strerror` gives them, rather than Foundation's wrapper text with its error
/// domain and code ("The operation could not be completed. (NSCocoaErrorDomain error 512.)").
package enum SystemErrorText {
    package static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain, let code = Int32(exactly: error.code) { return String(cString: strerror(code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error { return reason(underlying) }
        // No system error beneath: Foundation's own sentence, without the domain and code.
        let text = error.localizedFailureReason ?? error.localizedDescription
        let cut = text.replacingOccurrences(of: "The operation could not be completed.", with: "")
            .replacingOccurrences(of: #"\s*\([A-Za-z]+ErrorDomain error -?\d+\.\)"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
        return cut.isEmpty ? "the operation failed" : cut
    }
}
