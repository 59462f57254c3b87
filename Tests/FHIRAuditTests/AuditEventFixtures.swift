import FHIRAudit
import FHIRDefinitions
import FHIRModel
import FHIRTerminology
import FHIRValidation
import Foundation
import KilnFixtures

/// Typical facts of audited events, the same in every run.
enum AuditEventFixtures {
    static let server = AuditEventFacts.Server(baseURL: "https://kiln.example/fhir")
    static let recorded = Date(timeIntervalSince1970: 1_714_557_600.123)

    /// A clinician using a SMART app with a token.
    static let clinician = AuditEventFacts.Caller(
        clientID: "growth-chart", clientName: "Growth Chart", subject: "u-4711", fhirUser: "Practitioner/dr-1",
        role: "clinician", organization: "Organization/clinic-1", purposeOfUse: "TREAT",
        tokenID: "6c1b4e0e-2d1f-4a55-9a61-0c9d7a3e7f10", networkAddress: "203.0.113.7"
    )

    /// Facts of `kind`, by the clinician, with the given patients and entities.
    static func facts(_ kind: AuditEventFacts.Kind, resourceType: String? = "Observation", entities: [String] = [], patients: [String] = [],
                      caller: AuditEventFacts.Caller = clinician, view: AuditEventFacts.View = .clinical,
                      consent: AuditEventFacts.Consent = .notApplicable, status: Int = 200,
                      id: String = "0d5c3f9a-5b8e-4c1d-9f3a-2e7b6a1c4d80") -> AuditEventFacts {
        AuditEventFacts(id: id, recorded: recorded, requestID: "req-51e2", kind: kind, view: view, resourceType: resourceType,
                        entities: entities, patients: patients, caller: caller, server: server, consent: consent, status: status)
    }

    /// The raw request of a search.
    static let searchRequest = Array("GET /fhir/Observation?patient=Patient/p1&code=http://loinc.org|2345-7&_count=10".utf8)

    /// The canonical bytes parsed back.
    static func json(_ record: AuditRecord) throws -> JSONValue {
        try JSONParser().parse(record.canonical)
    }

    /// The profiles a record claims.
    static func claimed(_ event: JSONValue) -> [String] {
        (event["meta"]?["profile"]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}

/// Kiln's validator over the shipped definitions (which include fhir-profiles/balp) and the
/// shipped terminology plus the BALP code systems and value sets of fhir-profiles/balp.
enum AuditValidator {
    static let shared: Result<Validator, any Error> = Result {
        let root = Fixtures.repositoryRoot
        let definitions = try StructureDefinitionRegistry.loadDefault(explicitDirectory: root.appendingPathComponent("fhir-profiles/r4").path)
        let data = try Data(contentsOf: root.appendingPathComponent("fhir-profiles/balp/terminology.json"))
        let bundle = try JSONParser().parse(Array(data))
        let resources = (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
        let terminology = try TerminologyService.loadDefault(explicitDirectory: root.appendingPathComponent("terminology").path).adding(resources)
        return Validator(definitions: definitions, terminology: TerminologyCodeChecker(service: terminology))
    }

    /// The issues of error level validating `event` against the base definition and the
    /// profiles it claims.
    static func errors(_ event: JSONValue) throws -> [OperationOutcomeIssue] {
        try shared.get().validate(event).errors
    }
}
