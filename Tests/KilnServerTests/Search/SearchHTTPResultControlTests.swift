import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

@Suite("SearchHTTP: paging, sorting, totals and result shaping")
struct SearchHTTPResultControlTests {
    /// Seven patients, written in this order; two share a family.
    static let patients: [(id: String, family: String, birthDate: String)] = [
        ("r1", "Adams", "1990-01-01"),
        ("r2", "Baker", "1985-06-15"),
        ("r3", "Clark", "2000-03-03"),
        ("r4", "Adams", "1970-09-09"),
        ("r5", "Baker", "1995-12-12"),
        ("r6", "Davis", "1960-02-29"),
        ("r7", "Evans", "1979-07-07"),
    ]

    static func writePatients(on server: TestServer) async throws {
        for patient in patients {
            try await server.put(json: """
                {"resourceType": "Patient", "id": "\(patient.id)", "gender": "female", "birthDate": "\(patient.birthDate)",
                 "name": [{"family": "\(patient.family)", "given": ["Pat"]}],
                 "maritalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M"}]},
                 "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en"}]}}]}
                """)
        }
    }

    @Test("_count pages follow next links to the end, previous goes back, self is given; a bad _cursor is 400")
    func paging() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await Self.writePatients(on: server)
            let all = ["Patient/r1", "Patient/r2", "Patient/r3", "Patient/r4", "Patient/r5", "Patient/r6", "Patient/r7"]

            let first = try await server.searchset("Patient?_count=3")
            #expect(first.matchIDs.count == 3)
            #expect(first.link("previous") == nil)
            let selfLink = try #require(first.link("self"))
            #expect(selfLink.hasPrefix("\(server.baseURL)/Patient?"))
            #expect(selfLink.contains("_count=3"))
            #expect(!selfLink.contains("_cursor"))

            // Following next links: every patient exactly once, in a stable order.
            let walk = try await server.allPages("Patient?_count=3")
            #expect(walk.pages == 3)
            #expect(walk.ids.count == 7)
            #expect(Set(walk.ids) == Set(all))
            #expect(walk.ids == all, "the default order is the order of creation")
            let again = try await server.allPages("Patient?_count=3")
            #expect(again.ids == walk.ids)

