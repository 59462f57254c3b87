public import Foundation

/// The claims of an OpenID Connect id_token Kiln issues to a client that asked for `openid`:
/// who signed in, for which client, and the SMART `fhirUser`.
public struct IDTokenClaims: Sendable, Hashable, Codable {
    /// `iss`: the authorization server's issuer URL.
    public var issuer: String
    /// `sub`: the user's id.
    public var subject: String
    /// `aud`: the client id.
    public var audience: String
    /// `exp`: when the id_token stops being accepted.
    public var expiresAt: Date
    /// `iat`: when it was issued.
    public var issuedAt: Date
    /// `auth_time`: when the user signed in, if known.
    public var authenticatedAt: Date?
    /// `nonce`: the value the client sent in its authorization request, echoed back.
    public var nonce: String?
    /// `fhirUser`: the user's FHIR resource, when the client asked for the `fhirUser` scope.
    public var fhirUser: String?

    /// Claims.
    public init(
        issuer: String, subject: String, audience: String, expiresAt: Date, issuedAt: Date,
        authenticatedAt: Date? = nil, nonce: String? = nil, fhirUser: String? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.authenticatedAt = authenticatedAt
        self.nonce = nonce
        self.fhirUser = fhirUser
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", subject = "sub", audience = "aud", expiresAt = "exp", issuedAt = "iat"
        case authenticatedAt = "auth_time", nonce, fhirUser
    }

    /// Decodes the claims; dates are NumericDates (seconds since 1970).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try container.decode(String.self, forKey: .issuer)
        subject = try container.decode(String.self, forKey: .subject)
        audience = try container.decode(String.self, forKey: .audience)
        expiresAt = try container.decodeNumericDate(forKey: .expiresAt)
        issuedAt = try container.decodeNumericDate(forKey: .issuedAt)
        authenticatedAt = try container.decodeNumericDateIfPresent(forKey: .authenticatedAt)
        nonce = try container.decodeIfPresent(String.self, forKey: .nonce)
        fhirUser = try container.decodeIfPresent(String.self, forKey: .fhirUser)
    }

    /// Encodes the claims; dates as whole seconds since 1970, absent optionals left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(subject, forKey: .subject)
        try container.encode(audience, forKey: .audience)
        try container.encodeNumericDate(expiresAt, forKey: .expiresAt)
        try container.encodeNumericDate(issuedAt, forKey: .issuedAt)
        if let authenticatedAt { try container.encodeNumericDate(authenticatedAt, forKey: .authenticatedAt) }
        try container.encodeIfPresent(nonce, forKey: .nonce)
        try container.encodeIfPresent(fhirUser, forKey: .fhirUser)
    }
}
