/// Which purpose of use a token is issued for: what the token request asks (`purpose_of_use`),
/// held against what the client's and user's registrations allow. Pure.
///
/// - Nothing asked: the client registration's purpose, when it has one; else none (the token's
///   holder then acts for its role's default, TREAT for a client without a role).
/// - A purpose asked: one of the registration's purpose, its allowed purposes
///   (`--allowed-purpose`) and the role's default. ETREAT (break-glass) additionally needs a user
///   registered with `--break-glass`, or a client that lists ETREAT among its allowed purposes.
///   Anything else is refused (`invalid_request`), never silently widened or ignored.
public enum PurposeOfUseGrant {
    /// The purpose to put in the token (nil: the role's default), or why the request is refused.
    public static func resolve(requested: String?, registered: String?, allowed: [String], role: Role?, breakGlassUser: Bool?) -> Result<String?, PurposeOfUseError> {
        guard let requested else { return .success(registered) }
        guard isPurposeCode(requested) else {
            return .failure(PurposeOfUseError(message: "purpose_of_use '\(requested.prefix(40))' is not a code of http://terminology.hl7.org/CodeSystem/v3-ActReason (TREAT, ETREAT, HOPERAT, HRESCH, PATRQT, …)"))
        }
        if requested == SMARTAccessPolicy.breakGlassPurpose {
            let mayBreakGlass = breakGlassUser ?? allowed.contains(requested)
            guard mayBreakGlass else {
                return .failure(PurposeOfUseError(message: "purpose_of_use ETREAT (break-glass) needs a user registered with --break-glass"))
            }
            return .success(requested)
        }
        var permitted = Set(allowed)
        if let registered { permitted.insert(registered) }
        if let role { permitted.insert(role.defaultPurposeOfUse) } else if registered == nil { permitted.insert("TREAT") }
        guard permitted.contains(requested) else {
            return .failure(PurposeOfUseError(message: "purpose_of_use \(requested) is not allowed for this client and user; allowed: \(permitted.sorted().joined(separator: ", "))"))
        }
        return .success(requested)
    }
}

extension PurposeOfUseGrant {
    /// Whether `code` has the form of a v3-ActReason code: 1–32 upper-case letters and digits.
    public static func isPurposeCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 32 && code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}

/// A purpose of use a token request may not have.
public struct PurposeOfUseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for a person.
    public let message: String
    /// The message.
    public var description: String { message }
}
