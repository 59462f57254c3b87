import FHIRModel
import KilnTesting
import Testing

@Suite("SearchHTTP: strict and lenient handling")
struct SearchHTTPStrictnessTests {
    @Test("Unknown parameters and modifiers and malformed values are 400 unless Prefer: handling=lenient ignores them")
    func strictness() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Patient", "id": "s1", "name": [{"family": "Strict"}], "birthDate": "1980-05-12"}"#,
                                 #"{"resourceType": "Patient", "id": "s2", "name": [{"family": "Other"}], "birthDate": "1990-01-01"}"#)

            // Strict (the default, and when asked for).
            let unknown = try await server.get("Patient?shoe-size=42")
            #expect(unknown.status == 400)
            #expect(unknown.isOperationOutcome)
            #expect(unknown.diagnostics.contains("shoe-size"))
            let unknownStrict = try await server.get("Patient?shoe-size=42&family=strict", headers: ["Prefer": "handling=strict"])
            #expect(unknownStrict.status == 400)
            #expect(unknownStrict.diagnostics.contains("shoe-size"))
            let modifier = try await server.get("Patient?family:fuzzy=strict")
            #expect(modifier.status == 400)
            #expect(modifier.isOperationOutcome)
            #expect(modifier.diagnostics.contains("fuzzy"))
            let wrongModifier = try await server.get("Patient?birthdate:exact=1980")
            #expect(wrongModifier.status == 400)
            #expect(wrongModifier.isOperationOutcome)
            for bad in ["1980-13-45", "yesterday", "12-05-1980", "1980-05-12T25:00:00Z"] {
                let malformed = try await server.get("Patient?birthdate=\(bad)")
                #expect(malformed.status == 400, "birthdate=\(bad)")
                #expect(malformed.isOperationOutcome, "birthdate=\(bad)")
                #expect(malformed.diagnostics.contains("birthdate"), "birthdate=\(bad): \(malformed.diagnostics)")
            }
            let badPrefix = try await server.get("Patient?family=gt5&birthdate=xx1980")
            #expect(badPrefix.status == 400)
            let badCount = try await server.get("Patient?_count=many")
            #expect(badCount.status == 400)
            #expect(badCount.isOperationOutcome)
            let badSort = try await server.get("Patient?_sort=shoe-size")
            #expect(badSort.status == 400)
            #expect(badSort.diagnostics.contains("shoe-size"))

            // Lenient: the unknown parameter is ignored, left out of the self link, and reported.
            let lenient = try await server.get("Patient?shoe-size=42&family=strict", headers: ["Prefer": "handling=lenient"])
            #expect(lenient.status == 200)
            let bundle = lenient.resource
            #expect(bundle.matchIDs == ["Patient/s1"])
            let selfLink = try #require(bundle.link("self"))
            #expect(!selfLink.contains("shoe-size"))
            #expect(selfLink.contains("family=strict"))
            let outcomes = bundle.outcomes
            #expect(outcomes.count == 1)
            #expect(outcomes.first?["resourceType"] == "OperationOutcome")
            let text = (outcomes.first?["issue"]?.arrayValue ?? []).compactMap { $0["diagnostics"]?.stringValue }.joined()
            #expect(text.contains("shoe-size"))

            // Lenient with an unknown modifier.
            let lenientModifier = try await server.get("Patient?family:fuzzy=x&birthdate=1980", headers: ["Prefer": "handling=lenient"])
            #expect(lenientModifier.status == 200)
            #expect(lenientModifier.resource.matchIDs == ["Patient/s1"])
            #expect(lenientModifier.resource.link("self")?.contains("fuzzy") == false)
            let modifierText = (lenientModifier.resource.outcomes.first?["issue"]?.arrayValue ?? []).compactMap { $0["diagnostics"]?.stringValue }.joined()
            #expect(modifierText.contains("family:fuzzy") || modifierText.contains("fuzzy"))

            // Lenient with nothing to ignore adds no outcome entry.
            let clean = try await server.get("Patient?family=strict", headers: ["Prefer": "handling=lenient"])
            #expect(clean.status == 200)
            #expect(clean.resource.outcomes.isEmpty)
        }
    }
}
