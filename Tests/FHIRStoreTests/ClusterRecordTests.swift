import Foundation
import Testing
@testable import FHIRStore

@Suite("ClusterRecord")
struct ClusterRecordTests {
    @Test("A record survives writing and reading")
    func roundTrip() throws {
        let directory = NSTemporaryDirectory() + "kiln-record-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        try ClusterFiles.createDirectories(directory, mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let record = ClusterRecord(clusterDirectory: "/srv/kiln/.kiln/postgres", binDirectory: "/usr/lib/postgresql/15/bin", port: 41_234, osUser: "postgres")

        try record.write(to: directory)
        #expect(try ClusterRecord.read(from: directory) == record)
        #expect(try ClusterRecord.read(from: directory + "/missing") == nil)
    }

    @Test("A new record derives PGDATA, the log and the socket folder from the cluster folder")
    func derivedPaths() {
        let record = ClusterRecord(clusterDirectory: "/srv/c", binDirectory: "/bin", port: 1, osUser: "postgres")
        #expect(record.pgData == "/srv/c/data")
        #expect(record.logFile == "/srv/c/server.log")
        #expect(record.socketDirectory == "/srv/c")
        #expect(record.host == "127.0.0.1")
        #expect(record.username == "postgres")
        #expect(record.database == "kiln")
    }

    @Test("The file has one key per line and plain slashes, so shell scripts can read it")
    func fileIsScriptReadable() throws {
        let record = ClusterRecord(clusterDirectory: "/srv/c", binDirectory: "/usr/lib/postgresql/15/bin", port: 5, osUser: "postgres")
        let text = String(decoding: try record.encoded(), as: UTF8.self)
        #expect(text.contains("\n  \"pgData\" : \"/srv/c/data\",\n"))
        #expect(text.contains("\n  \"binDirectory\" : \"/usr/lib/postgresql/15/bin\",\n"))
        #expect(text.contains("\n  \"osUser\" : \"postgres\",\n"))
    }

    @Test("An unreadable record is an error that says how to recover")
    func unreadableRecord() throws {
        let directory = NSTemporaryDirectory() + "kiln-record-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        try ClusterFiles.createDirectories(directory, mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: ClusterRecord.path(in: directory)))
        let error = #expect(throws: EmbeddedPostgresError.self) { try ClusterRecord.read(from: directory) }
        #expect(error?.description.contains("delete it") == true)
    }
}
