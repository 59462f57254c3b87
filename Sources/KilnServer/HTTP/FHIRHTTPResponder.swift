import FHIRAccess
import FHIRAudit
import FHIRModel
import Hummingbird

/// The HTTP face of ``FHIRService``: decode, perform, encode.
struct FHIRHTTPResponder: Sendable {
    let service: FHIRService
    /// Checks bearer tokens; nil on a server without authorization.
    let authenticator: BearerAuthenticator?

    func respond(_ request: Request, context: KilnRequestContext) async throws -> Response {
        // The token is checked before anything of the request is read: a caller without one
        // learns nothing, not even whether its body would parse.
        var caller: (Principal, any AccessController)?
        if let authenticator, !Self.isOpen(request.uri.path) {
            caller = try await authenticator.authenticate(request, baseURL: service.baseURL)
        }
        var fhirRequest = try await RequestDecoder(limits: service.limits).decode(request)
        fhirRequest.requestID = context.requestID
        AuditTrail.current?.noteInteraction(AuditedInteraction(fhirRequest, requestLine: "\(request.method.rawValue) \(request.uri)"))
        AuditTrail.current?.noteView(.clinical)
        if let (principal, controller) = caller {
            fhirRequest.principal = principal
            fhirRequest.accessController = controller
        }
        let response = try await service.handle(fhirRequest)
        let encoder = ResponseEncoder(pretty: fhirRequest.value(of: "_pretty") == "true", headOnly: fhirRequest.method == .head)
        return encoder.encode(response)
    }

    /// Whether a path is served without a token: the CapabilityStatement.
    static func isOpen(_ path: String) -> Bool {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed == "/fhir/metadata"
    }
}
