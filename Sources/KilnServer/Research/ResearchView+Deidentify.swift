import FHIRDeidentify
import FHIRModel
import FHIRStore
import Foundation

extension ResearchView {
    /// The de-identified form of each stored row that has one, in order; a row the engine
    /// refuses (a type the view does not serve, a modifier extension no rule allows) is left
    /// out, never served half-done. The row identities of the rows and of the resources they
    /// reference are what their pseudonyms are made of: those not known yet are looked up in
    /// one query after the first pass, and the rows that referred to them de-identified again.
    /// `shape` narrows each stored resource first (`_summary`, `_elements`): only ever removing
    /// elements, before the engine, whose output is what is served.
    func deidentify(_ rows: [(rowID: Int64, resource: StoredResource)], project: ResearchProject,
                    shape: (JSONValue) -> JSONValue = { $0 }) async throws -> [DeidentifiedResource?] {
        var keys = ResearchRowKeys()
        AuditTrail.current?.noteRead(rows.lazy.filter { !$0.resource.isDeleted }.map(\.resource.reference))
        for row in rows {
            keys.record(type: row.resource.resourceType, id: row.resource.id, rowID: row.rowID)
        }
        let store = clinical.store
        let resolver = ResearchRowResolver(rows: keys, served: servedTypes(of: project)) { type, id in
            store.knownRowID(resourceType: type, id: id)
        }
        let engine = try engine(for: project, rows: resolver)
        let shifts = project.rules.dateShiftDays.map { days in (days, project.keyedPseudonyms) }
        let now = Date()
        func deidentified(_ row: (rowID: Int64, resource: StoredResource), _ json: JSONValue) -> DeidentifiedResource? {
            var context = DeidentificationContext(referenceDate: now)
            if let (days, keyed) = shifts, let patient = Self.patientRow(of: row.resource.resourceType, rowID: row.rowID, json: json, rows: resolver) {
                context.dateShiftDays = keyed.dateShiftDays(patientInternalKey: patient, maximumDays: days)
            }
            return try? engine.deidentify(json, context: context)
        }
        var parsed: [JSONValue?] = []
        var results: [DeidentifiedResource?] = []
        var missing: [Int] = []
        parsed.reserveCapacity(rows.count)
        results.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let json = try row.resource.json().map(shape)
            parsed.append(json)
            guard let json else {
                results.append(nil)
                continue
            }
            let misses = resolver.missCount
            results.append(deidentified(row, json))
            if resolver.missCount != misses { missing.append(index) }
        }
        let missed = resolver.takeMissed()
        guard !missed.isEmpty else { return results }
        resolver.merge(try await store.rowIDs(of: missed))
        for index in missing {
            if let json = parsed[index] { results[index] = deidentified(rows[index], json) }
        }
        return results
    }

    /// The row of the patient a resource belongs to, for its date offset: its own for a
    /// Patient, else that of its `subject` or `patient` reference to a Patient.
    private static func patientRow(of type: String, rowID: Int64, json: JSONValue, rows: ResearchRowResolver) -> Int64? {
        if type == "Patient" { return rowID }
        for element in ["subject", "patient"] {
            if let text = json[element]?["reference"]?.stringValue,
               let target = ReferencePseudonymization.target(of: text, isResourceType: { $0 == "Patient" }) {
                return rows.rowID(type: target.type, id: target.id)
            }
        }
        return nil
    }
}
