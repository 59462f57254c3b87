import Crypto
import FHIRModel
import Foundation
import KilnServer
import KilnTesting
import SMARTAuth
import Testing

/// Tokens of an external OpenID Connect provider, accepted beside Kiln's own.
@Suite("Authorization: an external issuer's tokens")
struct ExternalIssuerTests {
    static let issuer = "https://idp.example.org/realms/hospital"

    /// The provider's ES256 key, its JWKS, and tokens it signs.
    struct Provider: Sendable {
        let key = P256.Signing.PrivateKey()

        var jwks: String {
            let point = key.publicKey.x963Representation.dropFirst()
            let x = BackendKey.base64URL(Data(point.prefix(32)))
            let y = BackendKey.base64URL(Data(point.suffix(32)))
            return #"{"keys": [{"kty": "EC", "crv": "P-256", "x": "\#(x)", "y": "\#(y)", "kid": "idp-1", "alg": "ES256", "use": "sig"}]}"#
        }

        func token(audience: String, claims: String, issuer: String = ExternalIssuerTests.issuer) throws -> String {
            let now = Int(Date().timeIntervalSince1970)
            let header = #"{"alg":"ES256","typ":"JWT","kid":"idp-1"}"#
            let payload = #"{"iss":"\#(issuer)","sub":"someone","aud":"\#(audience)","iat":\#(now),"exp":\#(now + 300),\#(claims)}"#
            let input = BackendKey.base64URL(Data(header.utf8)) + "." + BackendKey.base64URL(Data(payload.utf8))
            return input + "." + BackendKey.base64URL(try key.signature(for: Data(input.utf8)).rawRepresentation)
        }
    }

    @Test("The configured claims carry scopes, role and patient; a token of another issuer or without a role is refused")
    func externalTokens() async throws {
        let provider = Provider()
        try await AuthTestServer.run(configure: { settings in
            var claims = ExternalClaimMapping()
            claims.role = "kiln_role"
            claims.patient = "patient_id"
            settings.externalIssuers = [try ExternalIssuer(issuer: Self.issuer, jwksJSON: provider.jwks, claims: claims)]
        }) { auth in
            let base = auth.server.baseURL
            let (loader, _) = try await auth.backendToken(clientID: "loader", scope: "system/*.cruds")
            for id in ["p1", "p2"] {
                let put = try await auth.client.put("Patient/\(id)", json: ["resourceType": "Patient", "id": .string(id)], headers: ["Authorization": "Bearer \(loader)"])
                try #require(put.status == 201)
            }

            let steward = try provider.token(audience: base, claims: #""scope":"user/*.rs","kiln_role":"data-steward""#)
            #expect(try await auth.get("Patient?_total=accurate", token: steward).json?["total"]?.numberValue?.intValue == 2)
            let write = try await auth.client.post("Patient", json: ["resourceType": "Patient"], headers: ["Authorization": "Bearer \(steward)"])
            #expect(write.status == 403)

            let patient = try provider.token(audience: base, claims: #""scope":"patient/*.rs","kiln_role":"patient","patient_id":"p1","fhirUser":"Patient/p1""#)
            #expect(try await auth.get("Patient/p1", token: patient).status == 200)
            #expect(try await auth.get("Patient/p2", token: patient).status == 404)

            let noRole = try provider.token(audience: base, claims: #""scope":"user/*.rs""#)
            #expect(try await auth.get("Patient", token: noRole).status == 401)
            let otherIssuer = try provider.token(audience: base, claims: #""scope":"user/*.rs","kiln_role":"data-steward""#, issuer: "https://elsewhere.example.org")
            #expect(try await auth.get("Patient", token: otherIssuer).status == 401)
            let otherAudience = try provider.token(audience: "https://other.example.org/fhir", claims: #""scope":"user/*.rs","kiln_role":"data-steward""#)
            #expect(try await auth.get("Patient", token: otherAudience).status == 401)
        }
    }
}