            // Page 2, then its previous link gives page 1 again.
            let nextURL = try #require(first.link("next"))
            let second = try await server.searchset(nextURL)
            #expect(second.matchIDs == Array(walk.ids[3..<6]))
            #expect(second.link("self")?.contains("_cursor=") == true)
            let previousURL = try #require(second.link("previous"))
            let back = try await server.searchset(previousURL)
            #expect(back.matchIDs == first.matchIDs)
            let third = try await server.searchset(try #require(second.link("next")))
            #expect(third.matchIDs == ["Patient/r7"])
            #expect(third.link("next") == nil)

            // Paging in a sort order.
            let sorted = try await server.allPages("Patient?_sort=birthdate&_count=2")
            #expect(sorted.ids == ["Patient/r6", "Patient/r4", "Patient/r7", "Patient/r2", "Patient/r1", "Patient/r5", "Patient/r3"])
            #expect(sorted.pages == 4)
            let sortedDescending = try await server.allPages("Patient?_sort=-birthdate&_count=3")
            #expect(sortedDescending.ids == ["Patient/r3", "Patient/r5", "Patient/r1", "Patient/r2", "Patient/r7", "Patient/r4", "Patient/r6"])
            let sortedFirst = try await server.searchset("Patient?_sort=-birthdate&_count=3")
            let sortedSecond = try await server.searchset(try #require(sortedFirst.link("next")))
            #expect(sortedSecond.matchIDs == ["Patient/r2", "Patient/r7", "Patient/r4"])
            let sortedBack = try await server.searchset(try #require(sortedSecond.link("previous")))
            #expect(sortedBack.matchIDs == ["Patient/r3", "Patient/r5", "Patient/r1"])
            // Ties on the first key are ordered by the second, across page boundaries.
            let tied = try await server.allPages("Patient?_sort=family,-birthdate&_count=2")
            #expect(tied.ids == ["Patient/r1", "Patient/r4", "Patient/r5", "Patient/r2", "Patient/r3", "Patient/r6", "Patient/r7"])
            let exact = try await server.searchset("Patient?_count=7")
            #expect(exact.matchIDs.count == 7)

            // A garbage, tampered, truncated or foreign cursor is refused with an OperationOutcome.
            let garbage = try await server.get("Patient?_count=3&_cursor=garbage")
            #expect(garbage.status == 400)
            #expect(garbage.isOperationOutcome)
            let cursor = try #require(nextURL.split(separator: "_cursor=").last.map { String($0.prefix { $0 != "&" }) })
            var tampered = Array(cursor)
            let position = tampered.count - 4
            tampered[position] = tampered[position] == "A" ? "B" : "A"
            let tamperedResponse = try await server.get("Patient?_count=3&_cursor=\(String(tampered))")
            #expect(tamperedResponse.status == 400)
            #expect(tamperedResponse.isOperationOutcome)
            let truncated = try await server.get("Patient?_count=3&_cursor=\(cursor.dropLast(3))")
            #expect(truncated.status == 400)
            #expect(truncated.isOperationOutcome)
            let foreign = try await server.get("Patient?family=Adams&_count=3&_cursor=\(cursor)")
            #expect(foreign.status == 400)
            #expect(foreign.isOperationOutcome)
        }
    }

    @Test("_sort, _total, _summary and _elements")
    func sortTotalsAndShaping() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await Self.writePatients(on: server)

            #expect(try await server.orderedMatches("Patient?_sort=birthdate")
                == ["Patient/r6", "Patient/r4", "Patient/r7", "Patient/r2", "Patient/r1", "Patient/r5", "Patient/r3"])
            #expect(try await server.orderedMatches("Patient?_sort=-birthdate")
                == ["Patient/r3", "Patient/r5", "Patient/r1", "Patient/r2", "Patient/r7", "Patient/r4", "Patient/r6"])
            #expect(try await server.orderedMatches("Patient?_sort=_lastUpdated")
                == ["Patient/r1", "Patient/r2", "Patient/r3", "Patient/r4", "Patient/r5", "Patient/r6", "Patient/r7"])
            #expect(try await server.orderedMatches("Patient?_sort=-_lastUpdated")
                == ["Patient/r7", "Patient/r6", "Patient/r5", "Patient/r4", "Patient/r3", "Patient/r2", "Patient/r1"])
            #expect(try await server.orderedMatches("Patient?_sort=family,-birthdate")
                == ["Patient/r1", "Patient/r4", "Patient/r5", "Patient/r2", "Patient/r3", "Patient/r6", "Patient/r7"])
            #expect(try await server.orderedMatches("Patient?family=Adams,Baker&_sort=-family,birthdate")
                == ["Patient/r2", "Patient/r5", "Patient/r4", "Patient/r1"])

            // _total.
            let accurate = try await server.searchset("Patient?_total=accurate&_count=2")
            #expect(accurate.total == 7)
            #expect(accurate.matchIDs.count == 2)
            #expect(try await server.searchset("Patient?family=Baker&_total=accurate").total == 2)
            let estimate = try await server.searchset("Patient?_total=estimate&_count=2")
            #expect(estimate["total"]?.numberValue?.intValue != nil, "_total=estimate gives a whole number")
            #expect((estimate.total ?? -1) >= 0)

            // _summary=count: the total and no entries.
            let count = try await server.searchset("Patient?_summary=count")
            #expect(count.total == 7)
            #expect(count.entries.isEmpty)
            #expect(try await server.searchset("Patient?family=Adams&_summary=count").total == 2)

            // _summary=true: summary elements only, tagged SUBSETTED.
            let summary = try await server.searchset("Patient?_id=r1&_summary=true")
            let summarized = try #require(summary.entries.first?["resource"])
            #expect(summarized["name"]?.arrayValue?.first?["family"] == "Adams")
            #expect(summarized["birthDate"] == "1990-01-01")
            #expect(summarized["gender"] == "female")
            #expect(summarized["maritalStatus"] == nil)
            #expect(summarized["communication"] == nil)
            let summaryElements: Set = ["resourceType", "id", "meta", "implicitRules", "identifier", "active", "name", "telecom", "gender",
                                        "birthDate", "deceasedBoolean", "deceasedDateTime", "address", "managingOrganization", "link"]
            let summaryKeys: [String] = summarized.objectValue?.keys ?? []
            #expect(Set(summaryKeys).isSubset(of: summaryElements), "kept \(summaryKeys)")
            #expect(Self.isSubsetted(summarized))

            // _elements: the named elements with id and meta, tagged SUBSETTED.
            let elements = try await server.searchset("Patient?_id=r1,r2&_elements=gender")
            #expect(elements.entries.count == 2)
            for entry in elements.entries {
                let resource = try #require(entry["resource"]?.objectValue)
                #expect(Set(resource.keys).isSubset(of: ["resourceType", "id", "meta", "gender"]), "kept \(resource.keys)")
                #expect(resource["gender"] == "female")
                #expect(resource["id"] != nil)
                #expect(Self.isSubsetted(.object(resource)))
            }
            let unshaped = try await server.searchset("Patient?_id=r1")
            #expect(unshaped.entries.first?["resource"]?["maritalStatus"] != nil)
            #expect(!Self.isSubsetted(unshaped.entries.first?["resource"] ?? .null))
        }
    }

    static func isSubsetted(_ resource: JSONValue) -> Bool {
        (resource["meta"]?["tag"]?.arrayValue ?? []).contains {
            $0["system"] == "http://terminology.hl7.org/CodeSystem/v3-ObservationValue" && $0["code"] == "SUBSETTED"
        }
    }

    @Test("_include, _revinclude, _include:iterate, POST _search, and system search with _type")
    func includesAndPost() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Practitioner", "id": "welby", "name": [{"family": "Welby"}]}"#,
                                 #"{"resourceType": "Patient", "id": "inc-p", "name": [{"family": "Include"}], "generalPractitioner": [{"reference": "Practitioner/welby"}]}"#,
                                 #"{"resourceType": "Patient", "id": "other-p", "name": [{"family": "Other"}]}"#)
            func observation(_ id: String, patient: String, code: String) -> String {
                """
                {"resourceType": "Observation", "id": "\(id)", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "\(code)"}]},
                 "subject": {"reference": "Patient/\(patient)"},
                 "valueQuantity": {"value": 10, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}
                """
            }
            try await server.put(json: observation("o-a", patient: "inc-p", code: "2339-0"),
                                 observation("o-b", patient: "inc-p", code: "2345-7"),
                                 observation("o-c", patient: "other-p", code: "2339-0"))
            try await server.put(json: """
                {"resourceType": "DiagnosticReport", "id": "rep-1", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8"}]},
                 "subject": {"reference": "Patient/inc-p"},
                 "result": [{"reference": "Observation/o-a"}, {"reference": "Observation/o-b"}]}
                """, """
                {"resourceType": "Provenance", "id": "prov-1", "recorded": "2024-05-01T10:00:00Z",
                 "target": [{"reference": "Observation/o-a"}],
                 "agent": [{"who": {"reference": "Practitioner/welby"}}]}
                """)

            let include = try await server.searchset("DiagnosticReport?_id=rep-1&_include=DiagnosticReport:result")
            #expect(include.matchIDs == ["DiagnosticReport/rep-1"])
            #expect(include.includeIDs == ["Observation/o-a", "Observation/o-b"])

            let iterate = try await server.searchset("DiagnosticReport?_id=rep-1&_include=DiagnosticReport:result&_include:iterate=Observation:patient")
            #expect(iterate.matchIDs == ["DiagnosticReport/rep-1"])
            #expect(iterate.includeIDs == ["Observation/o-a", "Observation/o-b", "Patient/inc-p"])
            let deeper = try await server.searchset(
                "DiagnosticReport?_id=rep-1&_include=DiagnosticReport:result&_include:iterate=Observation:patient&_include:iterate=Patient:general-practitioner")
            #expect(deeper.includeIDs == ["Observation/o-a", "Observation/o-b", "Patient/inc-p", "Practitioner/welby"])

            let revinclude = try await server.searchset("Observation?_revinclude=Provenance:target")
            #expect(Set(revinclude.matchIDs) == ["Observation/o-a", "Observation/o-b", "Observation/o-c"])
            // The client's Provenance, and Kiln's of each Observation's create.
            #expect(revinclude.includeIDs == Set(["Provenance/prov-1"] + WriteRecord.created(["Observation/o-a", "Observation/o-b", "Observation/o-c"])))
            let revincludeNone = try await server.searchset("Observation?_id=o-c&_revinclude=Provenance:target")
            #expect(revincludeNone.matchIDs == ["Observation/o-c"])
            #expect(revincludeNone.includeIDs == Set(WriteRecord.created(["Observation/o-c"])), "no Provenance but Kiln's")
            let patientRev = try await server.searchset("Patient?_id=inc-p&_revinclude=Observation:patient&_revinclude=DiagnosticReport:subject")
            #expect(patientRev.matchIDs == ["Patient/inc-p"])
            #expect(patientRev.includeIDs == ["Observation/o-a", "Observation/o-b", "DiagnosticReport/rep-1"])

            // POST [type]/_search with a form body gives what GET gives.
            let query = "code=http://loinc.org|2339-0,http://loinc.org|2345-7&_sort=_id&_include=Observation:patient&_total=accurate"
            let get = try await server.searchset("Observation?\(query)")
            #expect(get.matchIDs == ["Observation/o-a", "Observation/o-b", "Observation/o-c"])
            #expect(get.includeIDs == ["Patient/inc-p", "Patient/other-p"])
            let form = SearchURL.encode("?" + query).dropFirst()
            let post = try await server.client.request(.POST, "Observation/_search", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array(form.utf8))
            #expect(post.status == 200)
            #expect(post.resource.matchIDs == get.matchIDs)
            #expect(post.resource.includeIDs == get.includeIDs)
            #expect(post.resource.total == 3)

            // System search across named types.
            #expect(try await server.matches("\(server.baseURL)?_type=Patient,Observation&_id=inc-p,o-a,rep-1") == ["Patient/inc-p", "Observation/o-a"])
            #expect(try await server.matches("\(server.baseURL)?_id=inc-p,o-a,rep-1") == ["Patient/inc-p", "Observation/o-a", "DiagnosticReport/rep-1"])
            let systemPost = try await server.client.request(.POST, "_search", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                             body: Array("_type=Patient,Observation&_id=inc-p,o-a,rep-1".utf8))
            #expect(systemPost.status == 200)
            #expect(Set(systemPost.resource.matchIDs) == ["Patient/inc-p", "Observation/o-a"])
        }
    }
}
