import Foundation

/// The members of a JSON object (a JWT claims set or a JWS header), read with the type each
/// claim must have.
struct ClaimSet: Sendable, Hashable {
    let members: [String: ClaimValue]

    /// The object that `json` holds; nil when it is not a JSON object.
    init?(json: [UInt8]) {
        guard let members = try? JSONDecoder().decode([String: ClaimValue].self, from: Data(json)) else { return nil }
        self.members = members
    }

    init(members: [String: ClaimValue]) {
        self.members = members
    }

    /// Whether `name` is present with a value other than null.
    func contains(_ name: String) -> Bool {
        switch members[name] {
        case nil, .null?: false
        default: true
        }
    }

    /// The string `name` holds; nil when absent or null.
    func string(_ name: String) throws(JWSFailure) -> String? {
        switch members[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?: throw .invalidClaim(name: name, reason: "it is \(other.typeName), not a string")
        }
    }

    /// The non-empty string `name` holds.
    func requiredString(_ name: String) throws(JWSFailure) -> String {
        guard let value = try string(name) else { throw .missingClaim(name: name) }
        guard !value.isEmpty else { throw .invalidClaim(name: name, reason: "it is empty") }
        return value
    }

    /// The NumericDate (seconds since 1970, RFC 7519 §2) `name` holds; nil when absent or null.
    func date(_ name: String) throws(JWSFailure) -> Date? {
        switch members[name] {
        case nil, .null?: return nil
        case .number(let seconds)? where seconds.isFinite: return Date(timeIntervalSince1970: seconds)
        case let other?: throw .invalidClaim(name: name, reason: "it is \(other.typeName), not a number of seconds since 1970")
        }
    }

    /// The NumericDate `name` holds.
    func requiredDate(_ name: String) throws(JWSFailure) -> Date {
        guard let value = try date(name) else { throw .missingClaim(name: name) }
        return value
    }

    /// The strings of `name` when it holds one string or an array of strings (as `aud` may);
    /// nil when absent or null.
    func strings(_ name: String) throws(JWSFailure) -> [String]? {
        switch members[name] {
        case nil, .null?:
            return nil
        case .string(let value)?:
            return [value]
        case .array(let values)?:
            var strings: [String] = []
            for value in values {
                guard case .string(let string) = value else {
                    throw .invalidClaim(name: name, reason: "its array holds \(value.typeName), not only strings")
                }
                strings.append(string)
            }
            return strings
        case let other?:
            throw .invalidClaim(name: name, reason: "it is \(other.typeName), not a string or an array of strings")
        }
    }
}
