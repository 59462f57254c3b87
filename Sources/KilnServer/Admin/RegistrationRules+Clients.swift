public import FHIRStore
public import Foundation
import SMARTAuth

extension RegistrationRules {
    /// Hosts for which `http` redirect URIs are allowed: the loopback interface of the user's own machine.
    public static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]

    /// JWK members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
    public static let privateKeyMembers: Set<String> = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    /// Checks a redirect URI (RFC 9700 §2.1, RFC 8252 §7): absolute, without a fragment;
    /// `https`, `http` on a loopback host only, or a native app's private-use scheme in reverse
    /// domain notation (`com.example.app:/callback`).
    public func checkRedirectURI(_ uri: String) throws(RegistrationError) {
        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased(), !scheme.isEmpty else {
            throw RegistrationError("The redirect URI '\(uri)' is not an absolute URI")
        }
        guard components.fragment == nil else {
            throw RegistrationError("The redirect URI '\(uri)' has a fragment; a redirect URI may not have one")
        }
        switch scheme {
        case "https":
            guard let host = components.host, !host.isEmpty else {
                throw RegistrationError("The redirect URI '\(uri)' has no host")
            }
        case "http":
            guard let host = components.host?.lowercased(), Self.loopbackHosts.contains(host) else {
                throw RegistrationError("The redirect URI '\(uri)' uses http with a host other than localhost; use https")
            }
        default:
            guard scheme.contains(".") else {
                throw RegistrationError("The redirect URI '\(uri)' uses the scheme '\(scheme)'; use https, http on localhost, or a reverse-domain scheme such as com.example.app")
            }
        }
    }

    /// The JSON text of a client's JSON Web Key Set once checked: a JSON object whose `keys`
    /// array holds public keys only, each with a `kty`, at least one of which Kiln verifies
    /// signatures with (``SMARTAuth/VerificationKeySet``). `source` names it in messages.
    public func checkJWKS(_ data: Data, source: String) throws(RegistrationError) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RegistrationError("\(source) is not a JSON object; a JWKS looks like {\"keys\": [{\"kty\": \"EC\", ...}]}")
        }
        guard let keys = object["keys"] as? [Any], !keys.isEmpty else {
            throw RegistrationError("\(source) has no \"keys\" array with at least one key")
        }
        for (index, key) in keys.enumerated() {
            guard let key = key as? [String: Any], let type = key["kty"] as? String, !type.isEmpty else {
                throw RegistrationError("Key \(index + 1) of \(source) is not a JSON Web Key with a \"kty\"")
            }
            let secrets = Self.privateKeyMembers.intersection(key.keys)
            guard secrets.isEmpty else {
                throw RegistrationError("Key \(index + 1) of \(source) has private or symmetric key material (\(secrets.sorted().joined(separator: ", "))); register public keys only")
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            _ = try VerificationKeySet(jwksJSON: text)
        } catch {
            throw RegistrationError("\(source): \(error.description)")
        }
        return text
    }

    /// Checks that a client of `kind` has the credentials, redirect URIs and role its kind
    /// needs: a public app has no credentials, at least one redirect URI and no role; a
    /// confidential-symmetric client a secret; a confidential-asymmetric client a JWKS.
    public func checkClient(kind: ClientKind, hasSecret: Bool, hasJWKS: Bool, redirectURIs: [String], role: String?) throws(RegistrationError) {
        switch kind {
        case .public:
            guard !hasSecret, !hasJWKS else {
                throw RegistrationError("A public app has no credentials; leave out \(name(.secret)) and \(name(.jwks))")
            }
        case .confidentialSymmetric:
            guard hasSecret, !hasJWKS else {
                throw RegistrationError("A confidential-symmetric client authenticates with a \(name(.secret)) and no \(name(.jwks))")
            }
        case .confidentialAsymmetric:
            guard hasJWKS, !hasSecret else {
                throw RegistrationError("A confidential-asymmetric client authenticates with a key of its \(name(.jwks)) and no \(name(.secret))")
            }
        }
        if let role {
            _ = try self.role(role)
            if kind == .public {
                throw RegistrationError("A public app acts with the role of its signed-in user; \(name(.role)) is for backend services")
            }
        }
        if kind == .public && redirectURIs.isEmpty {
            throw RegistrationError("A public app needs at least one redirect URI (\(name(.redirectURI)))")
        }
        for uri in redirectURIs {
            try checkRedirectURI(uri)
        }
    }
}
