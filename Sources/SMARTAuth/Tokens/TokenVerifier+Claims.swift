import Foundation

extension TokenVerifier {
    /// The content of a verified token Kiln issued.
    func ownToken(_ jws: CompactJWS, expiresAt: Date) throws -> VerifiedToken {
        guard let type = jws.type?.lowercased(), type == "at+jwt" || type == "application/at+jwt" else {
            throw TokenError.wrongType(type: jws.type)
        }
        let claims = jws.claims
        return VerifiedToken(
            issuer: issuer,
            isIssuedByKiln: true,
            subject: try claims.requiredString("sub"),
            clientID: try claims.requiredString("client_id"),
            scope: try claims.string("scope") ?? "",
            patient: try claims.string("patient"),
            fhirUser: try claims.string("fhirUser"),
            role: try Self.role(claims, name: "role"),
            tokenID: try claims.requiredString("jti"),
            expiresAt: expiresAt,
            issuedAt: try claims.requiredDate("iat"),
            accountID: try claims.string("account_id"),
            purposeOfUse: try claims.string("purpose_of_use"),
            organization: try claims.string("organization"),
            project: try claims.string("project")
        )
    }

    /// The content of a verified token of `external`, read through its claim mapping.
    func externalToken(_ jws: CompactJWS, of external: ExternalIssuer, expiresAt: Date) throws -> VerifiedToken {
        let claims = jws.claims
        let mapping = external.claims
        let role = try Self.role(claims, name: mapping.role)
        if role == nil, external.requiresRole { throw JWSFailure.missingClaim(name: mapping.role) }
        var clientID: String?
        for name in mapping.clientID where clientID == nil {
            clientID = try claims.string(name)
        }
        var scope: String?
        for name in mapping.scope where scope == nil {
            scope = try claims.strings(name).map { $0.joined(separator: " ") }
        }
        return VerifiedToken(
            issuer: external.issuer,
            isIssuedByKiln: false,
            subject: try claims.requiredString("sub"),
            clientID: clientID,
            scope: scope ?? "",
            patient: try claims.string(mapping.patient),
            fhirUser: try claims.string(mapping.fhirUser),
            role: role,
            tokenID: try claims.string("jti"),
            expiresAt: expiresAt,
            issuedAt: try claims.date("iat"),
            purposeOfUse: try claims.string("purpose_of_use"),
            organization: try claims.string("organization"),
            project: try claims.string("project")
        )
    }

    /// The Kiln role in `name`: a role's name, or an array of which exactly one element is one.
    /// A name that is not a Kiln role is refused, never ignored: a token without a role would be
    /// a system client's, whose scopes alone decide.
    static func role(_ claims: ClaimSet, name: String) throws(JWSFailure) -> Role? {
        guard let values = try claims.strings(name) else { return nil }
        if case .string(let value)? = claims.members[name] {
            guard let role = Role(rawValue: value) else {
                throw .invalidClaim(name: name, reason: "'\(value)' is not a Kiln role (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return role
        }
        let roles = values.compactMap(Role.init(rawValue:))
        guard roles.count == 1, let role = roles.first else {
            throw .invalidClaim(name: name, reason: roles.isEmpty
                ? "none of \(values) is a Kiln role (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
                : "it names several Kiln roles (\(roles.map(\.rawValue).joined(separator: ", "))); a user has one")
        }
        return role
    }
}
