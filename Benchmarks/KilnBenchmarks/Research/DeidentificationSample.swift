import FHIRDeidentify
import FHIRModel
import FHIRStore

/// The resources the in-process loops de-identify: the search benchmark's first Patient and its
/// first Observation, stamped with ids and `meta` as the store keeps them, and the row
/// identities the pseudonyms are keyed over.
struct DeidentificationSample: Sendable {
    /// The Patient's row identity.
    static let patientRowID: Int64 = 1_001
    /// The Observation's row identity.
    static let observationRowID: Int64 = 1_002

    /// The stored Patient.
    let patient: JSONValue
    /// The stored Observation about it.
    let observation: JSONValue
    /// Row identities by `Type/id`, for the pseudonymizer.
    let rowIDs: [String: Int64]

    /// Patient 0 of the data and its first Observation.
    init() {
        let patientID = ResourceIDGenerator.make()
        let observationID = ResourceIDGenerator.make()
        patient = StoredForm.stamped(CohortPatient.make(index: 0).resource, id: patientID)
        observation = StoredForm.stamped(CohortObservation.make(index: 0, subject: "Patient/\(patientID)").resource, id: observationID)
        rowIDs = ["Patient/\(patientID)": Self.patientRowID, "Observation/\(observationID)": Self.observationRowID]
    }

    /// The resources with their names, Patient first.
    var resources: [(type: String, resource: JSONValue)] {
        [("Patient", patient), ("Observation", observation)]
    }

    /// Keyed pseudonyms over ``rowIDs`` under `secret`, as the research view makes them.
    func pseudonymizer(secret: PseudonymSecret) -> KeyedPseudonymizer {
        let rowIDs = rowIDs
        return KeyedPseudonymizer(secret: secret) { type, id in rowIDs["\(type)/\(id)"] }
    }
}
