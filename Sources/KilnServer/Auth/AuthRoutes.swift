import Foundation
import Hummingbird
import NIOCore
import SMARTAuth

/// The authorization server's routes: discovery under the FHIR base, the rest under `/auth`.
enum AuthRoutes {
    /// `<server>/auth/<name>` for the FHIR base `<server>/fhir`.
    static func url(baseURL: String, _ name: String) -> String {
        let server = baseURL.hasSuffix("/fhir") ? String(baseURL.dropLast(5)) : baseURL
        return "\(server)/auth/\(name)"
    }

    /// The token endpoint, which is also the audience of client assertions.
    static func tokenURL(baseURL: String) -> String {
        url(baseURL: baseURL, "token")
    }

    /// Adds the routes; `baseURL` gives the FHIR base of the running server.
    static func register(on router: Router<KilnRequestContext>, auth: AuthServices, baseURL: @escaping @Sendable () -> String) {
        router.get("/fhir/.well-known/smart-configuration") { _, _ in
            OAuthResponse.json(SMARTConfiguration.document(baseURL: baseURL()), headers: [.contentType: "application/json"])
        }
        router.get("/auth/jwks") { _, _ in
            let jwks = ServerSigningKeyJWKS.document(auth.keyring)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: jwks)))
        }
        router.post("/auth/token") { request, _ in
            await OAuthResponse.answering { try await TokenEndpoint(auth: auth, baseURL: baseURL()).respond(request) }
        }
        router.post("/auth/introspect") { request, _ in
            await OAuthResponse.answering { try await IntrospectionEndpoints(auth: auth, baseURL: baseURL()).introspect(request) }
        }
        router.post("/auth/revoke") { request, _ in
            await OAuthResponse.answering { try await IntrospectionEndpoints(auth: auth, baseURL: baseURL()).revoke(request) }
        }
        router.get("/auth/authorize") { request, _ in
            await AuthorizeEndpoint(auth: auth, baseURL: baseURL()).show(request)
        }
        router.post("/auth/authorize") { request, _ in
            await AuthorizeEndpoint(auth: auth, baseURL: baseURL()).submit(request)
        }
    }
}

/// The public keys of the keyring as a JWKS document.
enum ServerSigningKeyJWKS {
    static func document(_ keyring: SigningKeyring) -> String {
        ServerSigningKey.jwksJSON(of: keyring.verificationKeys)
    }
}
