import FHIRDefinitions
import FHIRModel
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import NIOHTTP1
import Testing

/// Validation over HTTP: validate-on-write by resource type, `$validate`, and profiles POSTed
/// as StructureDefinitions.
@Suite("Validation")
struct ValidationTests {
    /// A Patient with a birth date that is no date and a property Patient does not have.
    static let invalidPatient: JSONValue = [
        "resourceType": "Patient",
        "name": [["family": "Nobody"]],
        "birthDate": "1974-13-45",
        "favouriteColour": "green",
    ]

    /// A profile of Patient that requires `gender`, given as a differential only.
    static let genderProfileURL = "http://example.org/fhir/StructureDefinition/patient-with-gender"
    static let genderProfile: JSONValue = [
        "resourceType": "StructureDefinition",
        "url": .string(genderProfileURL),
        "name": "PatientWithGender",
        "status": "active",
        "fhirVersion": "4.0.1",
        "kind": "resource",
        "abstract": false,
        "type": "Patient",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient",
        "derivation": "constraint",
        "differential": ["element": [["id": "Patient.gender", "path": "Patient.gender", "min": 1]]],
    ]

    /// A Patient claiming the gender profile, with or without a gender.
    static func profiledPatient(gender: String?) -> JSONValue {
        var patient = JSONObject([("resourceType", "Patient")])
        patient["meta"] = ["profile": [.string(genderProfileURL)]]
        patient["name"] = [["family": "Profiled"]]
        if let gender { patient["gender"] = .string(gender) }
        return .object(patient)
    }

    /// A valid Patient with a narrative, so that not even the best-practice warning dom-6 applies.
    static func narratedPatient(id: String? = nil) -> JSONValue {
        var patient = Fixtures.patient(id: id).objectValue ?? JSONObject()
        patient["text"] = ["status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Peter Chalmers</div>"]
        return .object(patient)
    }

    func expressions(_ response: KilnResponse) -> [String] {
        (response.resource["issue"]?.arrayValue ?? []).flatMap { ($0["expression"]?.arrayValue ?? []).compactMap(\.stringValue) }
    }

    func severities(_ response: KilnResponse) -> [String] {
        (response.resource["issue"]?.arrayValue ?? []).compactMap { $0["severity"]?.stringValue }
    }

    func total(_ query: String, on server: TestServer) async throws -> Int? {
        try await server.client.get("\(query)&_total=accurate").resource["total"]?.numberValue?.intValue
    }

    // MARK: Validate-on-write

