import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Testing

/// `kiln deid report` over a database a running server wrote: the research population (not
/// deleted, not opted out of research) and its equivalence classes.
@Suite("kiln deid report")
struct DeidReportCommandTests {
    static let research = #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "research"}]}, "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentcategorycodes", "code": "research"}]}]"#

    static func patient(_ id: String, birth: String, gender: String, zip: String) -> String {
        #"{"resourceType": "Patient", "id": "\#(id)", "birthDate": "\#(birth)", "gender": "\#(gender)", "address": [{"line": ["1 Main St"], "postalCode": "\#(zip)", "state": "MA"}]}"#
    }

    static func consent(_ patient: String, policy: String) -> String {
        #"{"resourceType": "Consent", "id": "consent-\#(patient)", "status": "active", "patient": {"reference": "Patient/\#(patient)"}, "dateTime": "2026-01-01", \#(research), "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "\#(policy)"}]}}"#
    }

    /// The `report` member of `kiln deid report --json` with `arguments`.
    static func report(_ arguments: [String]) async throws -> JSONObject {
        let result = try await KilnProcess.run(["deid", "report", "--json"] + arguments)
        try #require(result.status == 0, "\(arguments): \(result.output)")
        return try #require(try JSONParser().parse(Array(result.output.utf8))["report"]?.objectValue)
    }

    @Test("The classes of the patients not deleted and not opted out of research; opt-in with HRESCH=deny; k from the project")
    func reportsThePopulation() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        let url = "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"
        let db = ["--database-url", url]
        let server = try await KilnProcess.start(databaseURL: url)
        let client = KilnClient(baseURL: server.baseURL)
        let resources = [
            Self.patient("a1", birth: "1968-01-01", gender: "female", zip: "02139"),
            Self.patient("a2", birth: "1968-02-01", gender: "female", zip: "02139-4307"),
            Self.patient("a3", birth: "1968-03-01", gender: "female", zip: "02140"),
            Self.patient("b", birth: "1970-05-05", gender: "male", zip: "94110"),
            Self.patient("old", birth: "1920-05-05", gender: "male", zip: "03601"),
            Self.patient("rout", birth: "1968-01-01", gender: "female", zip: "02139"),
            Self.patient("rin", birth: "1980-01-01", gender: "female", zip: "10001"),
            Self.patient("gone", birth: "1968-01-01", gender: "female", zip: "02139"),
            Self.consent("rout", policy: "OPTOUT"),
            Self.consent("rin", policy: "OPTIN"),
        ]
        for text in resources {
            let resource = resourceJSON(text)
            let put = try await client.put("\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")", json: resource)
            try #require(put.status == 201, "\(put.text)")
        }
        #expect(try await client.delete("Patient/gone").status == 204)

        let optOut = try await Self.report(["--k", "2"] + db)
        #expect(optOut["patients"]?.numberValue?.intValue == 6)
        #expect(optOut["patients_below_k"]?.numberValue?.intValue == 3)
        #expect(optOut["classes_below_k"]?.numberValue?.intValue == 3)
        let classes = optOut["classes"]?.arrayValue ?? []
        #expect(classes.count == 4)
        #expect(classes.last?["size"]?.numberValue?.intValue == 3)
        #expect(classes.last?["key"] == ["birth": "1968", "gender": "female", "zip": "021", "deceased": "no"])
        #expect(classes.contains { $0["key"]?["birth"] == "90+" && $0["key"]?["zip"] == "000" })
        #expect(optOut["histogram"] == [["size": 1, "classes": 3, "patients": 3], ["size": 3, "classes": 1, "patients": 3]])

        let optIn = try await Self.report(["--k", "2", "--consent-default", "HRESCH=deny"] + db)
        #expect(optIn["patients"]?.numberValue?.intValue == 1)
        #expect(optIn["classes"]?.arrayValue?.first?["key"]?["zip"] == "100")

        let defaultK = try await Self.report(db)
        #expect(defaultK["k"]?.numberValue?.intValue == 11)
        #expect(defaultK["patients_below_k"]?.numberValue?.intValue == 6)

        #expect(try await KilnProcess.run(["project", "add", "lds", "--profile", "limited-data-set", "--min-cell", "3"] + db).status == 0)
        let limited = try await Self.report(["--project", "lds"] + db)
        #expect(limited["profile"] == "limited-data-set")
        #expect(limited["k"]?.numberValue?.intValue == 3)
        #expect(limited["classes"]?.arrayValue?.count == 6)
        #expect(limited["classes"]?.arrayValue?.contains { $0["key"]?["birth"] == "1920-05-05" && $0["key"]?["zip"] == "03601" } == true)

        let table = try await KilnProcess.run(["deid", "report", "--k", "2"] + db)
        #expect(table.status == 0)
        #expect(table.output.contains("research population: 6 patients"), "\(table.output)")
        #expect(table.output.contains("k = 2: 3 patients in 3 of 4 classes smaller than k"), "\(table.output)")
        #expect(table.output.contains("CLASS SIZE"), "\(table.output)")
        #expect(try await KilnProcess.run(["deid", "report", "--project", "nowhere"] + db).status != 0)
        #expect(try await KilnProcess.run(["deid", "report", "--consent-default", "HRESCH=maybe"] + db).status != 0)

        await server.kill(SIGTERM)
        try await TestCluster.shared.dropDatabase(database)
    }
}
