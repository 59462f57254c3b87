import FHIRStore
import Foundation
import Hummingbird
import SMARTAuth

/// Who is calling the token, introspection or revocation endpoint: a registered client,
/// authenticated as its kind requires (RFC 6749 §2.3; SMART backend services).
extension AuthServices {
    /// The calling client: a signed client assertion (`private_key_jwt`, whose `jti` is never
    /// accepted twice), HTTP Basic or form `client_secret`, or a public client's `client_id`.
    func authenticateClient(_ form: OAuthForm, request: Request, tokenEndpoint: String) async throws -> ClientRecord {
        if let assertion = form["client_assertion"] {
            guard form["client_assertion_type"] == ClientAssertionVerifier.assertionType else {
                throw OAuthError.invalidClient("client_assertion_type must be \(ClientAssertionVerifier.assertionType)")
            }
            let claimedID: String
            do { claimedID = try ClientAssertionVerifier.claimedClientID(of: assertion) } catch { throw OAuthError.invalidClient(error.description) }
            let client = try await activeClient(claimedID)
            guard client.kind == .confidentialAsymmetric, let jwks = client.jwks else {
                throw OAuthError.invalidClient("Client '\(claimedID)' is not registered with a JWKS; it cannot authenticate with a client assertion")
            }
            let verified: VerifiedClientAssertion
            do {
                verified = try await ClientAssertionVerifier(tokenEndpoint: tokenEndpoint).verify(assertion, clientID: claimedID, jwksJSON: jwks)
            } catch {
                throw OAuthError.invalidClient(error.description)
            }
            let replayWindow = verified.expiresAt.addingTimeInterval(TimeInterval(TokenLimits.clockLeeway.components.seconds))
            guard try await store.recordAssertion(clientID: claimedID, jti: verified.tokenID, expiresAt: replayWindow) else {
                throw OAuthError.invalidClient("This client assertion (jti '\(verified.tokenID)') was already used; sign a new one for every request")
            }
            return client
        }
        if let (id, secret) = try basicCredentials(request) ?? form["client_secret"].map({ (try form.required("client_id"), $0) }) {
            let client = try await activeClient(id)
            guard client.kind == .confidentialSymmetric, let hash = client.secretHash,
                  (try? PasswordHasher().verify(secret, against: hash)) == true
            else {
                throw OAuthError.invalidClient("The client id or secret is wrong")
            }
            return client
        }
        guard let id = form["client_id"] else {
            throw OAuthError.invalidClient("The client is not authenticated: send client_id (public app), its secret, or a signed client assertion")
        }
        let client = try await activeClient(id)
        guard client.kind == .public else {
            throw OAuthError.invalidClient("Client '\(id)' is confidential: authenticate with its secret or a signed client assertion")
        }
        return client
    }

    /// The registered, not removed client `id`.
    func activeClient(_ id: String) async throws -> ClientRecord {
        guard let client = try await store.client(id: id), client.isActive else {
            throw OAuthError.invalidClient("No client '\(id)' is registered")
        }
        return client
    }

    /// `Authorization: Basic` credentials, decoded as RFC 6749 §2.3.1 says (form-encoded id and secret).
    private func basicCredentials(_ request: Request) throws(OAuthError) -> (String, String)? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic ") else { return nil }
        guard let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else {
            throw .invalidClient("The Basic credentials are not base64 of 'client_id:client_secret'")
        }
        let decode = { (part: Substring) in String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
        return (decode(text[..<colon]), decode(text[text.index(after: colon)...]))
    }
}
