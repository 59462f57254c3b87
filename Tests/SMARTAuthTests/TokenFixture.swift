import Crypto
import Foundation
import SMARTAuth
import Testing
import _CryptoExtras

/// What the token tests share: URLs, a fixed clock, keys, and tokens built by hand so that each
/// test can break exactly one thing.
enum TokenFixture {
    static let issuer = "https://kiln.example/auth"
    static let audience = "https://kiln.example/fhir"
    static let tokenEndpoint = "https://kiln.example/auth/token"
    static let externalIssuer = "https://login.hospital.example/realms/clinic"
    /// 2027-01-15T08:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// The server key, with its private half at hand for hand-made tokens.
    static let serverPrivateKey = P256.Signing.PrivateKey()
    static let serverKey = try! ServerSigningKey(pemRepresentation: serverPrivateKey.pemRepresentation)
    /// Another P-256 key, trusted by no one.
    static let strangerPrivateKey = P256.Signing.PrivateKey()

    static let rsaKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let otherRSAKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let p384Key = P384.Signing.PrivateKey()

    static var verifier: TokenVerifier {
        TokenVerifier(issuer: issuer, audience: audience, serverKeys: [serverKey])
    }

    static var tokenIssuer: TokenIssuer {
        TokenIssuer(issuer: issuer, audience: audience, key: serverKey)
    }

    /// The claims of a valid Kiln access token, issued a minute before ``now``.
    static func accessClaims() -> [String: Any] {
        [
            "iss": issuer, "sub": "user-7", "aud": audience,
            "iat": now.timeIntervalSince1970 - 60, "exp": now.timeIntervalSince1970 + 3540,
            "jti": "token-1", "client_id": "app-1", "scope": "openid fhirUser patient/Observation.rs",
            "patient": "p1", "fhirUser": "Practitioner/12", "role": "clinician",
        ]
    }

    /// The header of a Kiln access token.
    static var accessHeader: [String: Any] {
        ["alg": "ES256", "typ": "at+jwt", "kid": serverKey.keyID]
    }

    /// A Kiln access token signed with the server key, with `changes` made to its claims
    /// (an `NSNull` value removes a claim).
    static func accessToken(changing changes: [String: Any] = [:], header: [String: Any]? = nil, key: TestKey? = nil) throws -> String {
        var claims = accessClaims()
        for (name, value) in changes {
            claims[name] = value is NSNull ? nil : value
        }
        return try token(header: header ?? accessHeader, claims: claims, key: key ?? .p256(serverPrivateKey))
    }

    /// `header.claims.signature`, signed by `key` under the header's `alg` (unsigned without a key).
    static func token(header: [String: Any], claims: [String: Any], key: TestKey?) throws -> String {
        let input = "\(base64URL(try json(header))).\(base64URL(try json(claims)))"
        let signature = try key?.signature(over: Array(input.utf8), algorithm: header["alg"] as? String ?? "") ?? []
        return "\(input).\(base64URL(signature))"
    }

    static func json(_ object: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func base64URLDecoded(_ text: some StringProtocol) -> Data? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard)
    }

    /// The JSON object in part `index` (0: header, 1: payload) of a token.
    static func part(_ index: Int, of token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let data = try #require(base64URLDecoded(parts[index]))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A JWKS of `keys`, each with its `kid` and `alg` (nil: left out).
    static func jwks(_ keys: [(TestKey, kid: String?, alg: String?)]) throws -> String {
        String(decoding: try json(["keys": try keys.map { try $0.0.publicJWK(kid: $0.kid, alg: $0.alg) }]), as: UTF8.self)
    }
}

/// A private key a test signs with.
enum TestKey {
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case rsa(_RSA.Signing.PrivateKey)

    /// The JWS signature of `input` under `algorithm`: raw `r || s` for ECDSA, PKCS #1 v1.5 for RSA.
    func signature(over input: [UInt8], algorithm: String) throws -> [UInt8] {
        switch self {
        case .p256(let key):
            return Array(try key.signature(for: input).rawRepresentation)
        case .p384(let key):
            return Array(try key.signature(for: input).rawRepresentation)
        case .rsa(let key):
            let signature = algorithm == "RS384"
                ? try key.signature(for: SHA384.hash(data: input), padding: .insecurePKCS1v1_5)
                : try key.signature(for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
            return Array(signature.rawRepresentation)
        }
    }

    /// The public key as a JWK.
    func publicJWK(kid: String?, alg: String?) throws -> [String: Any] {
        var jwk: [String: Any]
        switch self {
        case .p256(let key):
            let point = Array(key.publicKey.x963Representation)
            jwk = ["kty": "EC", "crv": "P-256", "x": TokenFixture.base64URL(point[1...32]), "y": TokenFixture.base64URL(point[33...64])]
        case .p384(let key):
            let point = Array(key.publicKey.x963Representation)
            jwk = ["kty": "EC", "crv": "P-384", "x": TokenFixture.base64URL(point[1...48]), "y": TokenFixture.base64URL(point[49...96])]
        case .rsa(let key):
            let primitives = try key.publicKey.getKeyPrimitives()
            jwk = ["kty": "RSA", "n": TokenFixture.base64URL(primitives.modulus), "e": TokenFixture.base64URL(primitives.publicExponent)]
        }
        jwk["kid"] = kid
        jwk["alg"] = alg
        return jwk
    }
}
