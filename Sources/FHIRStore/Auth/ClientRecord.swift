public import Foundation

/// A registered client of the authorization server: a SMART app or a backend service.
public struct ClientRecord: Sendable, Hashable {
    /// The `client_id`.
    public var clientID: String
    /// How the client authenticates.
    public var kind: ClientKind
    /// The slow, salted hash of the secret of a ``ClientKind/confidentialSymmetric`` client, in
    /// the form `pbkdf2-sha256$<iterations>$<salt>$<hash>`; nil for the other kinds.
    public var secretHash: String?
    /// The JSON Web Key Set (as JSON text) of a ``ClientKind/confidentialAsymmetric`` client; nil
    /// for the other kinds. The database keeps it as `jsonb`, so key order and spacing may change.
    public var jwks: String?
    /// The redirect URIs an authorization request may name, compared exactly.
    public var redirectURIs: [String]
    /// The scopes registered for the client, space-separated: the most it can be granted.
    public var scope: String
    /// The role of a backend client (a `Role` raw value); nil for a system client, whose scopes
    /// alone decide, and for apps, which act with the role of their signed-in user.
    public var role: String?
    /// A name for people, shown when a user is asked to authorize the app.
    public var name: String?
    /// The purpose of use (a v3-ActReason code) of the client's tokens when the request states
    /// none; nil: the role's default, TREAT for a client without a role.
    public var purpose: String?
    /// The other purposes of use a token request may ask for instead.
    public var allowedPurposes: [String]
    /// The Organization the client acts for (`Organization/ID`), a Consent actor.
    public var organization: String?
    /// The research project of a researcher backend client; nil: the built-in project
    /// `default` for a researcher, none for any other role.
    public var project: String?
    /// When the client was registered.
    public var createdAt: Date
    /// When the client was removed; a removed client is refused everywhere.
    public var revokedAt: Date?

    /// A client record.
    public init(
        clientID: String,
        kind: ClientKind,
        secretHash: String? = nil,
        jwks: String? = nil,
        redirectURIs: [String] = [],
        scope: String,
        role: String? = nil,
        name: String? = nil,
        purpose: String? = nil,
        allowedPurposes: [String] = [],
        organization: String? = nil,
        project: String? = nil,
        createdAt: Date = Date(),
        revokedAt: Date? = nil
    ) {
        self.clientID = clientID
        self.kind = kind
        self.secretHash = secretHash
        self.jwks = jwks
        self.redirectURIs = redirectURIs
        self.scope = scope
        self.role = role
        self.name = name
        self.purpose = purpose
        self.allowedPurposes = allowedPurposes
        self.organization = organization
        self.project = project
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether the client may still be used.
    public var isActive: Bool {
        revokedAt == nil
    }
}
