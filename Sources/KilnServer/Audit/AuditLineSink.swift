public import Foundation

/// Where every committed audit record is also written as one line of JSON, for log shippers
/// and SIEMs that read logs (`kiln serve --audit-log stdout|FILE`): the record's canonical
/// bytes exactly, then a newline. The database stays the record of truth; a line that cannot
/// be written is reported to the server's log and does not fail the request.
public actor AuditLineSink {
    private let handle: FileHandle

    /// A sink writing to `handle` (standard output, or a file opened for appending).
    public init(handle: FileHandle) {
        self.handle = handle
    }

    /// A sink for `--audit-log`: `stdout`, or a file path, created if needed and appended to.
    public static func open(_ destination: String) throws -> AuditLineSink {
        if destination == "stdout" || destination == "-" { return AuditLineSink(handle: .standardOutput) }
        if !FileManager.default.fileExists(atPath: destination) {
            guard FileManager.default.createFile(atPath: destination, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: destination))
        try handle.seekToEnd()
        return AuditLineSink(handle: handle)
    }

    /// Writes each record as one line.
    public func write(_ records: [[UInt8]]) throws {
        guard !records.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(records.reduce(0) { $0 + $1.count + 1 })
        for record in records {
            bytes += record
            bytes.append(0x0A)
        }
        try handle.write(contentsOf: bytes)
    }
}
