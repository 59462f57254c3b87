import FHIRAudit
import FHIRModel
import Foundation

/// Made-up audit records the size of Kiln's own (about 1.5 KB): a BALP-shaped AuditEvent of a
/// clinician's app reading, searching or updating a patient's resources, its agents, source and
/// entities. Record n always has the same content.
enum SyntheticAuditEvent {
    private static let interactions = [("read", "R"), ("search-type", "E"), ("vread", "R"), ("update", "U"), ("create", "C"), ("history-instance", "R")]
    private static let types = ["Observation", "Condition", "MedicationRequest", "Encounter", "DiagnosticReport", "AllergyIntolerance", "Procedure"]
    private static let purposes = ["TREAT", "HPAYMT", "HOPERAT", "ETREAT", "PATRQT"]
    private static let epoch = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01T00:00:00Z

    /// The record numbered `number` (from 1).
    static func record(_ number: Int) -> AuditRecord {
        let id = String(format: "019c%04x-%04x-7%03x-8%03x-%012llx", (number >> 48) & 0xffff, (number >> 32) & 0xffff, (number >> 20) & 0xfff, (number >> 8) & 0xfff, Int64(number) &* 2_654_435_761 & 0xffff_ffff_ffff)
        let (subtype, action) = interactions[number % interactions.count]
        let type = types[(number / 3) % types.count]
        let patient = "Patient/\(String(format: "%08x", (number &* 40_503) % 250_000))"
        let resource = "\(type)/\(String(format: "%016llx", Int64(number) &* 7_046_029_254_386_353_131 & 0x7fff_ffff_ffff_ffff))"
        let practitioner = "Practitioner/pr-\(number % 1_800)"
        let client = "app-\(number % 40)"
        let purpose = purposes[number % purposes.count]
        let recorded = epoch.addingTimeInterval(TimeInterval(number) * 0.05)
        let instant = FHIRInstant.format(recorded)
        let outcome = number % 97 == 0 ? "4" : "0"
        let json = """
            {"resourceType":"AuditEvent","id":"\(id)",\
            "type":{"system":"http://terminology.hl7.org/CodeSystem/audit-event-type","code":"rest"},\
            "subtype":[{"system":"http://hl7.org/fhir/restful-interaction","code":"\(subtype)"}],\
            "action":"\(action)","recorded":"\(instant)","outcome":"\(outcome)",\
            "purposeOfEvent":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"\(purpose)"}]}],\
            "agent":[{"type":{"coding":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110153"}]},\
            "who":{"identifier":{"system":"https://kiln.example.org/clients","value":"\(client)"}},"requestor":false,\
            "network":{"address":"10.\(number % 250).\((number / 250) % 250).\(number % 7 + 1)","type":"2"}},\
            {"who":{"reference":"\(practitioner)"},"requestor":true,"role":[{"coding":[{"system":"https://kiln.example.org/roles","code":"clinician"}]}]},\
            {"type":{"coding":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110152"}]},"who":{"display":"Kiln"},"requestor":false}],\
            "source":{"observer":{"display":"Kiln FHIR server"}},\
            "entity":[{"what":{"reference":"\(patient)"},"type":{"system":"http://terminology.hl7.org/CodeSystem/audit-entity-type","code":"1"},\
            "role":{"system":"http://terminology.hl7.org/CodeSystem/object-role","code":"1"}},\
            {"what":{"reference":"\(resource)"},"type":{"system":"http://terminology.hl7.org/CodeSystem/audit-entity-type","code":"2"},\
            "query":"\(Data("\(type)?patient=\(patient)&_count=50".utf8).base64EncodedString())",\
            "detail":[{"type":"X-Request-ID","valueString":"\(id)"}]}]}
            """
        return AuditRecord(
            id: id, recorded: recorded, canonical: Array(json.utf8), typeCode: "rest", subtypes: [subtype], action: action, outcome: outcome,
            patients: [patient], agents: [client, practitioner], purposes: [purpose], entities: [resource])
    }
}
