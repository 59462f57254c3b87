import FHIRModel
import Foundation
import KilnTesting

/// The transaction Bundles Kiln loads, serialized ahead of time so the load phase times the
/// server and not the making of documents.
struct TransactionBundles: Sendable {
    /// The JSON text of each Bundle, in batch order.
    let bodies: [[UInt8]]
    /// The mean size of an Observation as sent (without id and meta), in bytes.
    let meanObservationBytes: Int
    /// The mean size of an Observation as stored (with id and meta), in bytes.
    let meanStoredObservationBytes: Int

    /// The Bundles of `plan`: each Patient has a `urn:uuid:` fullUrl that its Observations refer to.
    init(plan: LoadPlan) {
        var bodies: [[UInt8]] = []
        bodies.reserveCapacity(plan.bundleCount)
        let serializer = JSONSerializer()
        var observationBytes = 0
        for bundle in 0..<plan.bundleCount {
            var entries: [(fullURL: String, resource: JSONValue)] = []
            var patientURLs: [Int: String] = [:]
            for patient in plan.patients(inBundle: bundle) {
                let fullURL = Self.newFullURL()
                patientURLs[patient] = fullURL
                entries.append((fullURL, SyntheticPatient.make(index: patient)))
            }
            for observation in plan.observations(inBundle: bundle) {
                let subject = patientURLs[plan.patient(ofObservation: observation)] ?? ""
                let resource = SyntheticObservation.make(index: observation, subject: subject)
                observationBytes += serializer.serialize(resource).count
                entries.append((Self.newFullURL(), resource))
            }
            bodies.append(serializer.serialize(Fixtures.transaction(entries)))
        }
        self.bodies = bodies
        self.meanObservationBytes = observationBytes / plan.observationCount
        let sent = SyntheticObservation.make(index: 0, subject: Self.newFullURL())
        let stored = StoredForm.stamped(SyntheticObservation.make(index: 0, subject: "Patient/\(BaselineDocuments.id(sequence: 1))"), id: BaselineDocuments.id(sequence: 2))
        let stamp = serializer.serialize(stored).count - serializer.serialize(sent).count
        self.meanStoredObservationBytes = meanObservationBytes + stamp
    }

    private static func newFullURL() -> String {
        "urn:uuid:\(UUID().uuidString.lowercased())"
    }
}
