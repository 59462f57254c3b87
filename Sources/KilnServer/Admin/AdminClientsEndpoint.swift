import FHIRStore
import Foundation
import Hummingbird
import Logging
import SMARTAuth

/// `/admin/clients`: list, register, show and remove the clients of the authorization server.
struct AdminClientsEndpoint: Sendable {
    let auth: AuthServices

    /// `GET /admin/clients[?include_removed=true]`: `{"clients": [...]}`, ordered by id.
    func list(_ request: Request) async throws -> Response {
        let clients = try await auth.store.clients(includeRemoved: try AdminQuery.includeRemoved(request))
        return try AdminResponse.json(["clients": clients.map(ClientView.init)])
    }

    /// `POST /admin/clients`: 201 with the client and its `Location`; 409 when the id is taken,
    /// also by a removed client.
    func create(_ request: Request, caller: SMARTCaller, logger: Logger) async throws -> Response {
        let body = try await AdminJSONBody.read(request, allowed: AdminClientRequest.members)
        let record = try AdminClientRequest.record(from: body, resourceTypes: auth.resourceTypes)
        try await auth.store.addClient(record)
        logger.notice("Client registered", metadata: ["client_id": "\(record.clientID)", "kind": "\(record.kind.rawValue)", "by": "\(caller.subject)"])
        let stored = try await auth.store.client(id: record.clientID) ?? record
        return try AdminResponse.json(ClientView(stored), status: .created, location: "/admin/clients/\(AdminQuery.pathSegment(record.clientID))")
    }

    /// `GET /admin/clients/{id}[?include_removed=true]`: the client, or 404.
    func show(_ id: String, request: Request) async throws -> Response {
        guard let client = try await auth.store.client(id: id, includeRemoved: try AdminQuery.includeRemoved(request)) else {
            throw AdminError.notFound("No active client has the id '\(id)'")
        }
        return try AdminResponse.json(ClientView(client))
    }

    /// `DELETE /admin/clients/{id}`: the client is refused from now on (by every node within the
    /// revocation poll interval) and its refresh tokens revoked; 404 when no active client has the id.
    func remove(_ id: String, caller: SMARTCaller, logger: Logger) async throws -> Response {
        guard let revoked = try await auth.store.removeClient(id: id) else {
            throw AdminError.notFound("No active client has the id '\(id)'")
        }
        logger.notice("Client removed", metadata: ["client_id": "\(id)", "by": "\(caller.subject)"])
        return try AdminResponse.json(AdminRemoval(id: id, refreshTokensRevoked: revoked, key: "client_id"))
    }
}

/// The answer to a removal: the id and how many refresh tokens were revoked.
struct AdminRemoval: Encodable {
    var id: String
    var refreshTokensRevoked: Int
    /// The member that names the id: `client_id` or `username`.
    var key: String

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: Key(key))
        try container.encode(true, forKey: Key("removed"))
        try container.encode(refreshTokensRevoked, forKey: Key("refresh_tokens_revoked"))
    }
}

/// Query and path helpers of the administration API.
enum AdminQuery {
    /// `include_removed=true|false`; false when absent.
    static func includeRemoved(_ request: Request) throws(AdminError) -> Bool {
        switch request.uri.queryParameters.get("include_removed") {
        case nil, "false": false
        case "true": true
        case let other?: throw .invalidRequest("include_removed must be true or false, not '\(other)'")
        }
    }

    /// The path parameter `name`, percent-decoded.
    static func parameter(_ name: String, of context: KilnRequestContext) throws(AdminError) -> String {
        guard let raw = context.parameters.get(name), let decoded = raw.removingPercentEncoding, !decoded.isEmpty else {
            throw .invalidRequest("The path names no \(name)")
        }
        return decoded
    }

    /// `text` percent-encoded as one path segment.
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
