import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Testing

/// `kiln audit export` and the `--audit-log` line sink: the records as stored, one per line.
@Suite("kiln audit export", .serialized)
struct AuditExportCommandTests {
    typealias DB = AuditLogTestDatabase

    @Test("export writes every record of the period as one line, exactly as stored, oldest first; a bad date is refused")
    func exportsNDJSON() async throws {
        try await DB.with { db in
            let records = try await db.append(30)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("audit.ndjson").path
            let exported = try await KilnProcess.run(["audit", "export", "--since", "2000-01-01", "--database-url", db.url, "-o", file])
            #expect(exported.status == 0, "\(exported.output)")
            let lines = try Data(contentsOf: URL(fileURLWithPath: file)).split(separator: 0x0A).map { Array($0) }
            #expect(lines == records.map(\.canonical))
            let none = try await KilnProcess.run(["audit", "export", "--since", "2000-01-01", "--until", "2000-12-31", "--database-url", db.url])
            #expect(none.status == 0)
            #expect(none.output.isEmpty)
            #expect(try await KilnProcess.run(["audit", "export", "--since", "yesterday", "--database-url", db.url]).status != 0)
        }
    }

    @Test("The line sink appends each record and a newline to its file")
    func lineSink() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-audit-lines-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try AuditLineSink.open(path)
        try await sink.write([Array("{\"a\":1}".utf8), Array("{\"b\":2}".utf8)])
        let reopened = try AuditLineSink.open(path)
        try await reopened.write([Array("{\"c\":3}".utf8)])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n")
    }
}