    @Test("An invalid Patient is refused with 422 and an OperationOutcome naming Patient.birthDate")
    func invalidPatientRejected() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.post("Patient", json: Self.invalidPatient)
            #expect(response.status == 422)
            #expect(response.isOperationOutcome)
            #expect(expressions(response).contains { $0.hasPrefix("Patient.birthDate") })
            #expect(severities(response).contains("error"))
            #expect(try await total("Patient?_id=x,y", on: server) == 0)
        }
    }

    @Test("A valid Patient is created (201)")
    func validPatientCreated() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.post("Patient", json: Fixtures.patient())
            #expect(response.status == 201, "\(response.text)")
        }
    }

    @Test("Update, conditional create and conditional update validate too")
    func updatesRejected() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            var invalid = try #require(Self.invalidPatient.objectValue)
            invalid["id"] = "p1"
            let put = try await server.client.put("Patient/p1", json: .object(invalid))
            #expect(put.status == 422)
            let conditionalCreate = try await server.client.post("Patient", json: Self.invalidPatient, headers: ["If-None-Exist": "identifier=urn:x|1"])
            #expect(conditionalCreate.status == 422)
            let conditionalUpdate = try await server.client.put("Patient?identifier=urn:x|1", json: Self.invalidPatient)
            #expect(conditionalUpdate.status == 422)
            #expect(try await server.client.get("Patient/p1").status == 404)
        }
    }

    @Test("A warn-mode type is stored with its issues; Prefer: return=OperationOutcome returns them")
    func warnModeStores() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let organization: JSONValue = ["resourceType": "Organization", "name": "Acme", "favouriteColour": "green"]
            let created = try await server.client.post("Organization", json: organization)
            #expect(created.status == 201)
            let withOutcome = try await server.client.post("Organization", json: organization, headers: ["Prefer": "return=OperationOutcome"])
            #expect(withOutcome.status == 201)
            #expect(withOutcome.isOperationOutcome)
            #expect(severities(withOutcome).first == "information")
            #expect(severities(withOutcome).contains("error"))
            #expect(withOutcome.diagnostics.contains("favouriteColour"))
        }
    }

    @Test("--validation warn stores invalid resources of every type; off does not validate")
    func uniformModes() async throws {
        try await TestServer.run(validation: ValidationPolicy(defaultMode: .warn)) { (server: TestServer) async throws in
            let response = try await server.client.post("Patient", json: Self.invalidPatient, headers: ["Prefer": "return=OperationOutcome"])
            #expect(response.status == 201)
            #expect(expressions(response).contains { $0.hasPrefix("Patient.birthDate") })
        }
        try await TestServer.run(validation: ValidationPolicy(defaultMode: .off)) { (server: TestServer) async throws in
            let response = try await server.client.post("Patient", json: Self.invalidPatient, headers: ["Prefer": "return=OperationOutcome"])
            #expect(response.status == 201)
            #expect(severities(response) == ["information"])
        }
    }

    @Test("A transaction with one invalid entry fails whole with 422 naming Bundle.entry[1].resource; nothing is stored")
    func transactionRejected() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            var invalid = try #require(Self.invalidPatient.objectValue)
            invalid["identifier"] = [["system": "urn:tx", "value": "2"]]
            let bundle = Fixtures.transaction([
                ("urn:uuid:0d4e1cc4-1d5f-4a39-9d6e-5d2c3a1b0001", Fixtures.patient(mrn: "TXV-1")),
                ("urn:uuid:0d4e1cc4-1d5f-4a39-9d6e-5d2c3a1b0002", .object(invalid)),
            ])
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 422)
            #expect(response.isOperationOutcome)
            #expect(expressions(response).contains { $0.hasPrefix("Bundle.entry[1].resource.birthDate") })
            #expect(!expressions(response).contains { $0.hasPrefix("Bundle.entry[0]") })
            #expect(try await total("Patient?identifier=TXV-1", on: server) == 0)
        }
    }

    @Test("In a batch only the invalid entry fails, with 422")
    func batchEntryRejected() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let bundle: JSONValue = [
                "resourceType": "Bundle",
                "type": "batch",
                "entry": [
                    ["resource": Fixtures.patient(mrn: "BV-1"), "request": ["method": "POST", "url": "Patient"]],
                    ["resource": Self.invalidPatient, "request": ["method": "POST", "url": "Patient"]],
                ],
            ]
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 200)
            let entries = response.resource["entry"]?.arrayValue ?? []
            try #require(entries.count == 2)
            #expect(entries[0]["response"]?["status"] == "201 Created")
            #expect(entries[1]["response"]?["status"]?.stringValue?.hasPrefix("422") == true)
            #expect(entries[1]["response"]?["outcome"]?["resourceType"] == "OperationOutcome")
            #expect(try await total("Patient?identifier=BV-1", on: server) == 1)
        }
    }

    @Test("A PATCH whose result is invalid is refused with 422; the stored version is unchanged")
    func patchRejected() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let response = try await server.client.patch("Patient/\(id)", jsonPatch: [["op": "replace", "path": "/birthDate", "value": "not-a-date"]])
            #expect(response.status == 422)
            #expect(expressions(response).contains { $0.hasPrefix("Patient.birthDate") })
            let read = try await server.client.get("Patient/\(id)")
            #expect(read.header("ETag") == "W/\"1\"")
            #expect(read.resource["birthDate"] == "1974-12-25")
            let valid = try await server.client.patch("Patient/\(id)", jsonPatch: [["op": "replace", "path": "/birthDate", "value": "1980-01-02"]])
            #expect(valid.status == 200)
        }
    }

    @Test("A PATCH entry of a transaction that makes its resource invalid fails the transaction at that entry")
    func transactionPatchRejected() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let patch: JSONValue = [["op": "replace", "path": "/birthDate", "value": "soon"]]
            let bundle: JSONValue = [
                "resourceType": "Bundle",
                "type": "transaction",
                "entry": [
                    [
                        "resource": ["resourceType": "Binary", "contentType": "application/json-patch+json", "data": .string(Data(patch.jsonBytes).base64EncodedString())],
                        "request": ["method": "PATCH", "url": .string("Patient/\(id)")],
                    ],
                ],
            ]
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 422)
            #expect(expressions(response).contains { $0.hasPrefix("Bundle.entry[0].resource.birthDate") })
            #expect(try await server.client.get("Patient/\(id)").header("ETag") == "W/\"1\"")
        }
    }

    // MARK: $validate

    @Test("POST [type]/$validate with the resource as body answers 200 with the issues, or All OK")
    func validateTypeLevel() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let invalid = try await server.client.post("Patient/$validate", json: Self.invalidPatient)
            #expect(invalid.status == 200)
            #expect(invalid.isOperationOutcome)
            #expect(expressions(invalid).contains { $0.hasPrefix("Patient.birthDate") })
            let valid = try await server.client.post("Patient/$validate", json: Self.narratedPatient())
            #expect(valid.status == 200)
            #expect(severities(valid) == ["information"])
            #expect(valid.diagnostics == "All OK")
            #expect(try await total("Patient?_id=x", on: server) == 0, "$validate stores nothing")
        }
    }

    @Test("$validate takes a Parameters body with resource, mode and profile; an unknown profile is an error issue")
    func validateParameters() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let parameters: JSONValue = [
                "resourceType": "Parameters",
                "parameter": [
                    ["name": "resource", "resource": Fixtures.patient()],
                    ["name": "mode", "valueCode": "create"],
                    ["name": "profile", "valueUri": "http://example.org/fhir/StructureDefinition/no-such-profile"],
                ],
            ]
            let response = try await server.client.post("Patient/$validate", json: parameters)
            #expect(response.status == 200)
            #expect(severities(response).contains("error"))
            #expect(response.diagnostics.contains("no-such-profile"))
            let update: JSONValue = [
                "resourceType": "Parameters",
                "parameter": [["name": "resource", "resource": Fixtures.patient()], ["name": "mode", "valueCode": "update"]],
            ]
            let withoutID = try await server.client.post("Patient/$validate", json: update)
            #expect(withoutID.status == 200)
            #expect(expressions(withoutID).contains("Patient.id"))
            let badMode = try await server.client.post("Patient/$validate?mode=erase", json: Fixtures.patient())
            #expect(badMode.status == 400)
        }
    }

    @Test("$validate refuses a resource of another type than the URL's with 400")
    func validateTypeMismatch() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.post("Observation/$validate", json: Fixtures.patient())
            #expect(response.status == 400)
            #expect(response.isOperationOutcome)
        }
    }

    @Test("Instance $validate: the stored version without a body, GET with profile, mode=delete, 404 when missing")
    func validateInstanceLevel() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Self.narratedPatient(), on: server)
            let stored = try await server.client.request(.POST, "Patient/\(id)/$validate")
            #expect(stored.status == 200)
            #expect(stored.diagnostics == "All OK")
            let withBody = try await server.client.post("Patient/\(id)/$validate", json: Fixtures.patient(id: id, birthDate: "1974-02-30"))
            #expect(withBody.status == 200)
            #expect(severities(withBody).contains("error"))
            let unknownProfile = try await server.client.get("Patient/\(id)/$validate?profile=http://example.org/fhir/StructureDefinition/unknown")
            #expect(unknownProfile.status == 200)
            #expect(severities(unknownProfile).contains("error"))
            let delete = try await server.client.get("Patient/\(id)/$validate?mode=delete")
            #expect(delete.status == 200)
            #expect(delete.diagnostics == "All OK")
            #expect(try await server.client.get("Patient/missing/$validate?mode=delete").status == 404)
            #expect(try await server.client.get("Patient/missing/$validate").status == 404)
            let otherID = try await server.client.post("Patient/\(id)/$validate", json: Fixtures.patient(id: "other"))
            #expect(otherID.status == 400)
        }
    }

    @Test("The CapabilityStatement lists $validate on the resource types")
    func capabilityStatementListsValidate() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let statement = try await server.client.get("metadata").resource
            let resources = statement["rest"]?.arrayValue?.first?["resource"]?.arrayValue ?? []
            let patient = try #require(resources.first { $0["type"] == "Patient" })
            let operations = patient["operation"]?.arrayValue ?? []
            #expect(operations.contains { $0["name"] == "validate" && $0["definition"] == .string(ValidateOperation.definitionURL) })
        }
    }

    // MARK: Profiles by POST

    @Test("A POSTed differential profile is used: claiming it without gender is 422, with gender 201")
    func postedProfileEnforced() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let posted = try await server.client.post("StructureDefinition", json: Self.genderProfile)
            #expect(posted.status == 201, "\(posted.text)")
            let withoutGender = try await server.client.post("Patient", json: Self.profiledPatient(gender: nil))
            #expect(withoutGender.status == 422)
            #expect(expressions(withoutGender).contains { $0.hasPrefix("Patient") })
            let withGender = try await server.client.post("Patient", json: Self.profiledPatient(gender: "female"))
            #expect(withGender.status == 201, "\(withGender.text)")
            let asked = try await server.client.post("Patient/$validate?profile=\(Self.genderProfileURL)", json: Self.narratedPatient())
            #expect(asked.diagnostics == "All OK")
            var genderless = try #require(Fixtures.patient().objectValue)
            genderless["gender"] = nil
            let askedWithout = try await server.client.post("Patient/$validate?profile=\(Self.genderProfileURL)", json: .object(genderless))
            #expect(severities(askedWithout).contains("error"))
        }
    }

    @Test("A StructureDefinition whose snapshot cannot be generated is refused with 422 and not stored")
    func unusableProfileRefused() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            var profile = try #require(Self.genderProfile.objectValue)
            profile["url"] = "http://example.org/fhir/StructureDefinition/orphan"
            profile["baseDefinition"] = "http://example.org/fhir/StructureDefinition/does-not-exist"
            let response = try await server.client.post("StructureDefinition", json: .object(profile))
            #expect(response.status == 422)
            #expect(response.diagnostics.contains("does-not-exist"))
            #expect(try await total("StructureDefinition?_id=x", on: server) == 0)
            let stored = try await server.client.get("StructureDefinition?_count=10&_total=accurate")
            #expect(stored.resource["total"] == 0)
        }
    }

    @Test("Stored StructureDefinitions are registered at start-up")
    func storedProfilesRegistered() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            _ = try await create(Self.genderProfile, on: server)
            let fresh = try ValidationServices.loadDefault()
            #expect(fresh.registry.definition(url: Self.genderProfileURL) == nil)
            try await TestCluster.withClient(server.database) { client in
                try await fresh.registerStoredDefinitions(from: ResourceStore(client: client, logger: Logger(label: "test")), logger: Logger(label: "test"))
            }
            let registered = try #require(fresh.registry.definition(url: Self.genderProfileURL))
            #expect(registered.snapshot.contains { $0.path == "Patient.gender" && $0.min == 1 })
        }
    }
}
