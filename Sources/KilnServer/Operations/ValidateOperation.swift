import FHIRAccess
import FHIRModel
import FHIRStore
import FHIRValidation

/// `$validate` (http://hl7.org/fhir/OperationDefinition/Resource-validate): validates a resource
/// against its base definition, the profiles it claims and the `profile` asked for, without
/// storing anything, and answers 200 with the OperationOutcome ("All OK" when there is no issue).
///
/// ```
/// POST [type]/$validate            body: the resource, or a Parameters with resource, mode, profile
/// POST [type]/[id]/$validate       body optional: without one, the stored current version
/// GET  [type]/[id]/$validate?profile=URL
/// ```
///
/// `mode` is `create`, `update` (the resource needs an id), `delete` (All OK for an existing
/// resource: Kiln has no delete-time rules) or `profile` (needs `profile`). Validation always
/// runs here, whatever the write ``ValidationMode`` of the type.
public struct ValidateOperation: FHIROperation {
    /// The canonical URL of the operation's definition.
    public static let definitionURL = "http://hl7.org/fhir/OperationDefinition/Resource-validate"

    /// The definitions and validator to use.
    public let validation: ValidationServices

    /// The operation over `validation`.
    public init(validation: ValidationServices) {
        self.validation = validation
    }

    /// `validate`.
    public var name: String { "validate" }

    /// Validates the resource of the invocation.
    public func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        guard let type = invocation.resourceType else {
            throw FHIRError.badRequest("$validate is invoked on a resource type or a resource: POST [type]/$validate or [type]/[id]/$validate")
        }
        _ = try service.authorize(.operation, request: invocation.request, type: type, id: invocation.resourceID)
        let parameters = invocation.parameters
        let mode = try ValidateMode(parameters.string("mode"))
        let profiles = parameters.all("profile").compactMap { $0.value?.stringValue }
        if mode == .profile && profiles.isEmpty {
            throw FHIRError.badRequest("mode=profile needs a 'profile' parameter naming the profile to validate against", code: .required)
        }
        if mode == .delete {
            guard let id = invocation.resourceID else {
                throw FHIRError.badRequest("mode=delete validates the deletion of a resource: POST [type]/[id]/$validate")
            }
            _ = try await storedResource(type: type, id: id, request: invocation.request, service: service)
            return FHIRResponse(status: 200, body: .json(OperationOutcome.json([])))
        }
        let given = parameters.resource("resource") ?? parameters.bodyResource
        let resource: JSONValue
        if let given {
            try checkShape(given, type: type, id: invocation.resourceID)
            resource = given
        } else if let id = invocation.resourceID {
            resource = try await storedResource(type: type, id: id, request: invocation.request, service: service)
        } else {
            throw FHIRError.badRequest("$validate needs the resource: the body, or a Parameters with a 'resource' part", code: .required)
        }
        var issues = validation.validate(resource, profiles: profiles).issues
        if mode == .update && resource["id"]?.stringValue == nil {
            issues.append(OperationOutcomeIssue(severity: .error, code: .required, diagnostics: "An update needs the resource id in the body", expression: ["\(type).id"]))
        }
        return FHIRResponse(status: 200, body: .json(OperationOutcome.json(issues)))
    }

    /// 400 unless `resource` is an object of the URL's type with the URL's id (when it has one).
    private func checkShape(_ resource: JSONValue, type: String, id: String?) throws(FHIRError) {
        guard let object = resource.objectValue else {
            throw FHIRError.badRequest("The resource to validate must be a JSON object", code: .structure)
        }
        let resourceType = object["resourceType"]?.stringValue
        guard resourceType == type else {
            throw FHIRError.badRequest("The resource is \(resourceType.map { "a \($0)" } ?? "without resourceType") but the URL is for \(type)", expression: ["resourceType"])
        }
        if let id, let bodyID = object["id"]?.stringValue, bodyID != id {
            throw FHIRError.badRequest("The id in the resource ('\(bodyID)') does not match the id in the URL ('\(id)')", expression: ["\(type).id"])
        }
    }

    /// The current version of `type/id`: 404 when unknown, 410 when deleted.
    private func storedResource(type: String, id: String, request: FHIRRequest, service: FHIRService) async throws -> JSONValue {
        let filter = try service.authorize(.read, request: request, type: type, id: id)
        try ResourceInput.checkID(id)
        guard let stored = try await service.readVisible(type: type, id: id, filter: filter, in: nil) else {
            throw FHIRError.notFound("\(type)/\(id) is not known")
        }
        guard !stored.isDeleted, let json = try stored.json() else {
            throw FHIRError.gone("\(type)/\(id) was deleted")
        }
        return json
    }
}

/// The `mode` parameter of `$validate`.
enum ValidateMode: String {
    case create, update, delete, profile

    /// The mode named by the parameter; nil when not given. Throws 400 for another value.
    init?(_ text: String?) throws(FHIRError) {
        guard let text else { return nil }
        guard let mode = ValidateMode(rawValue: text) else {
            throw FHIRError.badRequest("The mode '\(text)' is not one of create, update, delete, profile", code: .value)
        }
        self = mode
    }
}
