import Foundation
import Hummingbird

/// `GET /fhir/.well-known/smart-configuration`: what this authorization server really supports
/// (SMART App Launch 2.x), with absolute URLs under the FHIR base.
enum SMARTConfiguration {
    /// The capabilities Kiln implements.
    static let capabilities = [
        "launch-standalone", "launch-ehr", "client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
        "context-standalone-patient", "context-ehr-patient", "permission-patient", "permission-user", "permission-offline",
        "permission-v1", "permission-v2", "sso-openid-connect",
    ]

    /// The discovery document for the FHIR base `baseURL`.
    static func document(baseURL: String) -> [String: any Sendable] {
        [
            "issuer": baseURL,
            "jwks_uri": AuthRoutes.url(baseURL: baseURL, "jwks"),
            "authorization_endpoint": AuthRoutes.url(baseURL: baseURL, "authorize"),
            "token_endpoint": AuthRoutes.tokenURL(baseURL: baseURL),
            "introspection_endpoint": AuthRoutes.url(baseURL: baseURL, "introspect"),
            "revocation_endpoint": AuthRoutes.url(baseURL: baseURL, "revoke"),
            "grant_types_supported": ["authorization_code", "client_credentials", "refresh_token"],
            "response_types_supported": ["code"],
            "token_endpoint_auth_methods_supported": ["private_key_jwt", "client_secret_basic", "client_secret_post", "none"],
            "token_endpoint_auth_signing_alg_values_supported": ["RS384", "ES384", "RS256", "ES256"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": [
                "openid", "fhirUser", "launch", "launch/patient", "offline_access", "online_access",
                "patient/*.rs", "user/*.rs", "user/*.cruds", "system/*.rs", "system/*.cruds", "patient/*.read", "user/*.read", "system/*.read",
            ],
            "capabilities": capabilities,
        ]
    }

    /// The discovery document of the research view (`/research/fhir/.well-known/smart-configuration`):
    /// the same authorization server, so `issuer` and every endpoint are the clinical base's,
    /// with only the read and search scopes the read-only view can honour.
    static func researchDocument(clinicalBaseURL: String) -> [String: any Sendable] {
        var document = document(baseURL: clinicalBaseURL)
        document["scopes_supported"] = ["openid", "fhirUser", "offline_access", "online_access", "user/*.rs", "system/*.rs"]
        return document
    }
}
