import FHIRAccess
import FHIRModel
import FHIRStore
import FHIRTerminology

/// Reading the inputs the terminology operations share: codings, the resource an instance-level
/// call points at, and turning terminology errors into FHIR errors.
enum TerminologyInput {
    /// Throws 400 unless the call is on one of `types` (type or instance level).
    static func requireType(_ invocation: OperationInvocation, _ types: Set<String>, operation: String) throws(FHIRError) {
        guard let type = invocation.resourceType, types.contains(type) else {
            let allowed = types.sorted().map { "\($0)/$\(operation)" }.joined(separator: " or ")
            throw FHIRError.badRequest("$\(operation) is invoked as \(allowed)")
        }
    }

    /// A Coding parameter as (system, code, display, version).
    static func coding(_ value: JSONValue?, name: String) throws(FHIRError) -> (system: String?, code: String, display: String?, version: String?)? {
        guard let value else { return nil }
        guard let code = value["code"]?.stringValue else {
            throw FHIRError.badRequest("The parameter '\(name)' must be a Coding with a code")
        }
        return (value["system"]?.stringValue, code, value["display"]?.stringValue, value["version"]?.stringValue)
    }

    /// The stored resource of an instance-level call, as JSON; nil for type-level calls.
    static func instance(_ invocation: OperationInvocation, service: FHIRService) async throws -> JSONValue? {
        guard let type = invocation.resourceType, let id = invocation.resourceID else { return nil }
        let filter = try service.authorize(.read, request: invocation.request, type: type, id: id)
        guard let stored = try await service.readVisible(type: type, id: id, filter: filter, in: nil), !stored.isDeleted,
              let json = try stored.json() else {
            throw FHIRError.notFound("\(type)/\(id) is not known")
        }
        return json
    }

    /// A stored ValueSet or CodeSystem given a url to register under when it has none.
    static func withURL(_ resource: JSONValue, type: String, id: String?) -> JSONValue {
        guard resource["url"]?.stringValue == nil else { return resource }
        var copy = resource
        copy["url"] = .string("urn:kiln:\(type)/\(id ?? "request")")
        return copy
    }

    /// The FHIR error for a terminology error.
    static func fhirError(_ error: TerminologyError) -> FHIRError {
        switch error.kind {
        case .notFound: FHIRError(status: 404, code: .notFound, error.message)
        case .invalid: FHIRError.badRequest(error.message)
        case .tooCostly: FHIRError(status: 422, code: .tooCostly, error.message)
        case .notSupported: FHIRError(status: 422, code: .notSupported, error.message)
        case .unavailable: FHIRError.unavailable(error.message)
        }
    }

    /// A Parameters resource.
    static func parameters(_ parameters: [JSONValue]) -> JSONValue {
        ["resourceType": "Parameters", "parameter": .array(parameters)]
    }

    /// One parameter `name` with `value[type]`.
    static func parameter(_ name: String, _ type: String, _ value: JSONValue) -> JSONValue {
        .object(JSONObject([(key: "name", value: .string(name)), (key: "value\(type)", value: value)]))
    }

    /// One parameter `name` with parts.
    static func parameter(_ name: String, parts: [JSONValue]) -> JSONValue {
        ["name": .string(name), "part": .array(parts)]
    }
}
