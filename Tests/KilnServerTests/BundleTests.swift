import KilnServer
import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

@Suite("Batch and transaction Bundles")
struct BundleTests {
    @Test("A transaction rewrites urn:uuid references to the assigned ids and answers per entry")
    func transactionRewritesReferences() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let patientURL = "urn:uuid:61ebe359-bfdc-4613-8bf2-c5e300945f0a"
            let bundle = Fixtures.transaction([
                (patientURL, Fixtures.patient(mrn: "TX-1")),
                ("urn:uuid:88f151c0-a954-468a-88bd-5ae15c08e059", Fixtures.observation(subject: patientURL)),
            ])
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 200)
            let result = response.resource
            #expect(result["type"] == "transaction-response")
            let entries = result["entry"]?.arrayValue ?? []
            try #require(entries.count == 2)
            for entry in entries {
                #expect(entry["response"]?["status"] == "201 Created")
                #expect(entry["response"]?["etag"] == "W/\"1\"")
                #expect(entry["response"]?["location"]?.stringValue?.contains("/_history/1") == true)
            }
            let patientFullURL = try #require(entries[0]["fullUrl"]?.stringValue)
            let patientID = String(patientFullURL.split(separator: "/").last ?? "")
            #expect(entries[0]["resource"] == nil, "without Prefer, entries carry no resource")
            let observationLocation = try #require(entries[1]["response"]?["location"]?.stringValue)
            let observation = try await server.client.get(observationLocation)
            #expect(observation.resource["subject"]?["reference"]?.stringValue == "Patient/\(patientID)")
        }
    }

    @Test("A transaction is all or nothing: one failing entry leaves nothing written")
    func transactionAtomicity() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let bundle: JSONValue = [
                "resourceType": "Bundle",
                "type": "transaction",
                "entry": [
                    ["resource": Fixtures.patient(mrn: "ATOM-1"), "request": ["method": "POST", "url": "Patient"]],
                    ["resource": Fixtures.patient(id: "wrong"), "request": ["method": "PUT", "url": "Patient/not-the-same"]],
                ],
            ]
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 400)
            #expect(response.isOperationOutcome)
            #expect(response.diagnostics.contains("Bundle.entry[1]"))
            let search = try await server.client.get("Patient?identifier=ATOM-1&_total=accurate")
            #expect(search.resource["total"] == 0)
        }
    }

    @Test("Transaction order: DELETE, POST, PUT, GET; conditional create and conditional references resolve")
    func transactionOrderAndConditionals() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let existing = try await create(Fixtures.patient(mrn: "ORD-1"), on: server)
            let doomed = try await create(Fixtures.patient(mrn: "ORD-2"), on: server)
            let bundle: JSONValue = [
                "resourceType": "Bundle",
                "type": "transaction",
                "entry": [
                    ["request": ["method": "GET", "url": .string("Patient/\(doomed)")]],
                    ["fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001", "resource": Fixtures.patient(mrn: "ORD-1"),
                     "request": ["method": "POST", "url": "Patient", "ifNoneExist": .string("identifier=\(Fixtures.mrnSystem)|ORD-1")]],
                    ["resource": Fixtures.observation(subject: "Patient?identifier=\(Fixtures.mrnSystem)|ORD-1"), "request": ["method": "POST", "url": "Observation"]],
                    ["request": ["method": "DELETE", "url": .string("Patient/\(doomed)")]],
                ],
            ]
            let response = try await server.client.post("", json: bundle)
            // The GET runs after the DELETE, sees the deletion, and so the whole transaction fails.
            #expect(response.status == 410)
            #expect(try await server.client.get("Patient/\(doomed)").status == 200, "the failed transaction deleted nothing")
            let retry: JSONValue = [
                "resourceType": "Bundle",
                "type": "transaction",
                "entry": [
                    ["fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001", "resource": Fixtures.patient(mrn: "ORD-1"),
                     "request": ["method": "POST", "url": "Patient", "ifNoneExist": .string("identifier=\(Fixtures.mrnSystem)|ORD-1")]],
                    ["resource": Fixtures.observation(subject: "Patient?identifier=\(Fixtures.mrnSystem)|ORD-1"), "request": ["method": "POST", "url": "Observation"]],
                    ["request": ["method": "DELETE", "url": .string("Patient/\(doomed)")]],
                ],
            ]
            let ok = try await server.client.post("", json: retry)
            #expect(ok.status == 200, "\(ok.text)")
            let entries = ok.resource["entry"]?.arrayValue ?? []
            try #require(entries.count == 3)
            #expect(entries[0]["response"]?["status"] == "200 OK")
            #expect(entries[0]["fullUrl"]?.stringValue == "\(server.baseURL)/Patient/\(existing)")
            #expect(entries[2]["response"]?["status"] == "204 No Content")
            let observationLocation = try #require(entries[1]["response"]?["location"]?.stringValue)
            let observation = try await server.client.get(observationLocation)
            #expect(observation.resource["subject"]?["reference"]?.stringValue == "Patient/\(existing)")
            #expect(try await server.client.get("Patient/\(doomed)").status == 410)
        }
    }

    @Test("Prefer: return=representation puts each stored resource in its entry")
    func representation() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let bundle = Fixtures.transaction([("urn:uuid:2c5e1f0a-3a8e-4a0e-9d55-0b8f7d1c2e11", Fixtures.patient())])
            let response = try await server.client.post("", json: bundle, headers: ["Prefer": "return=representation"])
            let entry = response.resource["entry"]?.arrayValue?.first
            #expect(entry?["resource"]?["meta"]?["versionId"] == "1")
        }
    }

    @Test("A reference to a urn:uuid that is not in the transaction is 400")
    func danglingReference() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let bundle = Fixtures.transaction([("urn:uuid:1b6e2b37-0b8a-4a43-a7b1-2bb0f0d6ad6c", Fixtures.observation(subject: "urn:uuid:3f0a6c4e-5c53-4b53-a0e5-0c7d4c3c9a11"))])
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 400)
        }
    }

    @Test("Batch entries succeed or fail independently")
    func batchIndependence() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let bundle: JSONValue = [
                "resourceType": "Bundle",
                "type": "batch",
                "entry": [
                    ["resource": Fixtures.patient(mrn: "B-1"), "request": ["method": "POST", "url": "Patient"]],
                    ["request": ["method": "GET", "url": "Patient/does-not-exist"]],
                    ["resource": ["resourceType": "Observation"], "request": ["method": "POST", "url": "Patient"]],
                    ["resource": Fixtures.patient(mrn: "B-2"), "request": ["method": "POST", "url": "Patient"]],
                ],
            ]
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 200)
            let entries = response.resource["entry"]?.arrayValue ?? []
            #expect(entries.map { $0["response"]?["status"]?.stringValue } == ["201 Created", "404 Not Found", "400 Bad Request", "201 Created"])
            try #require(entries.count == 4)
            #expect(entries[1]["response"]?["outcome"]?["resourceType"] == "OperationOutcome")
            let search = try await server.client.get("Patient?identifier=B-1,B-2&_total=accurate")
            #expect(search.resource["total"] == 2)
        }
    }

    @Test("A Bundle that is not batch or transaction, or has too many entries, is refused")
    func refusedBundles() async throws {
        try await TestServer.run(limits: ServerLimits(maximumBundleEntries: 2)) { (server: TestServer) async throws in
            let collection: JSONValue = ["resourceType": "Bundle", "type": "collection"]
            let refused = try await server.client.post("", json: collection)
            #expect(refused.status == 400)
            let big = Fixtures.transaction((0..<3).map { ("urn:uuid:00000000-0000-4000-8000-00000000000\($0)", Fixtures.patient()) })
            let tooBig = try await server.client.post("", json: big)
            #expect(tooBig.status == 413)
        }
    }
}
