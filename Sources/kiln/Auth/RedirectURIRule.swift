import ArgumentParser
import Foundation

/// Which redirect URIs a client may register (RFC 9700 §2.1, RFC 8252 §7): absolute, without a
/// fragment; `https`, `http` on a loopback host only, or a native app's private-use scheme.
enum RedirectURIRule {
    /// Hosts for which `http` is allowed: the loopback interface of the user's own machine.
    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]

    /// Throws a validation error naming what is wrong with `uri`.
    static func check(_ uri: String) throws {
        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased(), !scheme.isEmpty else {
            throw ValidationError("The redirect URI '\(uri)' is not an absolute URI")
        }
        guard components.fragment == nil else {
            throw ValidationError("The redirect URI '\(uri)' has a fragment; a redirect URI may not have one")
        }
        switch scheme {
        case "https":
            guard let host = components.host, !host.isEmpty else {
                throw ValidationError("The redirect URI '\(uri)' has no host")
            }
        case "http":
            guard let host = components.host?.lowercased(), loopbackHosts.contains(host) else {
                throw ValidationError("The redirect URI '\(uri)' uses http with a host other than localhost; use https")
            }
        default:
            // A private-use scheme of a native app, in reverse domain notation (com.example.app:/callback).
            guard scheme.contains(".") else {
                throw ValidationError("The redirect URI '\(uri)' uses the scheme '\(scheme)'; use https, http on localhost, or a reverse-domain scheme such as com.example.app")
            }
        }
    }
}
