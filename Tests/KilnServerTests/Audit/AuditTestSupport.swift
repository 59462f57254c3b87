import FHIRModel
import Foundation
import KilnTesting
import Logging
import PostgresNIO

/// One row of the audit log as the HTTP tests look at it.
struct AuditRow: Sendable {
    let sequence: Int64
    let typeCode: String
    let subtypes: [String]
    let outcome: String
    let patients: [String]
    let event: JSONValue

    /// The request id the record carries (BALP's XrequestId entity).
    var requestID: String? {
        for entity in event["entity"]?.arrayValue ?? [] {
            if entity["type"]?["code"]?.stringValue == "XrequestId" { return entity["what"]?["identifier"]?["value"]?.stringValue }
        }
        return nil
    }
}

extension TestServer {
    /// Every record of the server's audit log, in order.
    func auditRows() async throws -> [AuditRow] {
        try await TestCluster.withClient(database) { client in
            let rows = try await client.query(
                "SELECT seq, type_code, subtypes, outcome, patients, canonical FROM audit_record ORDER BY seq",
                logger: Logger(label: "test")
            )
            var result: [AuditRow] = []
            for try await (sequence, type, subtypes, outcome, patients, canonical) in rows.decode((Int64, String, [String], String, [String], ByteBuffer).self) {
                let event = try JSONParser(limits: JSONLimits(maximumDepth: 64)).parse(Array(buffer: canonical))
                result.append(AuditRow(sequence: sequence, typeCode: type, subtypes: subtypes, outcome: outcome, patients: patients, event: event))
            }
            return result
        }
    }

    /// Runs `statement` on the server's database as the test's superuser.
    func execute(_ statement: String) async throws {
        try await TestCluster.withClient(database) { client in
            try await client.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "test"))
        }
    }
}
