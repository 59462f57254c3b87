import FHIRModel
import Hummingbird

/// The HTTP face of ``FHIRService``: decode, perform, encode.
struct FHIRHTTPResponder: Sendable {
    let service: FHIRService

    func respond(_ request: Request, context: KilnRequestContext) async throws -> Response {
        let fhirRequest = try await RequestDecoder(limits: service.limits).decode(request)
        let response = try await service.handle(fhirRequest)
        let encoder = ResponseEncoder(pretty: fhirRequest.value(of: "_pretty") == "true", headOnly: fhirRequest.method == .head)
        return encoder.encode(response)
    }
}
