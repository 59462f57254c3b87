/// Where an external OpenID Connect issuer's access tokens carry what Kiln needs. Each value is
/// a top-level claim name.
///
/// ```swift
/// var mapping = ExternalClaimMapping()
/// mapping.role = "kiln-role"          // the issuer's name for the Kiln role claim
/// ```
public struct ExternalClaimMapping: Sendable, Hashable {
    /// The claims that may hold the granted scopes, tried in order; each may be a
    /// space-separated string or an array of strings. Default: `scope`, then `scp`.
    public var scope: [String]
    /// The claim holding the user's Kiln role (`clinician`, `researcher`, …): a string, or an
    /// array of which exactly one element is a Kiln role. Default: `kiln_role`.
    public var role: String
    /// The claim holding the launch patient's id. Default: `patient`.
    public var patient: String
    /// The claim holding the user's FHIR resource. Default: `fhirUser`.
    public var fhirUser: String
    /// The claims that may hold the client id, tried in order. Default: `client_id`, then `azp`.
    public var clientID: [String]

    /// A mapping; every name has its default unless given.
    public init(
        scope: [String] = ["scope", "scp"], role: String = "kiln_role", patient: String = "patient",
        fhirUser: String = "fhirUser", clientID: [String] = ["client_id", "azp"]
    ) {
        self.scope = scope
        self.role = role
        self.patient = patient
        self.fhirUser = fhirUser
        self.clientID = clientID
    }
}
