import ArgumentParser
import FHIRAccess
import FHIRDefinitions
import FHIRStore
import Foundation
import KilnServer
import Logging
import PostgresNIO
import SMARTAuth

extension ServeCommand {
    /// The authorization services from `--auth` and the `--auth-*` options; nil with `--auth off`.
    func authServices(client: PostgresClient, catalog: DefinitionsCatalog, logger: Logger) throws -> AuthServices? {
        switch auth {
        case "off": return nil
        case "on": break
        default: throw ValidationError("--auth must be on or off, not '\(auth)'")
        }
        var settings = AuthSettings()
        settings.initialAdministratorPassword = ProcessInfo.processInfo.environment["KILN_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        settings.announceAdministratorPassword = { username, password in
            // Printed once, never logged or stored in clear.
            FileHandle.standardOutput.write(Data("Created the administrator '\(username)' with the password: \(password)\nKeep it now; it is not shown again (set KILN_ADMIN_PASSWORD to choose it).\n".utf8))
        }
        switch (authIssuer, authJWKS) {
        case (nil, nil): break
        case (let issuer?, let jwksPath?):
            let jwks: String
            do {
                jwks = try String(contentsOfFile: jwksPath, encoding: .utf8)
            } catch {
                throw ValidationError("--auth-jwks \(jwksPath) cannot be read: \(error.localizedDescription)")
            }
            var claims = ExternalClaimMapping()
            if let authScopeClaim { claims.scope = [authScopeClaim] }
            if let authRoleClaim { claims.role = authRoleClaim }
            if let authPatientClaim { claims.patient = authPatientClaim }
            if let authFHIRUserClaim { claims.fhirUser = authFHIRUserClaim }
            do {
                settings.externalIssuers = [try ExternalIssuer(issuer: issuer, jwksJSON: jwks, claims: claims)]
            } catch {
                throw ValidationError("--auth-jwks \(jwksPath): \(error)")
            }
        default:
            throw ValidationError("--auth-issuer and --auth-jwks go together")
        }
        return AuthServices(
            store: AuthStore(client: client, logger: logger),
            policy: SMARTAccessPolicy(patientCompartmentTypes: catalog.patientCompartment.resourceTypes, consentDefaults: try configuredConsentDefaults()),
            resourceTypes: Set(catalog.typeModel.resourceTypeNames),
            settings: settings
        )
    }

    /// The standard consent defaults with each `--consent-default` applied in order.
    func configuredConsentDefaults() throws -> ConsentDefaults {
        try ConsentDefaultSettings.defaults(from: consentDefaults)
    }
}
