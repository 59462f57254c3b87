import FHIRModel
import Foundation
import KilnTesting
import Logging
import PostgresNIO
import Testing

/// Reading the Provenance a test server holds.
extension TestServer {
    /// The current Provenance resources targeting `reference` (`Patient/7`, any version).
    func provenance(targeting reference: String) async throws -> [JSONValue] {
        let response = try await client.get("Provenance?target=\(reference)&_count=100")
        try #require(response.status == 200, "Provenance?target=\(reference): \(response.status) \(response.text)")
        return (response.resource["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
    }

    /// The one Provenance targeting `reference`; records a failure unless there is exactly one.
    func onlyProvenance(targeting reference: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let found = try await provenance(targeting: reference)
        try #require(found.count == 1, "expected one Provenance of \(reference), found \(found.count)", sourceLocation: sourceLocation)
        return found[0]
    }

    /// How many current resources of each type the store holds, read from the table itself.
    func storedCounts() async throws -> [String: Int] {
        try await TestCluster.withClient(database) { postgres in
            let rows = try await postgres.query(
                "SELECT resource_type, count(*)::int8 FROM resource WHERE version_id > 0 AND NOT is_deleted GROUP BY resource_type",
                logger: Logger(label: "test")
            )
            var counts: [String: Int] = [:]
            for try await (type, count) in rows.decode((String, Int64).self) { counts[type] = Int(count) }
            return counts
        }
    }

    /// How many current Provenance resources the store holds.
    func provenanceCount() async throws -> Int {
        try await storedCounts()["Provenance"] ?? 0
    }
}

/// Reading a Provenance resource.
extension JSONValue {
    /// `target[*].reference`.
    var targetReferences: [String] {
        (self["target"]?.arrayValue ?? []).compactMap { $0["reference"]?.stringValue }
    }

    /// The code of `activity`, if any.
    var activityCode: String? {
        self["activity"]?["coding"]?.arrayValue?.first?["code"]?.stringValue
    }

    /// The request id extension's value, if any.
    var requestIDExtension: String? {
        (self["extension"]?.arrayValue ?? []).first { $0["url"] == "https://kiln.dev/fhir/StructureDefinition/request-id" }?["valueString"]?.stringValue
    }
}

/// How tests name the Provenance Kiln writes of each write, whose id is Kiln's: by what it
/// targets, `Provenance/of Patient/p1/_history/1`. A Provenance carrying Kiln's request-id
/// extension is such a record; one a client wrote (without an X-Provenance header) is not.
enum WriteRecord {
    /// The name of Kiln's Provenance of the writes of `targets` (versioned references).
    static func name(of targets: String...) -> String {
        name(of: targets)
    }

    /// The name of Kiln's Provenance of the writes of `targets` (versioned references).
    static func name(of targets: [String]) -> String {
        "Provenance/of " + targets.joined(separator: " ")
    }

    /// The name of `resource` when it is Kiln's Provenance of a write; nil for anything else.
    static func name(_ resource: JSONValue) -> String? {
        guard resource["resourceType"] == "Provenance", resource.requestIDExtension != nil else { return nil }
        return name(of: resource.targetReferences)
    }

    /// The names of Kiln's Provenance of the first version of each of `references` (`Type/id`).
    static func created(_ references: [String]) -> [String] {
        references.map { name(of: "\($0)/_history/1") }
    }
}
