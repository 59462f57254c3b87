import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

@Suite("Conditional create, update and delete")
struct ConditionalInteractionTests {
    let mrn = Fixtures.mrnSystem

    @Test("If-None-Exist creates once, then answers 200 with the existing resource")
    func conditionalCreate() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let headers = ["If-None-Exist": "identifier=\(mrn)|A-1"]
            let first = try await server.client.post("Patient", json: Fixtures.patient(mrn: "A-1"), headers: headers)
            #expect(first.status == 201)
            let second = try await server.client.post("Patient", json: Fixtures.patient(mrn: "A-1"), headers: headers)
            #expect(second.status == 200)
            #expect(second.resource["id"] == first.resource["id"])
            let byID = try await server.client.post("Patient", json: Fixtures.patient(mrn: "A-2"), headers: ["If-None-Exist": "_id=\(first.resource["id"]?.stringValue ?? "")"])
            #expect(byID.status == 200)
        }
    }

    @Test("Concurrent conditional creates with the same criteria create exactly one resource")
    func concurrentConditionalCreate() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await server.client.post("Patient", json: Fixtures.patient(mrn: "RACE-1"), headers: ["If-None-Exist": "identifier=\(mrn)|RACE-1"]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 200 }.count == 7)
            let search = try await server.client.get("Patient?identifier=\(mrn)|RACE-1&_total=accurate")
            #expect(search.resource["total"] == 1)
        }
    }

    @Test("If-None-Exist matching several resources is 412")
    func conditionalCreateMultipleMatches() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            _ = try await create(Fixtures.patient(mrn: "DUP"), on: server)
            _ = try await create(Fixtures.patient(mrn: "DUP"), on: server)
            let response = try await server.client.post("Patient", json: Fixtures.patient(mrn: "DUP"), headers: ["If-None-Exist": "identifier=DUP"])
            #expect(response.status == 412)
            #expect(response.isOperationOutcome)
        }
    }

    @Test("Conditional update: no match creates, one match updates it, several is 412")
    func conditionalUpdate() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let created = try await server.client.put("Patient?identifier=\(mrn)|U-1", json: Fixtures.patient(family: "One", mrn: "U-1"))
            #expect(created.status == 201)
            let id = try #require(created.resource["id"]?.stringValue)
            let updated = try await server.client.put("Patient?identifier=\(mrn)|U-1", json: Fixtures.patient(family: "Two", mrn: "U-1"))
            #expect(updated.status == 200)
            #expect(updated.resource["id"]?.stringValue == id)
            #expect(updated.header("ETag") == "W/\"2\"")
            let wrongID = try await server.client.put("Patient?identifier=\(mrn)|U-1", json: Fixtures.patient(mrn: "U-1", id: "other"))
            #expect(wrongID.status == 400)
            _ = try await create(Fixtures.patient(mrn: "U-2"), on: server)
            _ = try await create(Fixtures.patient(mrn: "U-2"), on: server)
            let ambiguous = try await server.client.put("Patient?identifier=U-2", json: Fixtures.patient(mrn: "U-2"))
            #expect(ambiguous.status == 412)
        }
    }

    @Test("Conditional delete removes the one match; none is success; several is 412")
    func conditionalDelete() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(mrn: "D-1"), on: server)
            let deleted = try await server.client.delete("Patient?identifier=\(mrn)|D-1")
            #expect(deleted.status == 204)
            #expect(try await server.client.get("Patient/\(id)").status == 410)
            let none = try await server.client.delete("Patient?identifier=\(mrn)|D-1")
            #expect(none.status == 204)
            _ = try await create(Fixtures.patient(mrn: "D-2"), on: server)
            _ = try await create(Fixtures.patient(mrn: "D-2"), on: server)
            let ambiguous = try await server.client.delete("Patient?identifier=\(mrn)|D-2")
            #expect(ambiguous.status == 412)
        }
    }

    @Test("Token forms: system|value, value, |value and system| all match as the search page says")
    func tokenForms() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            _ = try await create(Fixtures.patient(mrn: "T-1"), on: server)
            func count(_ query: String) async throws -> Int? {
                try await server.client.get("Patient?\(query)&_total=accurate").resource["total"]?.numberValue?.intValue
            }
            #expect(try await count("identifier=\(mrn)|T-1") == 1)
            #expect(try await count("identifier=T-1") == 1)
            #expect(try await count("identifier=|T-1") == 0)
            #expect(try await count("identifier=\(mrn)|") == 1)
            #expect(try await count("identifier=other|T-1") == 0)
            #expect(try await count("identifier=T-0,T-1") == 1)
        }
    }

    @Test("Criteria Kiln cannot evaluate are refused with 400, not ignored")
    func unsupportedCriteria() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            _ = try await create(Fixtures.patient(mrn: "X-1"), on: server)
            let response = try await server.client.delete("Patient?shoe-size=42")
            #expect(response.status == 400)
            #expect(response.diagnostics.contains("shoe-size"))
            let empty = try await server.client.delete("Patient")
            #expect(empty.status == 400)
        }
    }
}

@Suite("Search on _id and identifier")
struct BasicSearchTests {
    @Test("GET and POST _search find by identifier and page with _count and next links")
    func searchAndPaging() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            for index in 0..<5 { _ = try await create(Fixtures.patient(given: "G\(index)", mrn: "S-\(index)"), on: server) }
            let byIdentifier = try await server.client.get("Patient?identifier=S-1,S-2,S-3&_count=2&_total=accurate")
            #expect(byIdentifier.resource["type"] == "searchset")
            #expect(byIdentifier.resource["total"] == 3)
            #expect(byIdentifier.resource["entry"]?.arrayValue?.count == 2)
            let next = (byIdentifier.resource["link"]?.arrayValue ?? []).first { $0["relation"] == "next" }?["url"]?.stringValue
            let second = try await server.client.get(try #require(next))
            #expect(second.resource["entry"]?.arrayValue?.count == 1)
            let form = try await server.client.request(.POST, "Patient/_search", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array("identifier=S-4".utf8))
            #expect(form.status == 200)
            #expect(form.resource["entry"]?.arrayValue?.first?["search"]?["mode"] == "match")
        }
    }
}
