public import FHIRAudit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of checkpoints, one JSON object a line (``FHIRAudit/AuditCheckpoint``'s JSON form),
/// kept apart from the database: `kiln serve --audit-checkpoint-file` appends to it, and
/// `kiln audit verify --checkpoint` reads it back and compares it with the database's.
///
/// ```swift
/// try AuditCheckpointFile(path: "/var/lib/kiln/checkpoints.jsonl").append(checkpoint)
/// let kept = try AuditCheckpointFile(path: path).read()
/// ```
public struct AuditCheckpointFile: Sendable, Hashable {
    /// Where the file is.
    public let path: String

    /// The file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Appends `checkpoint` as one line and flushes it to disk. The file is created when
    /// missing and only ever appended to (`O_APPEND`), so two writers never interleave a line.
    public func append(_ checkpoint: AuditCheckpoint) throws(AuditCheckpointFileError) {
        var line: [UInt8]
        do {
            line = Array(try checkpoint.jsonData())
        } catch {
            throw .unwritable(path: path, reason: error.description)
        }
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        guard fsync(descriptor) == 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Every checkpoint in the file, in file order; blank lines are skipped. Throws when the
    /// file cannot be read or a line is not a checkpoint.
    public func read() throws(AuditCheckpointFileError) -> [AuditCheckpoint] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        var checkpoints: [AuditCheckpoint] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            do {
                checkpoints.append(try AuditCheckpoint(jsonData: Data(line)))
            } catch {
                throw .invalidLine(path: path, line: index + 1, reason: error.description)
            }
        }
        return checkpoints
    }
}

/// Why a checkpoint file could not be read or written.
public enum AuditCheckpointFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// A line of the file is not a checkpoint.
    case invalidLine(path: String, line: Int, reason: String)
    /// The file cannot be appended to.
    case unwritable(path: String, reason: String)

    /// The problem, for the operator.
    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read the checkpoint file \(path): \(reason)"
        case let .invalidLine(path, line, reason): "line \(line) of the checkpoint file \(path) is not a checkpoint: \(reason)"
        case let .unwritable(path, reason): "cannot append to the checkpoint file \(path): \(reason)"
        }
    }
}
