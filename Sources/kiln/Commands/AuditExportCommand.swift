import ArgumentParser
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import Logging

/// `kiln audit export`: the audit records of a period as NDJSON, one AuditEvent per line
/// exactly as stored, oldest first, for a SIEM or an archive.
struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the audit records of a period as NDJSON (one AuditEvent per line, as stored, oldest first).",
        discussion: "Dates are FHIR dates or instants (2026-01-31, 2026-01-31T12:00:00Z); --since is inclusive, --until exclusive of the period after it (a day means up to its end)."
    )

    @Option(help: "The first day or instant to export (inclusive).")
    var since: String

    @Option(help: "The last day or instant to export (inclusive of its whole precision); default: now.")
    var until: String?

    @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let start = SearchDateValue(parsing: since) else {
            throw ValidationError("--since must be a date or instant such as 2026-01-31, not '\(since)'")
        }
        let end = try until.map { text in
            guard let parsed = SearchDateValue(parsing: text) else {
                throw ValidationError("--until must be a date or instant such as 2026-02-01, not '\(text)'")
            }
            return parsed
        }
        let sink: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure("cannot create \(output)")
            }
            sink = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            sink = .standardOutput
        }
        let logger = AuditCommand.logger
        let written = try await database.withReachableDatabase(logger: logger) { client, _ in
            let log = AuditLogStore(client: client, logger: logger)
            var query = AuditLogQuery()
            query.recordedFrom = start.low
            query.recordedBefore = end?.high
            query.newestFirst = false
            query.count = 1000
            var written = 0
            while true {
                let page = try await log.search(query)
                var bytes: [UInt8] = []
                for record in page.records {
                    bytes += record.canonical
                    bytes.append(0x0A)
                }
                try sink.write(contentsOf: bytes)
                written += page.records.count
                guard page.hasMore, let last = page.records.last else { break }
                query.after = last.sequence
            }
            return written
        }
        if output != nil {
            try sink.close()
            FileHandle.standardError.write(Data("Exported \(written) audit records to \(output ?? "")\n".utf8))
        }
    }
}
