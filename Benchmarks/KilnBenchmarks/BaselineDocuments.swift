import FHIRModel

/// The documents of the PostgreSQL baseline: the same Patients and Observations as Kiln's Bundles,
/// as Kiln would store them (with `id`, `meta` and `Patient/id` subjects), in the same batches.
struct BaselineDocuments: Sendable {
    /// One row of the baseline table.
    struct Row: Sendable {
        /// The primary key.
        let id: String
        /// The JSON text of the document.
        let json: String
    }

    /// The rows of each batch, in batch order.
    let batches: [[Row]]
    /// The ids of the Observations, for the read phases.
    let observationIDs: [String]

    /// The documents of `plan`.
    ///
    /// Ids are UUID-shaped and increase with the order of writing, as Kiln's UUID version 7 ids
    /// do, so both primary keys grow at their right edge.
    init(plan: LoadPlan) {
        var batches: [[Row]] = []
        var observationIDs: [String] = []
        batches.reserveCapacity(plan.bundleCount)
        observationIDs.reserveCapacity(plan.observationCount)
        var sequence = 0
        func nextID() -> String {
            sequence += 1
            return Self.id(sequence: sequence)
        }
        for bundle in 0..<plan.bundleCount {
            var rows: [Row] = []
            var patientIDs: [Int: String] = [:]
            for patient in plan.patients(inBundle: bundle) {
                let id = nextID()
                patientIDs[patient] = id
                rows.append(Row(id: id, json: StoredForm.stamped(SyntheticPatient.make(index: patient), id: id).jsonString))
            }
            for observation in plan.observations(inBundle: bundle) {
                let id = nextID()
                let subject = "Patient/\(patientIDs[plan.patient(ofObservation: observation)] ?? "")"
                rows.append(Row(id: id, json: StoredForm.stamped(SyntheticObservation.make(index: observation, subject: subject), id: id).jsonString))
                observationIDs.append(id)
            }
            batches.append(rows)
        }
        self.batches = batches
        self.observationIDs = observationIDs
    }

    /// A UUID-shaped id whose last group is `sequence` in hexadecimal.
    static func id(sequence: Int) -> String {
        let hex = String(sequence, radix: 16)
        return "0193b000-0000-7000-8000-\(String(repeating: "0", count: max(12 - hex.count, 0)))\(hex)"
    }
}
