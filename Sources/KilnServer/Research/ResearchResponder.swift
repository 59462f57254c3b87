import FHIRAccess
import FHIRAudit
import FHIRModel
import Hummingbird
import SMARTAuth

/// The HTTP face of ``ResearchView`` at `/research/fhir`: the token is checked first, writes are
/// 405, and every answer is a ``ResearchResponse``.
struct ResearchResponder: Sendable {
    let view: ResearchView
    /// Checks bearer tokens; nil on a server without authorization (every caller then sees the
    /// `default` project's view).
    let authenticator: BearerAuthenticator?

    /// The path of the research FHIR base.
    static let prefix = "/research/fhir"

    func respond(_ request: Request, context: KilnRequestContext) async throws -> Response {
        var caller: SMARTCaller?
        if let authenticator, !Self.isOpen(request.uri.path) {
            caller = try await authenticator.authenticatedCaller(request, baseURL: view.clinical.baseURL)
        }
        guard ["GET", "HEAD", "POST"].contains(request.method.rawValue) else {
            throw FHIRError.methodNotAllowed("The research view is read-only: \(request.method.rawValue) is not allowed; write through the clinical view /fhir", allow: ["GET", "HEAD"])
        }
        var fhirRequest = try await RequestDecoder(limits: view.clinical.limits, prefix: Self.prefix).decode(request)
        fhirRequest.view = .research
        fhirRequest.requestID = context.requestID
        AuditTrail.current?.noteInteraction(AuditedInteraction(fhirRequest, requestLine: "\(request.method.rawValue) \(request.uri)"))
        AuditTrail.current?.noteView(.research(project: Self.projectName(of: caller)))
        if let caller, let authenticator {
            fhirRequest.principal = caller.principal
            fhirRequest.accessController = SMARTAccessController(policy: authenticator.auth.policy, caller: caller)
        }
        let response = try await view.handle(fhirRequest, projectName: Self.projectName(of: caller))
        let encoder = ResponseEncoder(pretty: fhirRequest.value(of: "_pretty") == "true", headOnly: fhirRequest.method == .head)
        return encoder.encode(response.fhirResponse)
    }

    /// The project whose view a caller sees: a researcher's token names it (`default` when its
    /// registration names none); stewards and administrators, checking what researchers see,
    /// see `default`'s.
    static func projectName(of caller: SMARTCaller?) -> String {
        caller?.researchProject ?? ResearchView.defaultProjectName
    }

    /// Whether a path is served without a token: the view's CapabilityStatement.
    static func isOpen(_ path: String) -> Bool {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed == prefix + "/metadata"
    }
}
