import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import PostgresNIO

/// A fresh, migrated database of the test cluster for the audit log's tests: appends
/// AuditEvent-like records, checkpoints, verifies, and tampers as a database superuser would.
struct AuditLogTestDatabase: Sendable {
    static let logger = Logger(label: "test.audit")

    let client: PostgresClient
    let database: DatabaseConfiguration

    var log: AuditLogStore { AuditLogStore(client: client, logger: Self.logger) }
    var keys: AuditKeyStore { AuditKeyStore(client: client, logger: Self.logger) }

    /// The `postgres://` URL of the database, for `kiln` commands, with a small pool: the whole
    /// suite shares one cluster.
    var url: String { "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)?max_connections=\(Self.connections)" }

    /// The connections each test and each `kiln` process it runs may open.
    static let connections = 3

    /// Runs `body` over a new migrated database, dropped afterwards.
    static func with(_ body: @Sendable (AuditLogTestDatabase) async throws -> Void) async throws {
        var small = try await TestCluster.shared.makeDatabase()
        small.maximumConnections = connections
        let database = small
        try await TestCluster.withClient(database) { client in
            try await Migrator().migrate(client: client, logger: logger)
            try await body(AuditLogTestDatabase(client: client, database: database))
        }
        try await TestCluster.shared.dropDatabase(database)
    }

    /// The canonical bytes of made-up record `number`: an AuditEvent of a read by one of a few
    /// practitioners of one of many patients.
    static func canonical(_ number: Int, id: String) -> [UInt8] {
        Array(
            #"{"resourceType":"AuditEvent","id":"\#(id)","type":{"system":"http://terminology.hl7.org/CodeSystem/audit-event-type","code":"rest"},"subtype":[{"system":"http://hl7.org/fhir/restful-interaction","code":"read"}],"action":"R","recorded":"2026-01-01T00:00:00Z","outcome":"0","agent":[{"who":{"reference":"Practitioner/dr-\#(number % 7)"},"requestor":true}],"source":{"observer":{"display":"kiln"}},"entity":[{"what":{"reference":"Patient/p\#(number)"}}]}"#.utf8)
    }

    /// Appends `count` records numbered from `first`, in batches; returns them.
    @discardableResult
    func append(_ count: Int, first: Int = 1) async throws -> [AuditRecord] {
        let records = (first..<first + count).map { number in
            let id = "rec-\(number)-\(UUID().uuidString.prefix(8).lowercased())"
            return AuditRecord(
                id: id, recorded: Date(), canonical: Self.canonical(number, id: id), typeCode: "rest", subtypes: ["read"], action: "R",
                outcome: "0", patients: ["Patient/p\(number)"], agents: ["Practitioner/dr-\(number % 7)"], purposes: ["TREAT"])
        }
        var start = 0
        while start < records.count {
            try await log.append(Array(records[start..<min(start + 100, records.count)]))
            start += 100
        }
        return records
    }

    /// A checkpointer of this database, every `records` records (and every `interval`).
    func checkpointer(records: Int64 = 100, interval: Duration = .seconds(3600), file: String? = nil, batchSize: Int = 64) throws -> AuditCheckpointer {
        AuditCheckpointer(
            log: log, keys: keys,
            configuration: try AuditConfiguration(checkpointRecords: records, checkpointInterval: interval, checkpointFile: file, batchSize: batchSize),
            logger: Self.logger)
    }

    /// Verifies the log: `kiln audit verify`'s function.
    func verify(from: Int64? = nil, file: [AuditCheckpoint] = [], trustedKeys: [AuditPublicKey]? = nil) async throws -> AuditVerificationReport {
        try await AuditLogVerification.run(log: log, keys: keys, trustedKeys: trustedKeys, from: from, extraCheckpoints: file, batchSize: 64)
    }

    /// Runs `body` in one transaction with every trigger off, as a superuser who bypasses the
    /// append-only triggers would.
    func tamper(_ body: @Sendable (PostgresConnection) async throws -> Void) async throws {
        try await client.withTransaction(logger: Self.logger) { connection in
            try await connection.query("SET LOCAL session_replication_role = replica", logger: Self.logger)
            try await body(connection)
        }
    }

    /// Runs `statements` as ``tamper(_:)`` does.
    func tamper(_ statements: [String]) async throws {
        try await tamper { connection in
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger)
            }
        }
    }

    /// Every stored record, in sequence order.
    func storedRecords() async throws -> [StoredAuditRecord] {
        try await log.records(from: 1, limit: 1_000_000)
    }

    /// The stored checkpoints, parsed.
    func checkpoints() async throws -> [AuditCheckpoint] {
        try await log.checkpoints().map { try AuditCheckpoint(jsonData: Data($0)) }
    }
}
