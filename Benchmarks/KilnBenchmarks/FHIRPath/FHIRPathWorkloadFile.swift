import FHIRModel
import Foundation

/// The workload as JSON for `Benchmarks/fhirpath/fhirpathpy_bench.py`, which evaluates the same
/// expressions on the same resources with fhirpathpy:
///
/// ```json
/// {"format": 1,
///  "resources": [{"resourceType": "Patient", "file": "/…/patient-example.json"},
///                {"resourceType": "Patient", "file": "/…/Patient.ndjson", "line": 3}],
///  "expressions": [{"resourceType": "Patient", "code": "name", "expression": "Patient.name"}],
///  "evaluations": [{"expression": 0, "resource": 0, "kilnResultCount": 1}]}
/// ```
///
/// Resources are named by file (and NDJSON line) so that both engines read the same bytes;
/// `kilnResultCount` is null where Kiln raised an error, and such pairs are not measured.
enum FHIRPathWorkloadFile {
    /// The format version the script reads.
    static let formatVersion = 1

    /// The workload's JSON.
    static func json(_ workload: FHIRPathWorkload, kilnResultCounts: [Int?]) -> JSONValue {
        let resources: [JSONValue] = workload.resources.map { resource in
            var entry: JSONValue = ["resourceType": .string(resource.resourceType), "file": .string(resource.file)]
            if let line = resource.line { entry["line"] = .number(JSONNumber(line)) }
            return entry
        }
        let expressions: [JSONValue] = workload.expressions.map { expression in
            ["resourceType": .string(expression.resourceType), "code": .string(expression.code), "expression": .string(expression.text)]
        }
        let evaluations: [JSONValue] = zip(workload.pairs, kilnResultCounts).map { pair, count in
            [
                "expression": .number(JSONNumber(pair.expression)),
                "resource": .number(JSONNumber(pair.resource)),
                "kilnResultCount": count.map { .number(JSONNumber($0)) } ?? .null,
            ]
        }
        return [
            "format": .number(JSONNumber(formatVersion)),
            "resourceTypes": .array(workload.resourceTypes.map { .string($0) }),
            "resources": .array(resources),
            "expressions": .array(expressions),
            "evaluations": .array(evaluations),
        ]
    }

    /// Writes the workload to a new file in the temporary directory and returns its location.
    static func write(_ workload: FHIRPathWorkload, kilnResultCounts: [Int?]) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiln-fhirpath-workload-\(ProcessInfo.processInfo.processIdentifier).json")
        try Data(JSONSerializer().serialize(json(workload, kilnResultCounts: kilnResultCounts))).write(to: url, options: .atomic)
        return url
    }
}
