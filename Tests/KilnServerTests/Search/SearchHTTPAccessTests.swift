import FHIRAccess
import FHIRModel
import KilnTesting
import Testing

/// Lets every read through restricted to the compartment of one patient, whose id the test
/// chooses; writes are unrestricted, so the test can store both patients' data first.
struct SinglePatientAccess: AccessController {
    let patientID: String

    func decide(_ request: AccessRequest) -> AccessDecision {
        request.interaction.isWrite ? .allow(.unrestricted) : .allow(.patientCompartment(patientIDs: [patientID]))
    }
}

@Suite("SearchHTTP: the access filter on every search path")
struct SearchHTTPAccessTests {
    /// Every id and name of the second patient's data contains this word.
    static let canary = "canary"

    @Test("A patient-compartment filter keeps the other patient's data out of matches, includes, chains, _has, system search and totals")
    func compartmentFilter() async throws {
        try await TestServer.run(access: SinglePatientAccess(patientID: "p1")) { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Practitioner", "id": "gp", "name": [{"family": "Shared"}]}"#,
                                 #"{"resourceType": "Practitioner", "id": "gp2", "name": [{"family": "Solo"}]}"#,
                                 #"{"resourceType": "Patient", "id": "p1", "name": [{"family": "Visible"}], "generalPractitioner": [{"reference": "Practitioner/gp"}]}"#,
                                 #"{"resourceType": "Patient", "id": "p2-canary", "name": [{"family": "Hidden"}], "generalPractitioner": [{"reference": "Practitioner/gp"}, {"reference": "Practitioner/gp2"}]}"#)
            for (suffix, patient) in [("p1", "p1"), ("p2-canary", "p2-canary")] {
                try await server.put(json: """
                    {"resourceType": "Observation", "id": "obs-\(suffix)", "status": "final",
                     "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
                     "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]},
                     "subject": {"reference": "Patient/\(patient)"},
                     "valueQuantity": {"value": 95, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}
                    """, """
                    {"resourceType": "DiagnosticReport", "id": "rep-\(suffix)", "status": "final",
                     "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8"}]},
                     "subject": {"reference": "Patient/\(patient)"},
                     "result": [{"reference": "Observation/obs-\(suffix)"}]}
                    """, """
                    {"resourceType": "Provenance", "id": "prov-\(suffix)", "recorded": "2024-05-01T10:00:00Z",
                     "target": [{"reference": "Observation/obs-\(suffix)"}, {"reference": "Patient/\(patient)"}],
                     "agent": [{"who": {"reference": "Practitioner/gp"}}]}
                    """)
            }

            /// The search, which must succeed and must not mention the second patient's data anywhere.
            func visible(_ path: String) async throws -> JSONValue {
                let response = try await server.get(path)
                try #require(response.status == 200, "GET \(path): \(response.status) \(response.text)")
                #expect(!response.text.lowercased().contains(Self.canary), "GET \(path) shows the other patient's data: \(response.text)")
                return response.resource
            }

            // Plain searches.
            #expect(Set(try await visible("Patient").matchIDs) == ["Patient/p1"])
            #expect(Set(try await visible("Observation").matchIDs) == ["Observation/obs-p1"])
            #expect(Set(try await visible("Observation?code=2339-0").matchIDs) == ["Observation/obs-p1"])
            #expect(Set(try await visible("DiagnosticReport").matchIDs) == ["DiagnosticReport/rep-p1"])
            // Kiln's Provenance of p1's create is in p1's compartment; those of the other writes are in none.
            let p1Record = WriteRecord.name(of: "Patient/p1/_history/1")
            #expect(Set(try await visible("Provenance").matchIDs) == ["Provenance/prov-p1", p1Record])
            #expect(Set(try await visible("Practitioner").matchIDs) == ["Practitioner/gp", "Practitioner/gp2"])

            // _include, _include:iterate and _revinclude.
            let include = try await visible("DiagnosticReport?_include=DiagnosticReport:result")
            #expect(include.matchIDs == ["DiagnosticReport/rep-p1"])
            #expect(include.includeIDs == ["Observation/obs-p1"])
            let iterate = try await visible("DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:patient")
            #expect(iterate.includeIDs == ["Observation/obs-p1", "Patient/p1"])
            let provenanceTargets = try await visible("Provenance?_include=Provenance:target")
            #expect(Set(provenanceTargets.matchIDs) == ["Provenance/prov-p1", p1Record])
            #expect(provenanceTargets.includeIDs == ["Observation/obs-p1", "Patient/p1"])
            let revinclude = try await visible("Observation?_revinclude=Provenance:target")
            #expect(revinclude.matchIDs == ["Observation/obs-p1"])
            #expect(revinclude.includeIDs == ["Provenance/prov-p1"])
            let practitionerRev = try await visible("Practitioner?_revinclude=Patient:general-practitioner")
            #expect(Set(practitionerRev.matchIDs) == ["Practitioner/gp", "Practitioner/gp2"])
            #expect(practitionerRev.includeIDs == ["Patient/p1"])
            let practitionerRevIterate = try await visible("Practitioner?_id=gp&_revinclude=Patient:general-practitioner&_revinclude:iterate=Observation:patient")
            #expect(practitionerRevIterate.includeIDs == ["Patient/p1", "Observation/obs-p1"])
            let patientRev = try await visible("Patient?_revinclude=Observation:subject&_revinclude=DiagnosticReport:subject&_revinclude=Provenance:target")
            #expect(patientRev.includeIDs == ["Observation/obs-p1", "DiagnosticReport/rep-p1", "Provenance/prov-p1", p1Record])

            // _has and chains.
            #expect(Set(try await visible("Patient?_has:Observation:patient:code=2339-0").matchIDs) == ["Patient/p1"])
            #expect(Set(try await visible("Practitioner?_has:Patient:general-practitioner:family=Hidden").matchIDs) == [])
            #expect(Set(try await visible("Practitioner?_has:Patient:general-practitioner:family=Visible").matchIDs) == ["Practitioner/gp"])
            #expect(Set(try await visible("Observation?subject:Patient.name=Visible").matchIDs) == ["Observation/obs-p1"])
            #expect(Set(try await visible("Observation?subject:Patient.name=Hidden").matchIDs) == [])
            #expect(Set(try await visible("Observation?patient.general-practitioner.name=Shared").matchIDs) == ["Observation/obs-p1"])
            #expect(Set(try await visible("Observation?patient.general-practitioner.name=Solo").matchIDs) == [])

            // System search, with and without _type.
            let everything: Set = ["Patient/p1", "Observation/obs-p1", "DiagnosticReport/rep-p1", "Provenance/prov-p1", p1Record, "Practitioner/gp", "Practitioner/gp2"]
            #expect(Set(try await visible("\(server.baseURL)?_type=Patient,Observation,DiagnosticReport,Provenance,Practitioner").matchIDs) == everything)
            #expect(Set(try await visible("\(server.baseURL)?_lastUpdated=gt2000-01-01").matchIDs) == everything)
            let systemInclude = try await visible("\(server.baseURL)?_type=DiagnosticReport,Provenance&_include=DiagnosticReport:subject&_include=Provenance:target")
            #expect(Set(systemInclude.matchIDs) == ["DiagnosticReport/rep-p1", "Provenance/prov-p1", p1Record])
            #expect(systemInclude.includeIDs == ["Patient/p1", "Observation/obs-p1"])

            // Totals count only what the caller may see.
            #expect(try await visible("Observation?_total=accurate").total == 1)
            #expect(try await visible("Patient?_total=accurate").total == 1)
            #expect(try await visible("Provenance?_total=accurate").total == 2)
            #expect(try await visible("Observation?_summary=count").total == 1)
            #expect(try await visible("\(server.baseURL)?_type=Patient,Observation,Practitioner&_total=accurate").total == 4)
            #expect(try await visible("\(server.baseURL)?_lastUpdated=gt2000-01-01&_total=accurate").total == 7)

            // Paging counts only what the caller may see: one visible Observation, two Practitioners.
            let onePage = try await visible("Observation?_count=1")
            #expect(onePage.matchIDs == ["Observation/obs-p1"])
            #expect(onePage.link("next") == nil)
            let practitionerPage = try await visible("Practitioner?_count=1")
            let practitionerNext = try #require(practitionerPage.link("next"))
            let practitionerSecond = try await visible(practitionerNext)
            #expect(Set(practitionerPage.matchIDs + practitionerSecond.matchIDs) == ["Practitioner/gp", "Practitioner/gp2"])

            // Naming the other patient's resources finds nothing (the ids appear only in the self link).
            let byID = try await server.searchset("Observation?_id=obs-p2-canary&_total=accurate")
            #expect(byID.entries.isEmpty)
            #expect(byID.total == 0)
            let byPatient = try await server.searchset("Observation?patient=p2-canary&_revinclude=Provenance:target")
            #expect(byPatient.entries.isEmpty)
        }
    }
}
