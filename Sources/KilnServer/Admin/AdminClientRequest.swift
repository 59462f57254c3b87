import FHIRStore
import Foundation
import SMARTAuth

/// The body of `POST /admin/clients`:
/// `{"client_id", "kind", "redirect_uris", "scope", "role", "jwks", "secret", "name", "purpose",
/// "allowed_purposes", "organization", "project"}`, checked
/// with the same rules as `kiln client add`.
enum AdminClientRequest {
    /// The members the body may have.
    static let members: Set<String> = ["client_id", "kind", "redirect_uris", "scope", "role", "jwks", "secret", "name", "purpose", "allowed_purposes", "organization", "project"]

    /// The client to register, its secret hashed; `resourceTypes` are those scopes may name.
    static func record(from body: AdminJSONBody, resourceTypes: Set<String>) throws -> ClientRecord {
        let rules = RegistrationRules(spelling: .json)
        let clientID = try body.requiredString("client_id")
        try rules.checkName(clientID, of: "client id")
        let kindText = try body.requiredString("kind")
        guard let kind = ClientKind(rawValue: kindText) else {
            throw AdminError.invalidRequest("kind '\(kindText)' is not one of \(ClientKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let secret = try body.string("secret")
        let jwksData = try body.object("jwks")
        let redirectURIs = try body.strings("redirect_uris")
        let role = try body.string("role")
        try rules.checkClient(kind: kind, hasSecret: secret != nil, hasJWKS: jwksData != nil, redirectURIs: redirectURIs, role: role)
        let scopes = try rules.registeredScopes(try body.requiredString("scope"), knownResourceTypes: resourceTypes)
        var secretHash: String?
        if let secret {
            try rules.checkSecret(secret)
            secretHash = try PasswordHasher().hash(secret)
        }
        let jwks = try jwksData.map { data throws(RegistrationError) in try rules.checkJWKS(data, source: "jwks") }
        let purpose = try body.string("purpose"), allowed = try body.strings("allowed_purposes"), organization = try body.string("organization")
        for code in (purpose.map { [$0] } ?? []) + allowed { try rules.checkPurpose(code) }
        if let organization { try rules.checkOrganization(organization) }
        let project = try body.string("project")
        try rules.checkProject(project, role: try role.map { text throws(RegistrationError) in try rules.role(text) })
        return ClientRecord(
            clientID: clientID, kind: kind, secretHash: secretHash, jwks: jwks, redirectURIs: redirectURIs,
            scope: scopes.scopeString, role: role, name: try body.string("name"),
            purpose: purpose, allowedPurposes: Array(Set(allowed)).sorted(), organization: organization, project: project
        )
    }
}

/// The body of `POST /admin/users`: `{"username", "password", "role", "fhir_user", "patients",
/// "organization", "break_glass", "project"}`,
/// checked with the same rules as `kiln user add`.
enum AdminUserRequest {
    /// The members the body may have.
    static let members: Set<String> = ["username", "password", "role", "fhir_user", "patients", "organization", "break_glass", "project"]

    /// The user to add, the password hashed.
    static func record(from body: AdminJSONBody) throws -> UserRecord {
        let rules = RegistrationRules(spelling: .json)
        let username = try body.requiredString("username")
        let fhirUser = try body.string("fhir_user")
        let checked = try rules.checkUser(username: username, role: try body.requiredString("role"), fhirUser: fhirUser, patients: try body.strings("patients"))
        let password = try body.requiredString("password")
        try rules.checkPassword(password)
        let organization = try body.string("organization")
        if let organization { try rules.checkOrganization(organization) }
        let project = try body.string("project")
        try rules.checkProject(project, role: checked.role)
        return UserRecord(
            username: username, passwordHash: try PasswordHasher().hash(password), role: checked.role.rawValue,
            fhirUser: fhirUser, patients: checked.patientIDs, organization: organization, breakGlass: try body.bool("break_glass") ?? false,
            project: project
        )
    }
}
