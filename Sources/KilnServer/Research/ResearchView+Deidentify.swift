import FHIRDeidentify
import FHIRModel
import FHIRStore
import Foundation

extension ResearchView {
    /// The de-identified form of each stored row that has one, in order; a row the engine
    /// refuses (a type the view does not serve, a modifier extension no rule allows) is left
    /// out, never served half-done. The row identities of the rows and of the resources they
    /// reference are what their pseudonyms are made of.
    /// `shape` narrows each stored resource first (`_summary`, `_elements`): only ever removing
    /// elements, before the engine, whose output is what is served.
    func deidentify(_ rows: [(rowID: Int64, resource: StoredResource)], project: ResearchProject,
                    shape: (JSONValue) -> JSONValue = { $0 }) async throws -> [DeidentifiedResource?] {
        let served = servedTypes(of: project)
        var keys = ResearchRowKeys()
        var parsed: [JSONValue?] = []
        for row in rows {
            keys.record(type: row.resource.resourceType, id: row.resource.id, rowID: row.rowID)
        }
        var missing: [(resourceType: String, id: String)] = []
        var missingSeen: Set<String> = []
        for row in rows {
            let json = try row.resource.json().map(shape)
            parsed.append(json)
            guard let json else { continue }
            for target in keys.missingTargets(in: json, served: served) where missingSeen.insert("\(target.resourceType)/\(target.id)").inserted {
                missing.append(target)
            }
        }
        if !missing.isEmpty { keys.merge(try await clinical.store.rowIDs(of: missing)) }
        let engine = try engine(for: project, rows: keys)
        let shifts = project.rules.dateShiftDays.map { days in (days, project.keyedPseudonyms) }
        let now = Date()
        return zip(rows, parsed).map { row, json in
            guard let json else { return nil }
            var context = DeidentificationContext(referenceDate: now)
            if let (days, keyed) = shifts, let patient = Self.patientRow(of: row.resource.resourceType, rowID: row.rowID, json: json, keys: keys) {
                context.dateShiftDays = keyed.dateShiftDays(patientInternalKey: patient, maximumDays: days)
            }
            return try? engine.deidentify(json, context: context)
        }
    }

    /// The row of the patient a resource belongs to, for its date offset: its own for a
    /// Patient, else that of its `subject` or `patient` reference to a Patient.
    private static func patientRow(of type: String, rowID: Int64, json: JSONValue, keys: ResearchRowKeys) -> Int64? {
        if type == "Patient" { return rowID }
        for element in ["subject", "patient"] {
            if let text = json[element]?["reference"]?.stringValue,
               let target = ReferencePseudonymization.target(of: text, isResourceType: { $0 == "Patient" }) {
                return keys.rowID(type: target.type, id: target.id)
            }
        }
        return nil
    }
}
