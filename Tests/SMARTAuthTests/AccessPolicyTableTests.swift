import FHIRAccess
import SMARTAuth
import Testing

/// Role × scopes × interaction, each expectation written out. Clinicians are assigned p1 and
/// p2; a patient's own record is p1; `launch` is the launch patient.
@Suite struct AccessPolicyTableTests {
    enum Expected: Equatable {
        case unrestricted
        case compartment([String])
        case denied
    }

    struct Row: CustomStringConvertible {
        let role: Role?
        let scopes: String
        let launch: String?
        let interaction: Interaction
        let type: String?
        let view: DataView
        let expected: Expected

        var description: String {
            "\(role?.rawValue ?? "system client") [\(scopes)] launch=\(launch ?? "none") \(interaction.rawValue) \(type ?? "-") \(view.rawValue)"
        }
    }

    static func row(_ role: Role?, _ scopes: String, launch: String? = nil, _ interaction: Interaction, _ type: String?, view: DataView = .clinical, _ expected: Expected) -> Row {
        Row(role: role, scopes: scopes, launch: launch, interaction: interaction, type: type, view: view, expected: expected)
    }

    static let rows: [Row] = [
        // user/*.cruds: the role decides.
        row(.researcher, "user/*.cruds", .read, "Observation", .denied),
        row(.researcher, "user/*.cruds", .searchType, "Observation", .denied),
        row(.researcher, "user/*.cruds", .searchSystem, nil, .denied),
        row(.researcher, "user/*.cruds", .create, "Observation", .denied),
        row(.researcher, "user/*.cruds", .read, "Observation", view: .research, .unrestricted),
        row(.researcher, "user/*.cruds", .searchType, "Observation", view: .research, .unrestricted),
        row(.researcher, "user/*.cruds", .historyType, "Observation", view: .research, .unrestricted),
        row(.researcher, "user/*.cruds", .create, "Observation", view: .research, .denied),
        row(.researcher, "user/*.cruds", .delete, "Observation", view: .research, .denied),

        row(.clinician, "user/*.cruds", .read, "Observation", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .vread, "Observation", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .searchType, "Observation", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .searchSystem, nil, .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .historySystem, nil, .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .create, "Observation", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .update, "Observation", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .patch, "Observation", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .delete, "Observation", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .read, "Patient", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .create, "Patient", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .read, "Practitioner", .compartment(["p1", "p2"])),
        row(.clinician, "user/*.cruds", .create, "Practitioner", .denied),
        row(.clinician, "user/*.cruds", .update, "Organization", .denied),
        row(.clinician, "user/*.cruds", .read, "Observation", view: .research, .denied),

        row(.dataSteward, "user/*.cruds", .read, "Observation", .unrestricted),
        row(.dataSteward, "user/*.cruds", .searchSystem, nil, .unrestricted),
        row(.dataSteward, "user/*.cruds", .read, "Practitioner", .unrestricted),
        row(.dataSteward, "user/*.cruds", .create, "Observation", .denied),
        row(.dataSteward, "user/*.cruds", .update, "Observation", .denied),
        row(.dataSteward, "user/*.cruds", .patch, "Observation", .denied),
        row(.dataSteward, "user/*.cruds", .delete, "Observation", .denied),
        row(.dataSteward, "user/*.cruds", .create, "Patient", .denied),
        row(.dataSteward, "user/*.cruds", .read, "Observation", view: .research, .unrestricted),

        row(.administrator, "user/*.cruds", .read, "Observation", .unrestricted),
        row(.administrator, "user/*.cruds", .searchSystem, nil, .unrestricted),
        row(.administrator, "user/*.cruds", .create, "Observation", .unrestricted),
        row(.administrator, "user/*.cruds", .delete, "Observation", .unrestricted),
        row(.administrator, "user/*.cruds", .create, "Patient", .unrestricted),
        row(.administrator, "user/*.cruds", .create, "Practitioner", .unrestricted),
        row(.administrator, "user/*.cruds", .read, "Observation", view: .research, .unrestricted),
        row(.administrator, "user/*.cruds", .update, "Observation", view: .research, .denied),

        row(.patient, "user/*.cruds", .read, "Observation", .compartment(["p1"])),
        row(.patient, "user/*.cruds", .searchType, "Observation", .compartment(["p1"])),
        row(.patient, "user/*.cruds", .read, "Patient", .compartment(["p1"])),
        row(.patient, "user/*.cruds", .update, "Patient", .compartment(["p1"])),
        row(.patient, "user/*.cruds", .create, "Observation", .compartment(["p1"])),
        row(.patient, "user/*.cruds", .create, "Patient", .denied),
        row(.patient, "user/*.cruds", .read, "Practitioner", .compartment(["p1"])),
        row(.patient, "user/*.cruds", .create, "Practitioner", .denied),
        row(.patient, "user/*.cruds", .read, "Observation", view: .research, .denied),

        row(nil, "user/*.cruds", .read, "Observation", .unrestricted),
        row(nil, "user/*.cruds", .create, "Patient", .unrestricted),
        row(nil, "user/*.cruds", .read, "Observation", view: .research, .unrestricted),

        // patient/*.cruds with p1 in the launch context: that compartment, met with the role.
        row(.researcher, "patient/*.cruds", launch: "p1", .read, "Observation", .denied),
        row(.researcher, "patient/*.cruds", launch: "p1", .read, "Observation", view: .research, .compartment(["p1"])),
        row(.clinician, "patient/*.cruds", launch: "p1", .read, "Observation", .compartment(["p1"])),
        row(.clinician, "patient/*.cruds", launch: "p1", .searchSystem, nil, .compartment(["p1"])),
        row(.clinician, "patient/*.cruds", launch: "p1", .create, "Observation", .compartment(["p1"])),
        row(.clinician, "patient/*.cruds", launch: "p1", .create, "Patient", .denied),
        row(.clinician, "patient/*.cruds", launch: "p1", .read, "Practitioner", .compartment(["p1"])),
        row(.clinician, "patient/*.cruds", launch: "p3", .read, "Observation", .denied),
        row(.dataSteward, "patient/*.cruds", launch: "p1", .read, "Observation", .compartment(["p1"])),
        row(.dataSteward, "patient/*.cruds", launch: "p1", .update, "Observation", .denied),
        row(.administrator, "patient/*.cruds", launch: "p1", .read, "Observation", .compartment(["p1"])),
        row(.administrator, "patient/*.cruds", launch: "p1", .delete, "Condition", .compartment(["p1"])),
        row(.administrator, "patient/*.cruds", launch: "p1", .create, "Patient", .denied),
        row(.administrator, "patient/*.cruds", launch: "p1", .create, "Medication", .denied),
        row(.patient, "patient/*.cruds", launch: "p1", .read, "Observation", .compartment(["p1"])),
        row(.patient, "patient/*.cruds", launch: "p2", .read, "Observation", .denied),
        row(nil, "patient/*.cruds", launch: "p1", .read, "Observation", .compartment(["p1"])),
        row(nil, "patient/*.cruds", launch: "p1", .update, "Observation", .compartment(["p1"])),
        row(.administrator, "patient/*.cruds", .read, "Observation", .denied),
        row(nil, "patient/*.cruds", .searchSystem, nil, .denied),

        // system/*.rs: read and search only.
        row(nil, "system/*.rs", .read, "Observation", .unrestricted),
        row(nil, "system/*.rs", .searchType, "Location", .unrestricted),
        row(nil, "system/*.rs", .historyInstance, "Observation", .unrestricted),
        row(nil, "system/*.rs", .searchSystem, nil, .unrestricted),
        row(nil, "system/*.rs", .operation, "Observation", .unrestricted),
        row(nil, "system/*.rs", .operation, nil, .unrestricted),
        row(nil, "system/*.rs", .create, "Observation", .denied),
        row(nil, "system/*.rs", .update, "Observation", .denied),
        row(nil, "system/*.rs", .delete, "Observation", .denied),
        row(.clinician, "system/*.rs", .read, "Observation", .compartment(["p1", "p2"])),

        // One type, read and search: other types and letters are refused.
        row(nil, "patient/Observation.rs", launch: "p1", .read, "Observation", .compartment(["p1"])),
        row(nil, "patient/Observation.rs", launch: "p1", .searchType, "Observation", .compartment(["p1"])),
        row(nil, "patient/Observation.rs", launch: "p1", .searchSystem, nil, .compartment(["p1"])),
        row(nil, "patient/Observation.rs", launch: "p1", .read, "Condition", .denied),
        row(nil, "patient/Observation.rs", launch: "p1", .read, "Practitioner", .denied),
        row(nil, "patient/Practitioner.rs", launch: "p1", .read, "Practitioner", .compartment(["p1"])),
        row(.clinician, "user/Organization.rs", .searchType, "Organization", .compartment(["p1", "p2"])),
        row(nil, "patient/Observation.rs", launch: "p1", .create, "Observation", .denied),
        row(nil, "patient/Observation.rs", launch: "p1", .operation, nil, .denied),
        row(nil, "patient/Observation.r", launch: "p1", .searchType, "Observation", .denied),
        row(nil, "patient/Observation.r", launch: "p1", .historyType, "Observation", .denied),
        row(nil, "patient/Observation.r", launch: "p1", .historyInstance, "Observation", .compartment(["p1"])),
        row(nil, "patient/Observation.s", launch: "p1", .read, "Observation", .denied),
        row(nil, "user/Observation.u", .patch, "Observation", .unrestricted),
        row(nil, "user/Observation.u", .update, "Observation", .unrestricted),
        row(nil, "user/Observation.u", .create, "Observation", .denied),
        row(nil, "user/Observation.c", .create, "Observation", .unrestricted),
        row(nil, "user/Observation.d", .delete, "Observation", .unrestricted),
        row(nil, "user/Observation.d", .update, "Observation", .denied),

        // No resource scopes at all.
        row(.administrator, "openid fhirUser", .read, "Observation", .denied),
        row(nil, "", .searchSystem, nil, .denied),
    ]

    @Test(arguments: rows)
    func decision(_ row: Row) throws {
        let caller = try PolicyFixture.caller(row.scopes, role: row.role, launch: row.launch)
        let decision = PolicyFixture.policy.decide(PolicyFixture.request(row.interaction, row.type, view: row.view), for: caller)
        switch row.expected {
        case .unrestricted:
            #expect(decision.access == .allow(.unrestricted))
        case .compartment(let ids):
            #expect(decision.access == .allow(.patientCompartment(patientIDs: ids)))
        case .denied:
            #expect(!decision.isAllowed)
        }
        #expect(decision.restriction.isEmpty)
    }
}
