public import FHIRAudit
public import PostgresNIO

extension AuditLogStore {
    /// The patients whose compartment each of `references` (`Type/id`) is in, as `Patient/id`,
    /// from the search index (a Patient is in its own). References that are unknown, malformed
    /// or of resources outside every compartment are absent from the answer.
    public func compartmentPatients(of references: [String]) async throws -> [String: [String]] {
        guard !references.isEmpty else { return [:] }
        let logger = self.logger
        return try await client.withConnection { connection in
            try await Self.compartmentPatients(of: references, on: connection, logger: logger)
        }
    }

    /// ``compartmentPatients(of:)`` on `connection`, so a write's transaction sees what it wrote.
    static func compartmentPatients(of references: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String: [String]] {
        var types: [String] = [], ids: [String] = []
        for reference in Set(references) {
            let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
            types.append(String(parts[0]))
            ids.append(String(parts[1]))
        }
        guard !types.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT u.t, u.i, c.patient_id
            FROM unnest(\(types)::text[], \(ids)::text[]) AS u(t, i)
            JOIN resource r ON r.resource_type = u.t AND r.id = u.i
            JOIN search_compartment c ON c.rid = r.rid
            """,
            logger: logger
        )
        var patients: [String: [String]] = [:]
        for try await (type, id, patient) in rows.decode((String, String, String).self) {
            patients["\(type)/\(id)", default: []].append("Patient/\(patient)")
        }
        return patients
    }
}

extension StoreTransaction {
    /// ``AuditLogStore/compartmentPatients(of:)`` inside this transaction: what it wrote counts.
    public func compartmentPatients(of references: [String]) async throws -> [String: [String]] {
        try await AuditLogStore.compartmentPatients(of: references, on: connection, logger: logger)
    }
}

extension AuditLogStore {
    /// Finds the patients of `references` and appends the records `makeRecords` builds with
    /// them, on one connection: the lookup, then the append as one statement committed on its
    /// own. Returns the records appended.
    public func append(
        resolvingPatientsOf references: [String],
        _ makeRecords: @Sendable ([String: [String]]) -> [AuditRecord]
    ) async throws -> [AuditRecord] {
        let logger = self.logger
        return try await client.withConnection { connection in
            let patients = references.isEmpty ? [:] : try await Self.compartmentPatients(of: references, on: connection, logger: logger)
            let records = makeRecords(patients)
            try Self.checkLists(of: records)
            try await Self.append(records, on: connection, logger: logger)
            return records
        }
    }
}
