import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Logging
import PostgresNIO
import Testing

/// `kiln reindex` as an operator runs it, beside a running server on the same database.
@Suite("kiln reindex")
struct ReindexCommandTests {
    @Test("Lost index rows are rebuilt; a second run finds nothing to do")
    func rebuildsLostIndexRows() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        let url = "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"
        let server = try await KilnProcess.start(databaseURL: url)
        let client = KilnClient(baseURL: server.baseURL)
        let created = try await client.post("Patient", json: Fixtures.patient(mrn: "R-1"))
        try #require(created.status == 201)
        let search = "Patient?identifier=http://hospital.example.org/mrn|R-1&_total=accurate"
        #expect(try await client.get(search).json?["total"]?.numberValue?.intValue == 1)

        try await TestCluster.withClient(database) { postgres in
            try await postgres.query("DELETE FROM search_token", logger: Logger(label: "test"))
            try await postgres.query("UPDATE resource SET index_digest = NULL", logger: Logger(label: "test"))
        }
        #expect(try await client.get(search).json?["total"]?.numberValue?.intValue == 0)

        let first = try await KilnProcess.run(["reindex", "--database-url", url, "--base-url", String(server.baseURL.dropLast("/fhir".count))])
        #expect(first.status == 0)
        // The Patient and Kiln's Provenance of its create.
        #expect(first.output.contains("Examined 2 resources"), "\(first.output)")
        #expect(first.output.contains("2 reindexed"), "\(first.output)")
        #expect(try await client.get(search).json?["total"]?.numberValue?.intValue == 1)

        let second = try await KilnProcess.run(["reindex", "--database-url", url, "--type", "Patient"])
        #expect(second.output.contains("0 reindexed, 1 unchanged"), "\(second.output)")
        let wrongType = try await KilnProcess.run(["reindex", "--database-url", url, "--type", "NoSuchType"])
        #expect(wrongType.status != 0)
        await server.kill(SIGTERM)
        try? await TestCluster.shared.dropDatabase(database)
    }
}
