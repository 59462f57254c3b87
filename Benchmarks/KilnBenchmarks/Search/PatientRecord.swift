import FHIRModel
import FHIRStore
import Foundation

/// One patient's resources — the Patient, its Observations and the DiagnosticReports that group
/// them — with the keys they are written under, and the facts the searches are drawn from.
struct PatientRecord {
    /// How resources are identified and referred to.
    enum Identity {
        /// Ids assigned by the loader (UUID version 7, as Kiln assigns them); references are `Type/id`.
        case storedIDs
        /// `urn:uuid:` fullUrls of a transaction Bundle, which references use; the server assigns ids.
        case bundleURNs
    }

    /// One resource and its key: its id (``Identity/storedIDs``) or fullUrl (``Identity/bundleURNs``).
    struct Entry {
        /// The resource type.
        let resourceType: String
        /// The id or fullUrl.
        let key: String
        /// The resource, without `id` and `meta`.
        let resource: JSONValue
    }

    /// What one Observation is, for the parameter pools.
    struct ObservationFact {
        /// The LOINC code.
        let code: String
        /// The value.
        let value: Double
        /// The day taken, in days since 1970.
        let day: Int
    }

    /// The Patient's key (its id for ``Identity/storedIDs``).
    let patientKey: String
    /// Every resource, Patient first, then the Observations, then the reports.
    let entries: [Entry]
    /// Whether the family name starts with ``CohortPatient/namePrefix``.
    let matchesNamePrefix: Bool
    /// The Patient's year of birth.
    let birthYear: Int
    /// The Observations, in order.
    let observations: [ObservationFact]

    /// Patient number `index` and its resources, identified as `identity` says.
    init(index: Int, identity: Identity) {
        func newKey() -> String {
            switch identity {
            case .storedIDs: ResourceIDGenerator.make()
            case .bundleURNs: "urn:uuid:\(UUID().uuidString.lowercased())"
            }
        }
        func reference(_ type: String, _ key: String) -> String {
            switch identity {
            case .storedIDs: "\(type)/\(key)"
            case .bundleURNs: key
            }
        }
        let patient = CohortPatient.make(index: index)
        let patientKey = newKey()
        let subject = reference("Patient", patientKey)
        var entries = [Entry(resourceType: "Patient", key: patientKey, resource: patient.resource)]
        var observations: [ObservationFact] = []
        var observationKeys: [String] = []
        for number in 0..<SearchDataPlan.observationsPerPatient {
            let drawn = CohortObservation.make(index: index * SearchDataPlan.observationsPerPatient + number, subject: subject)
            let key = newKey()
            entries.append(Entry(resourceType: "Observation", key: key, resource: drawn.resource))
            observations.append(ObservationFact(code: drawn.code, value: drawn.value, day: drawn.day))
            observationKeys.append(key)
        }
        for report in 0..<SearchDataPlan.reportsPerPatient {
            let members = Array(stride(from: report, to: observationKeys.count, by: SearchDataPlan.reportsPerPatient))
            let day = members.map { observations[$0].day }.min() ?? CohortDate.firstDay
            let resource = CohortReport.make(
                index: index * SearchDataPlan.reportsPerPatient + report,
                subject: subject,
                results: members.map { reference("Observation", observationKeys[$0]) },
                day: day
            )
            entries.append(Entry(resourceType: "DiagnosticReport", key: newKey(), resource: resource))
        }
        self.patientKey = patientKey
        self.entries = entries
        self.matchesNamePrefix = patient.matchesNamePrefix
        self.birthYear = patient.birthYear
        self.observations = observations
    }
}
