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
    /// elements, before the engine, whose output is what is served. A page's rows are parsed and
    /// de-identified on the available cores at once.
    func deidentify(_ rows: [(rowID: Int64, resource: StoredResource)], project: ResearchProject,
                    shape: @escaping @Sendable (JSONValue) -> JSONValue = { $0 }) async throws -> [DeidentifiedResource?] {
        let served = servedTypes(of: project)
        var keys = ResearchRowKeys()
        for row in rows {
            keys.record(type: row.resource.resourceType, id: row.resource.id, rowID: row.rowID)
        }
        let stored = rows.map(\.resource)
        let parsed: [JSONValue?] = try await Self.concurrently(stored) { resource in try resource.json().map(shape) }
        var missing: [(resourceType: String, id: String)] = []
        var missingSeen: Set<String> = []
        for json in parsed {
            guard let json else { continue }
            for target in keys.missingTargets(in: json, served: served) where missingSeen.insert("\(target.resourceType)/\(target.id)").inserted {
                missing.append(target)
            }
        }
        if !missing.isEmpty { keys.merge(try await clinical.store.rowIDs(of: missing)) }
        let engine = try engine(for: project, rows: keys)
        let shifts = project.rules.dateShiftDays.map { days in (days, KeyedPseudonymizer(secret: project.secret) { _, _ in nil }) }
        let now = Date()
        let work = zip(rows, parsed).map { row, json in (type: row.resource.resourceType, rowID: row.rowID, json: json) }
        let rowKeys = keys
        return try await Self.concurrently(work) { item -> DeidentifiedResource? in
            guard let json = item.json else { return nil }
            var context = DeidentificationContext(referenceDate: now)
            if let (days, keyed) = shifts, let patient = Self.patientRow(of: item.type, rowID: item.rowID, json: json, keys: rowKeys) {
                context.dateShiftDays = keyed.dateShiftDays(patientInternalKey: patient, maximumDays: days)
            }
            return try? engine.deidentify(json, context: context)
        }
    }

    /// The fewest items worth a task of their own.
    static let itemsPerTask = 8

    /// `body` applied to every item, in order: in one go for a few items, else in contiguous
    /// chunks, one child task per core.
    static func concurrently<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) throws -> Result) async throws -> [Result] {
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let tasks = min(cores, items.count / itemsPerTask)
        guard tasks > 1 else { return try items.map(body) }
        let size = (items.count + tasks - 1) / tasks
        return try await withThrowingTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: items.count, by: size) {
                let chunk = Array(items[start..<min(start + size, items.count)])
                group.addTask { (start, try chunk.map(body)) }
            }
            var chunks: [(Int, [Result])] = []
            for try await chunk in group { chunks.append(chunk) }
            return chunks.sorted { $0.0 < $1.0 }.flatMap(\.1)
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
