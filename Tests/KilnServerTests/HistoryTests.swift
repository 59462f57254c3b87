import FHIRModel
import Foundation
import KilnTesting
import NIOHTTP1
import Testing

@Suite("History")
struct HistoryTests {
    @Test("Instance history lists every version newest first, with request and response")
    func instanceHistory() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(family: "V1"), on: server)
            _ = try await server.client.put("Patient/\(id)", json: Fixtures.patient(family: "V2", id: id))
            _ = try await server.client.delete("Patient/\(id)")
            let response = try await server.client.get("Patient/\(id)/_history")
            #expect(response.status == 200)
            let bundle = response.resource
            #expect(bundle["type"] == "history")
            let entries = bundle["entry"]?.arrayValue ?? []
            try #require(entries.count == 3)
            #expect(entries.map { $0["request"]?["method"]?.stringValue } == ["DELETE", "PUT", "POST"])
            #expect(entries[0]["resource"] == nil)
            #expect(entries[1]["resource"]?["name"]?.arrayValue?.first?["family"] == "V2")
            #expect(entries.map { $0["response"]?["etag"]?.stringValue } == ["W/\"3\"", "W/\"2\"", "W/\"1\""])
            #expect(entries[2]["response"]?["status"] == "201 Created")
            let unknown = try await server.client.get("Patient/unknown/_history")
            #expect(unknown.status == 404)
        }
    }

    @Test("Type history pages with _count and next links, and counts with _total")
    func typeHistoryPaging() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            for index in 0..<7 { _ = try await create(Fixtures.patient(family: "P\(index)"), on: server) }
            _ = try await create(Fixtures.observation(subject: "Patient/x"), on: server)
            var url = "Patient/_history?_count=3&_total=accurate"
            var families: [String] = []
            var pages = 0
            while pages < 10 {
                let page = try await server.client.get(url).resource
                #expect(page["total"] == 7)
                families += (page["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?["name"]?.arrayValue?.first?["family"]?.stringValue }
                pages += 1
                guard let next = (page["link"]?.arrayValue ?? []).first(where: { $0["relation"] == "next" })?["url"]?.stringValue else { break }
                url = next
            }
            #expect(pages == 3)
            #expect(families == (0..<7).reversed().map { "P\($0)" })
        }
    }

    @Test("_since keeps only versions written after the instant; a bad _since is 400")
    func since() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            _ = try await create(Fixtures.patient(family: "Old"), on: server)
            try await Task.sleep(for: .milliseconds(20))
            let cut = FHIRInstant.format(Date())
            try await Task.sleep(for: .milliseconds(20))
            _ = try await create(Fixtures.patient(family: "New"), on: server)
            let page = try await server.client.get("Patient/_history?_since=\(cut)").resource
            let families = (page["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?["name"]?.arrayValue?.first?["family"]?.stringValue }
            #expect(families == ["New"])
            let bad = try await server.client.get("Patient/_history?_since=last-week")
            #expect(bad.status == 400)
            let system = try await server.client.get("_history?_total=accurate").resource
            #expect(system["total"] == 4, "the two Patients and Kiln's Provenance of each")
        }
    }
}
