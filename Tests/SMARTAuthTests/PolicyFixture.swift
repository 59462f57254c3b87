import FHIRAccess
import SMARTAuth

/// What the policy tests share: a policy over a hand-written part of the Patient compartment,
/// callers and requests.
enum PolicyFixture {
    /// Some types of the R4 Patient compartment; Practitioner, Organization, Location and
    /// Medication are deliberately absent (they are outside it).
    static let policy = SMARTAccessPolicy(patientCompartmentTypes: [
        "AllergyIntolerance", "Condition", "DocumentReference", "Encounter", "MedicationRequest", "Observation",
    ])

    static let subject = "caller-1"

    /// A caller with these scopes; clinicians are assigned p1 and p2 unless told otherwise, and
    /// a patient's own record is Patient/p1 unless told otherwise.
    static func caller(_ scopes: String, role: Role? = nil, launch: String? = nil, fhirUser: String? = nil, assigned: [String]? = nil) throws -> SMARTCaller {
        SMARTCaller(
            subject: subject,
            scopes: try ScopeSet(parsing: scopes),
            role: role,
            launchPatient: launch,
            fhirUser: fhirUser ?? (role == .patient ? "Patient/p1" : nil),
            assignedPatients: assigned ?? (role == .clinician ? ["p1", "p2"] : [])
        )
    }

    static func request(_ interaction: Interaction, _ type: String? = nil, id: String? = nil, view: DataView = .clinical) -> AccessRequest {
        AccessRequest(principal: Principal(subject: subject), interaction: interaction, resourceType: type, resourceID: id, view: view)
    }

    static func decide(_ caller: SMARTCaller, _ interaction: Interaction, _ type: String? = nil, view: DataView = .clinical) -> SMARTDecision {
        policy.decide(request(interaction, type, view: view), for: caller)
    }
}
