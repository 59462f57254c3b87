import FHIRDeidentify
import FHIRStore
import Logging
import PostgresNIO

/// The research view's pseudonyms of the benchmark's Patients, computed the way the view
/// computes them: the `default` project's secret (from `research_project`) over each Patient's
/// row identity (`resource.rid`). The secret stays in this process; it is never printed.
enum ResearchPseudonyms {
    /// The pseudonym of each of `patientIDs`, in the same order.
    static func of(patientIDs: [String], store: ResourceStore, client: PostgresClient, logger: Logger) async throws -> [String] {
        guard let project = try await ResearchProjectStore(client: client, logger: logger).project(named: "default"),
              let secret = PseudonymSecret(bytes: project.secret)
        else {
            throw BenchmarkError.nothingToDo("The database has no usable research project 'default'")
        }
        let keyed = KeyedPseudonymizer(secret: secret) { _, _ in nil }
        let rows = try await store.rowIDs(of: patientIDs.map { (resourceType: "Patient", id: $0) })
        return try patientIDs.map { id in
            guard let row = rows["Patient/\(id)"], let pseudonym = keyed.pseudonym(resourceType: "Patient", internalKey: row) else {
                throw BenchmarkError.nothingToDo("Patient/\(id) has no row in the database")
            }
            return pseudonym
        }
    }
}
