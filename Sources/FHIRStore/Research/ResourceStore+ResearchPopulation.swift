import FHIRSearch
import PostgresNIO

extension ResourceStore {
    /// The purpose of use of research: HRESCH.
    public static let researchPurpose = "HRESCH"

    /// Calls `body` with each Patient of the research population, in id order, `pageSize` read
    /// at a time (one page in memory, no connection held between pages): the current, not
    /// deleted Patients whose Consents do not deny research (purpose HRESCH, action `access`,
    /// no actors) — decided by `kiln_consent_permits` as every read of the research view is,
    /// with `consentDefaultPermits` for a patient none of whose Consents applies (the research
    /// view's default permits: an opt-out model; false: opt-in).
    public func forEachResearchPatient(
        consentDefaultPermits: Bool, pageSize: Int = CurrentResourceSequence.defaultPageSize,
        _ body: (StoredResource) throws -> Void
    ) async throws {
        var lastID: String?
        while true {
            let page = try await researchPatientPage(after: lastID, limit: max(1, pageSize), consentDefaultPermits: consentDefaultPermits)
            for patient in page { try body(patient) }
            guard page.count == max(1, pageSize), let last = page.last?.id else { return }
            lastID = last
        }
    }

    /// Up to `limit` Patients of the research population with ids after `lastID`.
    func researchPatientPage(after lastID: String?, limit: Int, consentDefaultPermits: Bool) async throws -> [StoredResource] {
        var page = SQLBuilder()
        page.append("SELECT \(ResourceReader.columns) FROM resource r JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id")
        page.append(" WHERE r.resource_type = 'Patient' AND r.version_id > 0 AND NOT r.is_deleted")
        if let lastID {
            page.append(" AND r.id > ")
            page.bind(lastID)
        }
        // With a permitting default only a patient who holds a Consent is asked.
        page.append(" AND CASE WHEN ")
        page.bind(consentDefaultPermits)
        page.append(" AND NOT EXISTS (SELECT 1 FROM \(ConsentTables.policy) cp WHERE cp.patient_id = r.id) THEN true ELSE ")
        page.append("\(ConsentTables.permitsFunction)(r.id, r.rid, r.resource_type, r.id, ")
        page.bind(Self.researchPurpose)
        page.append(", ")
        page.bind([String]())
        page.append(", ")
        page.bind(["access"])
        page.append(", ")
        page.bind(consentDefaultPermits)
        page.append(") END ORDER BY r.id LIMIT ")
        page.bind(limit)
        return try await ResourceReader.decode(try await client.query(page.query, logger: logger))
    }
}
