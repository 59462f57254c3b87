import ArgumentParser
import FHIRDefinitions
import FHIRStore
import Foundation
import KilnServer
import SMARTAuth

extension ClientCommand {
    /// `kiln client add`: registers a public app, a confidential app or a backend service.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a client.",
            discussion: """
                A backend service (SMART Backend Services) authenticates with a key of its JWKS:
                  kiln client add --client-id etl --jwks-file etl.jwks.json --scope "system/*.rs" [--role data-steward]
                A public SMART app (PKCE, no secret):
                  kiln client add --client-id viewer --public --redirect-uri https://app.example.org/callback --scope "launch openid fhirUser patient/*.rs"
                A confidential app with a shared secret: --secret S instead of --public (stored hashed).
                Without --role, a backend service is a system client: its scopes alone decide.
                Purpose of use: --purpose CODE is what the client's tokens act for when the token
                request names none (default: the role's, TREAT without a role); a token request may
                ask purpose_of_use=CODE for one of --allowed-purpose CODE (repeatable).
                --organization Organization/ID names whom the client acts for, to patients' Consents.
                --project NAME (a researcher only) names its research project (kiln project add);
                a researcher without one belongs to the project 'default'.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The client_id.")
        var clientID: String

        @Flag(name: .customLong("public"), help: "A public app: no credentials, PKCE only.")
        var isPublic = false

        @Option(help: "The shared secret of a confidential app (at least \(RegistrationRules.minimumSecretLength) characters); stored hashed.")
        var secret: String?

        @Option(help: "A JSON file with the client's public keys ({\"keys\": [...]}): a backend service or confidential app using private_key_jwt.")
        var jwksFile: String?

        @Option(name: .customLong("redirect-uri"), help: "A redirect URI the app may use (repeatable); required for --public.")
        var redirectURIs: [String] = []

        @Option(help: "The scopes the client may be granted, space-separated, e.g. \"system/*.rs\".")
        var scope: String

        @Option(help: "The role of a backend service: researcher, clinician, data-steward, administrator or patient. Omitted: a system client.")
        var role: String?

        @Option(help: "A name shown to users who authorize the app.")
        var name: String?

        @Option(help: "The purpose of use of the client's tokens when the request names none (a v3-ActReason code such as TREAT or HOPERAT).")
        var purpose: String?

        @Option(name: .customLong("allowed-purpose"), help: "Another purpose of use a token request may ask for with purpose_of_use (repeatable).")
        var allowedPurposes: [String] = []

        @Option(help: "The Organization the client acts for, as Organization/ID: an actor patients' Consents may name.")
        var organization: String?

        @Option(help: "The research project of a researcher backend service (see kiln project); omitted: 'default'.")
        var project: String?

        @Option(help: "The compiled definitions folder (fhir-profiles/r4), for the resource types scopes may name; found automatically when omitted.")
        var profilesDirectory: String?

        func validate() throws {
            let credentials = [isPublic, secret != nil, jwksFile != nil].filter { $0 }.count
            guard credentials == 1 else {
                throw ValidationError("Give exactly one of --public, --secret or --jwks-file")
            }
            let rules = RegistrationRules(spelling: .commandLine)
            do {
                try rules.checkName(clientID, of: "client id")
                try rules.checkClient(kind: kind, hasSecret: secret != nil, hasJWKS: jwksFile != nil, redirectURIs: redirectURIs, role: role)
                if let secret {
                    try rules.checkSecret(secret)
                }
                for code in (purpose.map { [$0] } ?? []) + allowedPurposes { try rules.checkPurpose(code) }
                if let organization { try rules.checkOrganization(organization) }
                try rules.checkProject(project, role: try role.map { text throws(RegistrationError) in try rules.role(text) })
            } catch {
                throw ValidationError(error.message)
            }
            if let jwksFile {
                _ = try JWKSFile.read(jwksFile)
            }
            do {
                _ = try Self.registeredScopes(scope, knownResourceTypes: nil)
            } catch {
                throw ValidationError(error.message)
            }
        }

        /// The kind the credential options name.
        var kind: ClientKind {
            if secret != nil { return .confidentialSymmetric }
            if jwksFile != nil { return .confidentialAsymmetric }
            return .public
        }

        func run() async throws {
            let catalog = try DefinitionsCatalog.loadDefault(explicitDirectory: profilesDirectory)
            let scopes = try Self.registeredScopes(scope, knownResourceTypes: Set(catalog.typeModel.resourceTypeNames))
            let secretHash = try secret.map { try PasswordHasher().hash($0) }
            let jwks = try jwksFile.map { try JWKSFile.read($0) }
            let record = ClientRecord(
                clientID: clientID, kind: kind, secretHash: secretHash, jwks: jwks, redirectURIs: redirectURIs,
                scope: scopes.scopeString, role: role, name: name,
                purpose: purpose, allowedPurposes: Array(Set(allowedPurposes)).sorted(), organization: organization, project: project
            )
            try await AuthCommandSupport.registering {
                try await AuthCommandSupport.withStores(database, label: "kiln.client") { auth, _ in
                    try await auth.addClient(record)
                }
            }
            let roleText = role.map { "role \($0)" } ?? (redirectURIs.isEmpty ? "system client" : "acts for its signed-in user")
            print("Registered client '\(clientID)' (\(kind.rawValue), \(roleText)) with scopes: \(scopes.scopeString)")
        }

        /// The parsed scopes of `text` (see ``KilnServer/RegistrationRules/registeredScopes(_:knownResourceTypes:)``).
        static func registeredScopes(_ text: String, knownResourceTypes: Set<String>?) throws(CommandFailure) -> ScopeSet {
            do {
                return try RegistrationRules(spelling: .commandLine).registeredScopes(text, knownResourceTypes: knownResourceTypes)
            } catch {
                throw CommandFailure(error.message)
            }
        }
    }
}
