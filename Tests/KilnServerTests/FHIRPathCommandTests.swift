import FHIRModel
import Foundation
import KilnTesting
import Testing

/// `kiln fhirpath` as a user runs it: JSON results on stdout, an OperationOutcome and a distinct
/// exit status per kind of error.
@Suite("kiln fhirpath")
struct FHIRPathCommandTests {
    func withResource<T>(_ resource: JSONValue, _ body: (String) async throws -> T) async throws -> T {
        let path = NSTemporaryDirectory() + "kiln-fhirpath-\(UInt32.random(in: 0...UInt32.max)).json"
        try Data(resource.jsonBytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    @Test("Results print as a JSON array of {type, value}; decimals keep their digits")
    func results() async throws {
        try await withResource(Fixtures.observation(subject: "Patient/1", value: "1.50")) { path in
            let given = try await KilnProcess.run(["fhirpath", "Observation.value.value", path])
            #expect(given.status == 0)
            let items = try JSONParser().parse(given.output).arrayValue ?? []
            #expect(items.count == 1)
            #expect(items.first?["type"] == "decimal")
            #expect(items.first?["value"]?.numberValue?.text == "1.50")
            let status = try await KilnProcess.run(["fhirpath", "status", path])
            #expect(try JSONParser().parse(status.output) == [["type": "code", "value": "final"]])
        }
    }

    @Test("Exit status 2 for syntax, 3 for semantic (strict), 4 for execution errors, with an OperationOutcome")
    func errors() async throws {
        try await withResource(Fixtures.patient()) { path in
            let syntax = try await KilnProcess.run(["fhirpath", "name.given +", path])
            #expect(syntax.status == 2)
            #expect(try JSONParser().parse(syntax.output)["resourceType"] == "OperationOutcome")
            let semantic = try await KilnProcess.run(["fhirpath", "--strict", "Patient.valueQuantity", path])
            #expect(semantic.status == 3)
            let execution = try await KilnProcess.run(["fhirpath", "(Patient.name.given | 'Other').single()", path])
            #expect(execution.status == 4)
            let dash = try await KilnProcess.run(["fhirpath", "--", "-1 + 3", path])
            #expect(dash.status == 0)
            #expect(try JSONParser().parse(dash.output) == [["type": "integer", "value": 2]])
        }
    }
}
