import FHIRModel
import Foundation
@testable import KilnServer
import Testing

@Suite("Resource input and stamping")
struct ResourceInputTests {
    @Test("Ids follow the FHIR rule: 1 to 64 of A-Z a-z 0-9 - .")
    func ids() {
        #expect(ResourceInput.isValidID("a"))
        #expect(ResourceInput.isValidID("Patient-1.2"))
        #expect(ResourceInput.isValidID(String(repeating: "x", count: 64)))
        #expect(!ResourceInput.isValidID(String(repeating: "x", count: 65)))
        #expect(!ResourceInput.isValidID(""))
        #expect(!ResourceInput.isValidID("a_b"))
        #expect(!ResourceInput.isValidID("a/b"))
        #expect(!ResourceInput.isValidID("é"))
    }

    @Test("A resource must be an object with the URL's resourceType and a string id")
    func resourceShape() throws {
        #expect(throws: FHIRError.self) { try ResourceInput.resource(nil, expectedType: "Patient") }
        #expect(throws: FHIRError.self) { try ResourceInput.resource(["resourceType": "Observation"], expectedType: "Patient") }
        #expect(throws: FHIRError.self) { try ResourceInput.resource(["resourceType": "Patient", "id": 5], expectedType: "Patient") }
        #expect(throws: FHIRError.self) { try ResourceInput.resource(["resourceType": "Patient", "meta": "x"], expectedType: "Patient") }
        #expect(throws: FHIRError.self) { try ResourceInput.resource([1, 2], expectedType: "Patient") }
        let object = try ResourceInput.resource(["resourceType": "Patient", "id": "a"], expectedType: "Patient")
        #expect(ResourceInput.bodyID(object) == "a")
    }

    @Test("Stamping puts resourceType, id and meta first and keeps the client's other meta and order")
    func stamping() throws {
        let resource: JSONValue = [
            "gender": "male",
            "meta": ["profile": ["http://example.org/p"], "versionId": "99"],
            "resourceType": "Patient",
            "active": true,
        ]
        let object = try #require(resource.objectValue)
        let stamped = ResourceStamp.stamp(object, id: "p1", versionID: 3, lastUpdated: Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(stamped.objectValue?.keys == ["resourceType", "id", "meta", "gender", "active"])
        #expect(stamped["meta"]?.objectValue?.keys == ["versionId", "lastUpdated", "profile"])
        #expect(stamped["meta"]?["versionId"] == "3")
        #expect(stamped["meta"]?["lastUpdated"] == "2023-11-14T22:13:20.123Z")
    }
}
