/// Why the ``AuthStore`` refused a change.
public enum AuthStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A client with this id is registered already (or was, and was removed: ids are not reused).
    case clientExists(String)
    /// A user with this name exists already.
    case userExists(String)
    /// No user has this name.
    case userNotFound(String)
    /// A retired signing key has this key id; a new key needs a new one.
    case signingKeyExists(String)

    /// A message for an operator.
    public var description: String {
        switch self {
        case .clientExists(let id):
            "A client with the id '\(id)' is registered already; client ids are not reused, even after removal"
        case .userExists(let name):
            "A user named '\(name)' exists already"
        case .userNotFound(let name):
            "No user is named '\(name)'"
        case .signingKeyExists(let kid):
            "A retired signing key has the key id '\(kid)'; a new key needs a new id"
        }
    }
}
