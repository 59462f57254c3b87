import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

/// Small helpers that keep the tests reading like the specification.
extension KilnResponse {
    /// The resource or Bundle in the body; records a test failure when there is none.
    var resource: JSONValue {
        guard let json else {
            Issue.record("Expected a JSON body, got status \(status): \(text)")
            return .null
        }
        return json
    }

    /// The diagnostics of an OperationOutcome body.
    var diagnostics: String {
        (resource["issue"]?.arrayValue ?? []).compactMap { $0["diagnostics"]?.stringValue }.joined(separator: "; ")
    }

    /// Whether the body is an OperationOutcome.
    var isOperationOutcome: Bool { resource["resourceType"]?.stringValue == "OperationOutcome" }
}

/// Creates a resource and returns its id.
func create(_ json: JSONValue, on server: TestServer) async throws -> String {
    let type = json["resourceType"]?.stringValue ?? ""
    let response = try await server.client.post(type, json: json)
    try #require(response.status == 201, "create failed: \(response.status) \(response.text)")
    return try #require(response.resource["id"]?.stringValue)
}
