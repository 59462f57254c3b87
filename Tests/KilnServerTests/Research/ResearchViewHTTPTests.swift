import FHIRModel
import FHIRStore
import KilnServer
import Foundation
import KilnTesting
import Logging
import NIOHTTP1
import Testing

/// The de-identified research view `/research/fhir` through the real HTTP server over a real
/// PostgreSQL: a planted-identifier corpus crawled through every path of the view, the refused
/// searches, the count suppression, the opt-out, the read-only view and who may come in.
@Suite("Research view (HTTP)")
struct ResearchViewHTTPTests {
    /// A research opt-out (scope research, OPTOUT) of the patient `opted-out`.
    static let researchOptOut = """
        {"resourceType": "Consent", "id": "consent-research-out", "status": "active",
         "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "research"}]},
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentcategorycodes", "code": "research"}]}],
         "patient": {"reference": "Patient/opted-out"}, "dateTime": "2026-01-01",
         "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTOUT"}]}}
        """

    /// The planted corpus, twelve ordinary patients with a result each, and a patient who opted
    /// out of research (born 1977, the only one with a heart-rate result).
    @discardableResult
    static func seed(_ auth: AuthTestServer) async throws -> String {
        let (writer, _) = try await auth.backendToken(clientID: "loader", scope: "system/*.cruds")
        var texts = PlantedIdentifierCorpus.resources
        for index in 1...12 {
            texts.append(#"{"resourceType": "Patient", "id": "ordinary-\#(index)", "gender": "male", "birthDate": "1980-01-01", "address": [{"state": "NY", "postalCode": "10001"}]}"#)
            texts.append(#"{"resourceType": "Observation", "id": "ordinary-obs-\#(index)", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]}, "subject": {"reference": "Patient/ordinary-\#(index)"}, "valueQuantity": {"value": 100, "unit": "mg/dL"}}"#)
        }
        texts.append(#"{"resourceType": "Patient", "id": "opted-out", "gender": "other", "birthDate": "1977-07-07"}"#)
        texts.append(#"{"resourceType": "Observation", "id": "opted-out-obs", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]}, "subject": {"reference": "Patient/opted-out"}, "valueQuantity": {"value": 61, "unit": "/min"}}"#)
        texts.append(researchOptOut)
        for text in texts {
            let resource = resourceJSON(text)
            let path = "\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")"
            let response = try await auth.client.put(path, json: resource, headers: ["Authorization": "Bearer \(writer)"])
            try #require(response.status == 201, "PUT \(path): \(response.status) \(response.text)")
        }
        // A second version of the planted Observation, for history.
        let observation = resourceJSON(PlantedIdentifierCorpus.resources[1])
        let updated = try await auth.client.put("Observation/obs-plant-1", json: observation, headers: ["Authorization": "Bearer \(writer)"])
        try #require(updated.status == 200, "update: \(updated.status) \(updated.text)")
        return writer
    }

    /// A researcher's token (a backend client of the researcher role, `default` project).
    static func researcher(_ auth: AuthTestServer) async throws -> String {
        try await auth.backendToken(clientID: "study", scope: "system/*.rs", role: "researcher").token
    }

    /// The research base.
    static func base(_ auth: AuthTestServer) -> String { auth.serverURL + "/research/fhir" }

    /// Every response the crawl saw, with its request.
    final class Crawl: @unchecked Sendable {
        var responses: [(request: String, response: KilnResponse)] = []
    }

    static func get(_ auth: AuthTestServer, _ path: String, token: String, crawl: Crawl) async throws -> KilnResponse {
        let url = path.hasPrefix("http") ? path : base(auth) + "/" + path
        let response = try await auth.client.get(url, headers: ["Authorization": "Bearer \(token)"])
        crawl.responses.append((path, response))
        return response
    }

    /// The resources of a searchset, by type.
    static func resources(_ bundle: JSONValue?, type: String? = nil) -> [JSONValue] {
        (bundle?["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }.filter { type == nil || $0["resourceType"]?.stringValue == type }
    }

    /// A text with its 32-digit pseudonyms and UUIDs taken out, so that a planted number cannot
    /// be found in them by chance.
    static func withoutRandomRuns(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9a-f]{32}", with: "~", options: .regularExpression)
            .replacingOccurrences(of: "[0-9a-fA-F-]{36}", with: "~", options: .regularExpression)
    }

    @Test("No planted identifier appears in any response of any path of the view, while codes and values are kept and references resolve")
    func plantedCorpusCrawl() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let token = try await Self.researcher(auth)
            let crawl = Crawl()

            // Search with paging: every page of Patient, two at a time.
            var patients: [JSONValue] = []
            var next: String? = "Patient?_count=2"
            var pages = 0
            while let path = next, pages < 20 {
                let page = try await Self.get(auth, path, token: token, crawl: crawl)
                try #require(page.status == 200, "\(path): \(page.status) \(page.text)")
                patients += Self.resources(page.json)
                next = page.json?["link"]?.arrayValue?.first { $0["relation"]?.stringValue == "next" }?["url"]?.stringValue
                pages += 1
            }
            #expect(pages >= 7)
            #expect(patients.count == 14, "the twelve ordinary patients and the two planted ones; the opted-out patient is absent")
            #expect(!patients.contains { $0["birthDate"]?.stringValue?.hasPrefix("1977") == true })
            let planted = try #require(patients.first { $0["gender"]?.stringValue == "female" })
            let pseudonym = try #require(planted["id"]?.stringValue)
            #expect(planted["birthDate"] == .string("1961"))

            // Read by pseudonym: the same resource, its ETag a version only.
            let read = try await Self.get(auth, "Patient/\(pseudonym)", token: token, crawl: crawl)
            try #require(read.status == 200, "read: \(read.status) \(read.text)")
            #expect(read.json?["id"] == .string(pseudonym))
            #expect(read.json?["address"]?.arrayValue?.first?["postalCode"] == .string("021"))

            // Search by a pseudonymous reference, with _include of the subject.
            let observations = try await Self.get(auth, "Observation?subject=Patient/\(pseudonym)&_include=Observation:subject:Patient", token: token, crawl: crawl)
            try #require(observations.status == 200, "\(observations.status) \(observations.text)")
            let observation = try #require(Self.resources(observations.json, type: "Observation").first)
            #expect(observation["subject"]?["reference"] == .string("Patient/\(pseudonym)"))
            #expect(Self.resources(observations.json, type: "Patient").first?["id"] == .string(pseudonym))
            #expect(observation["code"]?["coding"]?.arrayValue?.first?["code"] == .string("2339-0"))
            #expect(observation["valueQuantity"]?["value"] == .number(JSONNumber(95)))
            let observationID = try #require(observation["id"]?.stringValue)
            _ = try await Self.get(auth, "Observation/\(observationID)", token: token, crawl: crawl)
            _ = try await Self.get(auth, "Observation?patient=\(pseudonym)", token: token, crawl: crawl)
            _ = try await Self.get(auth, "Observation?_id=\(observationID)", token: token, crawl: crawl)

            // History of one resource, and a past version.
            let history = try await Self.get(auth, "Observation/\(observationID)/_history?_count=1", token: token, crawl: crawl)
            #expect(history.json?["type"] == "history")
            #expect(Self.resources(history.json).count == 1)
            if let next = history.json?["link"]?.arrayValue?.first(where: { $0["relation"]?.stringValue == "next" })?["url"]?.stringValue {
                let older = try await Self.get(auth, next, token: token, crawl: crawl)
                #expect(Self.resources(older.json).first?["id"] == .string(observationID))
            } else {
                Issue.record("the history of a resource with two versions has a next page")
            }
            _ = try await Self.get(auth, "Observation/\(observationID)/_history/1", token: token, crawl: crawl)
            _ = try await Self.get(auth, "Patient/\(pseudonym)/_history", token: token, crawl: crawl)

            // _revinclude, and _include:iterate from the report through its results to their subject.
            let revincluded = try await Self.get(auth, "Patient?_id=\(pseudonym)&_revinclude=Observation:subject&_revinclude=Condition:subject&_revinclude=Encounter:subject", token: token, crawl: crawl)
            #expect(revincluded.status == 200)
            #expect(Self.resources(revincluded.json).count >= 4)
            let iterated = try await Self.get(auth, "DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:subject:Patient", token: token, crawl: crawl)
            #expect(iterated.status == 200)
            #expect(Self.resources(iterated.json, type: "Patient").count == 1)
            #expect(Self.resources(iterated.json, type: "Observation").count == 1)
            let elements = try await Self.get(auth, "Observation?_id=\(observationID)&_elements=code", token: token, crawl: crawl)
            let narrowed = try #require(Self.resources(elements.json).first)
            #expect(narrowed["code"] != nil && narrowed["valueQuantity"] == nil && narrowed["id"] == .string(observationID))
            for type in ["Condition", "Encounter", "DiagnosticReport", "Observation?code=30525-0"] {
                _ = try await Self.get(auth, type, token: token, crawl: crawl)
            }

            // Nothing planted anywhere, in bodies or headers.
            for (request, response) in crawl.responses {
                #expect(response.status == 200, "\(request): \(response.status) \(response.text)")
                let headers = response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
                let text = Self.withoutRandomRuns(response.text + "\n" + headers)
                for value in PlantedIdentifierCorpus.plantedValues {
                    let shown = value == "plant" ? text.localizedCaseInsensitiveContains(value) : text.contains(value)
                    #expect(!shown, "\(request) shows the planted '\(value)'")
                }
            }
            let bytes = crawl.responses.reduce(0) { $0 + $1.response.text.utf8.count }
            print("Research view crawl: \(crawl.responses.count) responses (\(bytes) bytes) checked for \(PlantedIdentifierCorpus.plantedValues.count) planted values")
            // The same patient in the clinical view does show what was planted: the canaries are real.
            let (steward, _) = try await auth.backendToken(clientID: "steward", scope: "system/*.rs", role: "data-steward")
            let clinical = try await auth.get("Patient/\(PlantedIdentifierCorpus.patientID)", token: steward)
            #expect(clinical.status == 200)
            for value in ["Zyxwvplant", "123-45-6789", "1961-04-17", "02139", "PLANTNARRATIVE"] { #expect(clinical.text.contains(value)) }
            let everything = crawl.responses.map(\.response.text).joined(separator: "\n")
            for value in PlantedIdentifierCorpus.keptValues {
                #expect(everything.contains(value), "the kept value '\(value)' is missing")
            }
        }
    }

    @Test("Searches that reach removed or generalized elements are refused with 400 naming them; a year is fine")
    func refusedSearches() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let token = try await Self.researcher(auth)
            let crawl = Crawl()
            for (path, named) in [("Patient?name=Zyxwvplant", "name"), ("Patient?birthdate=1961-04-17", "birthdate=1961-04-17"),
                                  ("Patient?identifier=MRN-PLANT-4411", "identifier"), ("Patient?address-postalcode=02139", "address-postalcode"),
                                  ("Patient?_id=\(PlantedIdentifierCorpus.patientID)&_text=x", "_text"), ("Observation?code:text=glucose", "code:text"),
                                  ("Patient?_sort=birthdate", "_sort"), ("Observation?subject:Patient.name=x", "subject:Patient.name")] {
                let response = try await Self.get(auth, path, token: token, crawl: crawl)
                #expect(response.status == 400, "\(path): \(response.status)")
                #expect(response.json?["resourceType"] == "OperationOutcome")
                #expect(response.text.contains(named), "\(path): \(response.text)")
                #expect(!response.text.contains("Zyxwvplant") && !response.text.contains("MRN-PLANT") && !response.text.contains("02139"), "\(path) echoes the value")
            }
            let year = try await Self.get(auth, "Patient?birthdate=1961", token: token, crawl: crawl)
            #expect(year.status == 200)
            #expect(Self.resources(year.json).count == 1)
        }
    }

    @Test("Counts below the minimum cell size are not reported; counts at or above it are")
    func countSuppression() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let token = try await Self.researcher(auth)
            let crawl = Crawl()
            let all = try await Self.get(auth, "Patient?_summary=count", token: token, crawl: crawl)
            #expect(all.json?["total"] == .number(JSONNumber(14)), "14 patients in the view (the opted-out one is not counted)")
            let narrow = try await Self.get(auth, "Patient?gender=female&_summary=count", token: token, crawl: crawl)
            #expect(narrow.status == 200)
            #expect(narrow.json?["total"] == nil, "1 is below the minimum cell size of 11")
            let page = try await Self.get(auth, "Observation?code=2339-0&_total=accurate&_count=5", token: token, crawl: crawl)
            #expect(page.json?["total"] == .number(JSONNumber(13)))
            let small = try await Self.get(auth, "Observation?code=30525-0&_total=accurate", token: token, crawl: crawl)
            #expect(small.json?["total"] == nil)
            #expect(Self.resources(small.json).count == 1)
            // The opted-out patient's only result is absent.
            let optedOut = try await Self.get(auth, "Observation?code=8867-4", token: token, crawl: crawl)
            #expect(Self.resources(optedOut.json).isEmpty)
        }
    }

    @Test("kiln serve --research-min-cell sets the default project's minimum cell size")
    func configuredMinimumCell() async throws {
        var research = try ResearchServices.loadDefault()
        research.defaultProjectMinimumCellSize = 1
        try await AuthTestServer.run(research: research) { auth in
            try await Self.seed(auth)
            let token = try await Self.researcher(auth)
            let narrow = try await Self.get(auth, "Patient?gender=female&_summary=count", token: token, crawl: Crawl())
            #expect(narrow.json?["total"] == .number(JSONNumber(1)))
        }
    }

    @Test("The view is read-only, serves only its types, resolves only its own pseudonyms, and admits researchers, stewards and administrators only")
    func accessAndShape() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let token = try await Self.researcher(auth)
            let base = Self.base(auth)
            let headers = ["Authorization": "Bearer \(token)"]
            for method in ["POST", "PUT", "DELETE", "PATCH"] {
                let path = method == "POST" ? "Patient" : "Patient/x"
                let response = try await auth.client.request(.init(rawValue: method), base + "/" + path, headers: headers.merging(["Content-Type": "application/fhir+json"]) { $1 }, body: Array(#"{"resourceType": "Patient"}"#.utf8))
                #expect(response.status == 405, "\(method): \(response.status)")
                #expect(response.json?["resourceType"] == "OperationOutcome")
            }
            for type in ["Practitioner", "Consent", "Organization", "Provenance"] {
                let response = try await auth.client.get(base + "/" + type, headers: headers)
                #expect(response.status == 404, "\(type): \(response.status)")
                #expect(response.text.contains("never served") || response.text.contains("not served"))
            }
            // History across patients would date their changes against each other.
            for path in ["Observation/_history", "_history"] {
                let response = try await auth.client.get(base + "/" + path, headers: headers)
                #expect(response.status == 404, "\(path): \(response.status)")
                #expect(response.json?["resourceType"] == "OperationOutcome")
                #expect(response.text.contains("history of one resource only"))
            }
            // Not a pseudonym, the clinical id, another type's pseudonym, a tampered cursor.
            let patients = try await auth.client.get(base + "/Patient?_count=1", headers: headers)
            let pseudonym = try #require(Self.resources(patients.json).first?["id"]?.stringValue)
            for path in ["Patient/\(PlantedIdentifierCorpus.patientID)", "Patient/" + String(repeating: "0", count: 32), "Observation/\(pseudonym)"] {
                let response = try await auth.client.get(base + "/" + path, headers: headers)
                #expect(response.status == 404, "\(path): \(response.status)")
                #expect(!response.text.contains("mrn-778899") || path.contains("mrn-778899"))
            }
            let next = try #require(patients.json?["link"]?.arrayValue?.first { $0["relation"]?.stringValue == "next" }?["url"]?.stringValue)
            let tampered = try await auth.client.get(next.replacingOccurrences(of: "_cursor=", with: "_cursor=A"), headers: headers)
            #expect(tampered.status == 400)

            // Two projects: the same patient has unrelated pseudonyms.
            try await ResearchProjectStore(client: auth.store.client, logger: Logger(label: "test")).add(ResearchProjectRecord(name: "cardio"))
            let (cardio, _) = try await auth.backendToken(clientID: "cardio-study", scope: "system/*.rs", role: "researcher", project: "cardio")
            let other = try await auth.client.get(base + "/Patient?birthdate=1961", headers: ["Authorization": "Bearer \(cardio)"])
            let otherPseudonym = try #require(Self.resources(other.json).first?["id"]?.stringValue)
            let own = try await auth.client.get(base + "/Patient?birthdate=1961", headers: headers)
            let ownPseudonym = try #require(Self.resources(own.json).first?["id"]?.stringValue)
            #expect(otherPseudonym != ownPseudonym)
            #expect(try await auth.client.get(base + "/Patient/\(ownPseudonym)", headers: ["Authorization": "Bearer \(cardio)"]).status == 404)

            // Who comes in.
            #expect(try await auth.get("Patient", token: token).status == 403, "a researcher may not use the clinical view")
            let (clinician, _) = try await auth.backendToken(clientID: "ehr", scope: "system/*.rs", role: "clinician")
            #expect(try await auth.client.get(base + "/Patient", headers: ["Authorization": "Bearer \(clinician)"]).status == 403)
            let (steward, _) = try await auth.backendToken(clientID: "steward", scope: "system/*.rs", role: "data-steward")
            #expect(try await auth.client.get(base + "/Patient", headers: ["Authorization": "Bearer \(steward)"]).status == 200)
            #expect(try await auth.client.get(base + "/Patient").status == 401)

            // Its own CapabilityStatement and SMART configuration, without a token.
            let metadata = try await auth.client.get(base + "/metadata")
            #expect(metadata.status == 200)
            #expect(metadata.json?["resourceType"] == "CapabilityStatement")
            #expect(!metadata.text.contains("\"create\"") && !metadata.text.contains("\"Practitioner\""))
            let smart = try await auth.client.get(base + "/.well-known/smart-configuration")
            #expect(smart.status == 200)
            #expect(smart.json?["token_endpoint"] != nil)
        }
    }
}
