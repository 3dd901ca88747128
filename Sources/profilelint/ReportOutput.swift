import Foundation
import ProfileLint

/// Where a report goes: standard output, or `--output FILE` written atomically (a temporary
/// file renamed into place, creating missing directories), so a report is never half-written.
enum ReportOutput {
    static func write(_ report: String, to output: String?) throws(CLIError) {
        guard let output else {
            try StandardOutput.write(report)
            return
        }
        let directory = PathText.directory(of: output)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw CLIError("cannot write '\(output)': cannot create the directory '\(directory)'")
            }
        } else if !isDirectory.boolValue {
            throw CLIError("cannot write '\(output)': '\(directory)' is not a directory")
        }
        do { try AtomicFileWriter.write(Array(report.utf8), to: output) } catch {
            throw CLIError("cannot write '\(output)': \(error.reason)")
        }
    }
}
