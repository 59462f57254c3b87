/// The SMART scopes that grant no resource access: identity, launch context and refresh tokens.
///
/// Any other scope that is not a resource scope (`email`, `launch/fhirContext`, …) is not
/// granted; ``ScopeSet/parse(_:knownResourceTypes:)`` reports it as ignored.
public enum NonResourceScope: String, Sendable, Hashable, CaseIterable {
    /// An OpenID Connect id token.
    case openid
    /// The `fhirUser` claim in the id token: a reference to the user's FHIR resource.
    case fhirUser
    /// The `profile` claim (SMART 1; superseded by `fhirUser`).
    case profile
    /// The launch context of an EHR launch (with the `launch` parameter).
    case launch
    /// A patient chosen at a standalone launch.
    case launchPatient = "launch/patient"
    /// An encounter chosen at a standalone launch.
    case launchEncounter = "launch/encounter"
    /// A refresh token usable after the user has gone.
    case offlineAccess = "offline_access"
    /// A refresh token usable while the user is online.
    case onlineAccess = "online_access"
}
