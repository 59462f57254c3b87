import Hummingbird

/// The routes of the research view: `/research/fhir/**` for every verb (writes are answered
/// 405 by the responder) and its SMART configuration.
enum ResearchRoutes {
    /// Registers the research view on `router`.
    static func register(on router: Router<KilnRequestContext>, responder: ResearchResponder) {
        let prefix = ResearchResponder.prefix
        router.get("\(prefix)/.well-known/smart-configuration") { _, _ in
            OAuthResponse.json(SMARTConfiguration.researchDocument(clinicalBaseURL: responder.view.clinical.baseURL), headers: [.contentType: "application/json"])
        }
        let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete]
        for method in methods {
            router.on(RouterPath(prefix), method: method) { request, context in try await responder.respond(request, context: context) }
            router.on(RouterPath("\(prefix)/**"), method: method) { request, context in try await responder.respond(request, context: context) }
        }
    }
}
