import FHIRStore
import Foundation
import Hummingbird
import NIOCore

/// A client as the administration API shows it: no secret hash; whether it has keys, not the keys.
struct AdminClientView: Encodable {
    var clientID: String
    var kind: String
    var scope: String
    var redirectURIs: [String]
    var role: String?
    var name: String?
    var hasJWKS: Bool
    var createdAt: Date
    var removedAt: Date?

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id", kind, scope, redirectURIs = "redirect_uris", role, name
        case hasJWKS = "has_jwks", createdAt = "created_at", removedAt = "removed_at"
    }

    init(_ client: ClientRecord) {
        clientID = client.clientID
        kind = client.kind.rawValue
        scope = client.scope
        redirectURIs = client.redirectURIs
        role = client.role
        name = client.name
        hasJWKS = client.jwks != nil
        createdAt = client.createdAt
        removedAt = client.revokedAt
    }
}

/// A user as the administration API shows it: no password hash.
struct AdminUserView: Encodable {
    var username: String
    var role: String
    var fhirUser: String?
    var patients: [String]
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case username, role, fhirUser = "fhir_user", patients, createdAt = "created_at"
    }

    init(_ user: UserRecord) {
        username = user.username
        role = user.role
        fhirUser = user.fhirUser
        patients = user.patients
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
