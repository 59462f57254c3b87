public import FHIRStore
public import Foundation
import Hummingbird
import NIOCore

/// A client as the administration API and `kiln client list --json` show it: no secret hash;
/// whether it has keys, not the keys.
public struct ClientView: Encodable, Sendable {
    /// The client id.
    public var clientID: String
    /// `public`, `confidential-symmetric` or `confidential-asymmetric`.
    public var kind: String
    /// The registered scopes.
    public var scope: String
    /// The registered redirect URIs.
    public var redirectURIs: [String]
    /// The role; nil for a system client.
    public var role: String?
    /// The display name.
    public var name: String?
    /// The purpose of use of its tokens when a request states none.
    public var purpose: String?
    /// The other purposes a token request may ask for.
    public var allowedPurposes: [String]
    /// The Organization it acts for.
    public var organization: String?
    /// The research project of a researcher client (`default` when it was registered without
    /// one); nil for every other role.
    public var project: String?
    /// Whether a JWKS is registered.
    public var hasJWKS: Bool
    /// When it was registered.
    public var createdAt: Date
    /// When it was removed; nil while active.
    public var removedAt: Date?

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id", kind, scope, redirectURIs = "redirect_uris", role, name
        case purpose, allowedPurposes = "allowed_purposes", organization, project
        case hasJWKS = "has_jwks", createdAt = "created_at", removedAt = "removed_at"
    }

    /// The view of a stored client.
    public init(_ client: ClientRecord) {
        clientID = client.clientID
        kind = client.kind.rawValue
        scope = client.scope
        redirectURIs = client.redirectURIs
        role = client.role
        name = client.name
        purpose = client.purpose
        allowedPurposes = client.allowedPurposes
        organization = client.organization
        project = ResearchProjectMembership.project(role: client.role, registered: client.project)
        hasJWKS = client.jwks != nil
        createdAt = client.createdAt
        removedAt = client.revokedAt
    }
}

/// A user as the administration API and `kiln user list --json` show it: no password hash.
public struct UserView: Encodable, Sendable {
    /// The username.
    public var username: String
    /// The role.
    public var role: String
    /// The user's FHIR resource.
    public var fhirUser: String?
    /// The patients assigned to a clinician.
    public var patients: [String]
    /// The Organization the user acts for.
    public var organization: String?
    /// Whether the user may obtain break-glass (ETREAT) tokens.
    public var breakGlass: Bool
    /// The research project of a researcher (`default` when they were added without one); nil
    /// for every other role.
    public var project: String?
    /// When it was created.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case username, role, fhirUser = "fhir_user", patients, organization, breakGlass = "break_glass", project, createdAt = "created_at"
    }

    /// The view of a stored user.
    public init(_ user: UserRecord) {
        username = user.username
        role = user.role
        fhirUser = user.fhirUser
        patients = user.patients
        organization = user.organization
        breakGlass = user.breakGlass
        project = ResearchProjectMembership.project(role: user.role, registered: user.project)
        createdAt = user.createdAt
    }
}

/// JSON answers of the administration API.
enum AdminResponse {
    /// `value` as JSON (sorted keys, ISO 8601 dates) with `Cache-Control: no-store`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, location: String? = nil) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var headers = OAuthResponse.noStoreHeaders
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
