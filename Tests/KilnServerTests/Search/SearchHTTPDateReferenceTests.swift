import FHIRModel
import Foundation
import KilnTesting
import Testing

@Suite("SearchHTTP: dates and references")
struct SearchHTTPDateReferenceTests {
    @Test("Date: eq ne lt gt le ge sa eb with year, month, day and time on birthdate, Observation date and _lastUpdated")
    func dates() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Patient", "id": "a", "birthDate": "1980-05-12"}"#,
                                 #"{"resourceType": "Patient", "id": "b", "birthDate": "1980-11-30"}"#,
                                 #"{"resourceType": "Patient", "id": "c", "birthDate": "1975-01-01"}"#,
                                 #"{"resourceType": "Patient", "id": "d", "birthDate": "1990-07-04"}"#,
                                 #"{"resourceType": "Patient", "id": "e", "gender": "unknown"}"#)
            func observation(_ id: String, _ effective: String) -> String {
                """
                {"resourceType": "Observation", "id": "\(id)", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                 "subject": {"reference": "Patient/a"}, \(effective),
                 "valueQuantity": {"value": 70, "unit": "/min", "system": "http://unitsofmeasure.org", "code": "/min"}}
                """
            }
            try await server.put(json: observation("o1", #""effectiveDateTime": "2024-05-01T08:30:00Z""#),
                                 observation("o2", #""effectivePeriod": {"start": "2024-03-01", "end": "2024-03-31"}"#),
                                 observation("o3", #""effectivePeriod": {"start": "2024-06-15T00:00:00Z"}"#),
                                 observation("o4", #""effectiveDateTime": "2023-12-15T12:00:00Z""#))

            // birthdate (a date): year, month and day precision.
            #expect(try await server.matches("Patient?birthdate=1980") == ["Patient/a", "Patient/b"])
            #expect(try await server.matches("Patient?birthdate=1980-05") == ["Patient/a"])
            #expect(try await server.matches("Patient?birthdate=1980-05-12") == ["Patient/a"])
            #expect(try await server.matches("Patient?birthdate=eq1980-05-12") == ["Patient/a"])
            #expect(try await server.matches("Patient?birthdate=1980-05-13") == [])
            #expect(try await server.matches("Patient?birthdate=ne1980") == ["Patient/c", "Patient/d"])
            #expect(try await server.matches("Patient?birthdate=lt1980") == ["Patient/c"])
            #expect(try await server.matches("Patient?birthdate=lt1980-05-12") == ["Patient/c"])
            #expect(try await server.matches("Patient?birthdate=le1980-05-12") == ["Patient/a", "Patient/c"])
            #expect(try await server.matches("Patient?birthdate=le1980-05") == ["Patient/a", "Patient/c"])
            #expect(try await server.matches("Patient?birthdate=gt1980-05-12") == ["Patient/b", "Patient/d"])
            #expect(try await server.matches("Patient?birthdate=ge1980-05-12") == ["Patient/a", "Patient/b", "Patient/d"])
            #expect(try await server.matches("Patient?birthdate=gt1980") == ["Patient/d"])
            #expect(try await server.matches("Patient?birthdate=sa1980") == ["Patient/d"])
            #expect(try await server.matches("Patient?birthdate=eb1980") == ["Patient/c"])
            #expect(try await server.matches("Patient?birthdate=sa1980-05-12") == ["Patient/b", "Patient/d"])
            #expect(try await server.matches("Patient?birthdate=eb1980-11") == ["Patient/a", "Patient/c"])
            #expect(try await server.matches("Patient?birthdate=ge1975&birthdate=lt1981") == ["Patient/a", "Patient/b", "Patient/c"])
            #expect(try await server.matches("Patient?birthdate=1980-05-12,1990") == ["Patient/a", "Patient/d"])

            // Observation date over effectiveDateTime and effectivePeriod (o3's period has no end: ongoing).
            #expect(try await server.matches("Observation?date=2024-05-01") == ["Observation/o1"])
            #expect(try await server.matches("Observation?date=2024-03") == ["Observation/o2"])
            #expect(try await server.matches("Observation?date=2024-03-15") == [])
            #expect(try await server.matches("Observation?date=2024") == ["Observation/o1", "Observation/o2"])
            #expect(try await server.matches("Observation?date=2023") == ["Observation/o4"])
            #expect(try await server.matches("Observation?date=ne2024") == ["Observation/o3", "Observation/o4"])
            #expect(try await server.matches("Observation?date=gt2024-04") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?date=ge2030") == ["Observation/o3"])
            #expect(try await server.matches("Observation?date=lt2024") == ["Observation/o4"])
            #expect(try await server.matches("Observation?date=le2024-03-31") == ["Observation/o2", "Observation/o4"])
            #expect(try await server.matches("Observation?date=sa2024-04-30") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?date=eb2024-04") == ["Observation/o2", "Observation/o4"])
            #expect(try await server.matches("Observation?date=ge2024-03-10&date=le2024-03-20") == ["Observation/o2"])
            // With a time and a zone.
            #expect(try await server.matches("Observation?date=2024-05-01T08:30:00Z") == ["Observation/o1"])
            #expect(try await server.matches("Observation?date=2024-05-01T10:30:00+02:00") == ["Observation/o1"])
            #expect(try await server.matches("Observation?date=lt2024-05-01T08:30:00Z") == ["Observation/o2", "Observation/o4"])
            #expect(try await server.matches("Observation?date=gt2024-05-01T10:00:00+02:00") == ["Observation/o1", "Observation/o3"])

            // _lastUpdated: one Patient written more than a second after the others.
            try await Task.sleep(for: .milliseconds(1200))
            let late = try await server.client.put("Patient/late", json: resourceJSON(#"{"resourceType": "Patient", "id": "late"}"#))
            try #require(late.status == 201)
            let stamp = try #require(late.resource["meta"]?["lastUpdated"]?.stringValue)
            let earlier: Set = ["Patient/a", "Patient/b", "Patient/c", "Patient/d", "Patient/e"]
            #expect(try await server.matches("Patient?_lastUpdated=\(stamp)") == ["Patient/late"])
            #expect(try await server.matches("Patient?_lastUpdated=ge\(stamp)") == ["Patient/late"])
            #expect(try await server.matches("Patient?_lastUpdated=lt\(stamp)") == earlier)
            #expect(try await server.matches("Patient?_lastUpdated=gt2000-01-01") == earlier.union(["Patient/late"]))
            #expect(try await server.matches("Patient?_lastUpdated=sa2000") == earlier.union(["Patient/late"]))
            #expect(try await server.matches("Patient?_lastUpdated=lt2000") == [])
            #expect(try await server.matches("Patient?_lastUpdated=eb2000") == [])

            // The exact meta.lastUpdated of a resource finds it, whatever its millisecond.
            var missed: [String] = []
            for index in 0..<25 {
                let written = try await server.client.put("Patient/stamp-\(index)", json: resourceJSON(#"{"resourceType": "Patient", "id": "stamp-\#(index)"}"#))
                try #require(written.status == 201)
                let lastUpdated = try #require(written.resource["meta"]?["lastUpdated"]?.stringValue)
                if try await server.matches("Patient?_id=stamp-\(index)&_lastUpdated=\(lastUpdated)") != ["Patient/stamp-\(index)"] {
                    missed.append("eq\(lastUpdated)")
                }
                if try await server.matches("Patient?_id=stamp-\(index)&_lastUpdated=ge\(lastUpdated)") != ["Patient/stamp-\(index)"] {
                    missed.append("ge\(lastUpdated)")
                }
                if try await server.matches("Patient?_id=stamp-\(index)&_lastUpdated=le\(lastUpdated)") != ["Patient/stamp-\(index)"] {
                    missed.append("le\(lastUpdated)")
                }
            }
            #expect(missed.isEmpty, "_lastUpdated with a resource's own meta.lastUpdated missed it: \(missed)")
        }
    }

    @Test("Reference: Type/id, id, :Type, absolute URL, chains of one and two levels, _has; an unknown chained parameter is 400")
    func references() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Practitioner", "id": "welby", "name": [{"family": "Welby", "given": ["Marcus"]}]}"#,
                                 #"{"resourceType": "Practitioner", "id": "house", "name": [{"family": "House", "given": ["Gregory"]}]}"#,
                                 #"{"resourceType": "Patient", "id": "p1", "name": [{"family": "Smith"}], "generalPractitioner": [{"reference": "Practitioner/welby"}]}"#,
                                 #"{"resourceType": "Patient", "id": "p2", "name": [{"family": "Jones"}], "generalPractitioner": [{"reference": "Practitioner/house"}]}"#,
                                 #"{"resourceType": "Group", "id": "p1", "type": "person", "actual": true, "name": "Smith family"}"#)
            func observation(_ id: String, subject: String, code: String) -> String {
                """
                {"resourceType": "Observation", "id": "\(id)", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "\(code)"}]},
                 "subject": {"reference": "\(subject)"}}
                """
            }
            try await server.put(json: observation("o1", subject: "Patient/p1", code: "2339-0"),
                                 observation("o2", subject: "Patient/p2", code: "8867-4"),
                                 observation("o3", subject: "\(server.baseURL)/Patient/p1", code: "718-7"),
                                 observation("o4", subject: "Group/p1", code: "2339-0"))

            #expect(try await server.matches("Observation?subject=Patient/p1") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?subject:Patient=p1") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?subject:Group=p1") == ["Observation/o4"])
            #expect(try await server.matches("Observation?subject=p1") == ["Observation/o1", "Observation/o3", "Observation/o4"])
            #expect(try await server.matches("Observation?patient=p1") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?patient=Patient/p2") == ["Observation/o2"])
            #expect(try await server.matches("Observation?subject=Patient/p1,Patient/p2") == ["Observation/o1", "Observation/o2", "Observation/o3"])
            #expect(try await server.matches("Observation?subject=\(server.baseURL)/Patient/p1") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?patient=\(server.baseURL)/Patient/p2") == ["Observation/o2"])
            #expect(try await server.matches("Observation?subject=Patient/nobody") == [])

            // Chains.
            #expect(try await server.matches("Observation?subject:Patient.name=smith") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?subject:Patient.name=jones") == ["Observation/o2"])
            #expect(try await server.matches("Observation?patient.name=smith") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?subject:Patient.name=smith&code=2339-0") == ["Observation/o1"])
            #expect(try await server.matches("Observation?patient.general-practitioner.name=welby") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Observation?patient.general-practitioner:Practitioner.name=house") == ["Observation/o2"])
            #expect(try await server.matches("Observation?subject:Patient.general-practitioner.name=marcus") == ["Observation/o1", "Observation/o3"])
            #expect(try await server.matches("Patient?general-practitioner.name=welby") == ["Patient/p1"])

            // Reverse chains.
            #expect(try await server.matches("Patient?_has:Observation:patient:code=2339-0") == ["Patient/p1"])
            #expect(try await server.matches("Patient?_has:Observation:patient:code=8867-4") == ["Patient/p2"])
            #expect(try await server.matches("Patient?_has:Observation:patient:code=2339-0,8867-4") == ["Patient/p1", "Patient/p2"])
            #expect(try await server.matches("Patient?_has:Observation:patient:code=4548-4") == [])
            #expect(try await server.matches("Practitioner?_has:Patient:general-practitioner:name=jones") == ["Practitioner/house"])

            // An unknown parameter in a chain is refused, naming it.
            let unknown = try await server.get("Observation?subject:Patient.shoe-size=42")
            #expect(unknown.status == 400)
            #expect(unknown.isOperationOutcome)
            #expect(unknown.diagnostics.contains("shoe-size"))
            let unknownSecond = try await server.get("Observation?patient.general-practitioner.shoe-size=42")
            #expect(unknownSecond.status == 400)
            #expect(unknownSecond.diagnostics.contains("shoe-size"))
            let unknownHas = try await server.get("Patient?_has:Observation:patient:shoe-size=42")
            #expect(unknownHas.status == 400)
            #expect(unknownHas.diagnostics.contains("shoe-size"))
        }
    }
}
