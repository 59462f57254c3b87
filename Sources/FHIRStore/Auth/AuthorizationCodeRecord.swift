public import Foundation

/// An authorization code issued at the authorization endpoint, redeemable once at the token
/// endpoint before it expires.
public struct AuthorizationCodeRecord: Sendable, Hashable {
    /// The ``TokenDigest`` of the code; the code itself is never stored.
    public var codeHash: String
    /// The client the code was issued to.
    public var clientID: String
    /// The user who authorized.
    public var username: String
    /// The `redirect_uri` of the authorization request; the token request must repeat it.
    public var redirectURI: String
    /// The scopes granted, space-separated.
    public var scope: String
    /// The PKCE `code_challenge` (S256); nil when the request had none.
    public var codeChallenge: String?
    /// The id of the patient in context (from an EHR launch or a patient picker); nil without one.
    public var patient: String?
    /// The `launch` value of an EHR launch; nil for a standalone launch.
    public var launch: String?
    /// The OpenID Connect `nonce` of the request, for the ID token; nil without one.
    public var nonce: String?
    /// The purpose of use the authorization request asked for (`purpose_of_use`), checked
    /// against the client's and user's registrations; nil when it asked for none.
    public var purpose: String?
    /// When the code was issued.
    public var createdAt: Date
    /// When the code stops being redeemable.
    public var expiresAt: Date
    /// When the code was redeemed; nil while it has not been.
    public var usedAt: Date?

    /// A code record.
    public init(
        codeHash: String,
        clientID: String,
        username: String,
        redirectURI: String,
        scope: String,
        codeChallenge: String? = nil,
        patient: String? = nil,
        launch: String? = nil,
        nonce: String? = nil,
        purpose: String? = nil,
        createdAt: Date = Date(),
        expiresAt: Date,
        usedAt: Date? = nil
    ) {
        self.codeHash = codeHash
        self.clientID = clientID
        self.username = username
        self.redirectURI = redirectURI
        self.scope = scope
        self.codeChallenge = codeChallenge
        self.patient = patient
        self.launch = launch
        self.nonce = nonce
        self.purpose = purpose
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}
