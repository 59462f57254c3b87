public import FHIRStore
public import SMARTAuth

/// Everything the authorization server and the bearer-token check share: the stored clients,
/// users, codes and revocations, the signing keys, the access policy and the settings.
public struct AuthServices: Sendable {
    /// Clients, users, codes, refresh tokens, revocations and signing keys.
    public let store: AuthStore
    /// The access policy (scopes × role → decision).
    public let policy: SMARTAccessPolicy
    /// The signing keys, loaded from the store before the server starts.
    public let keyring: SigningKeyring
    /// The settings.
    public let settings: AuthSettings
    /// The resource types scopes may name.
    public let resourceTypes: Set<String>
    let revocations: RevocationCache

    /// Auth services over `store`.
    public init(store: AuthStore, policy: SMARTAccessPolicy, resourceTypes: Set<String>, keyring: SigningKeyring = SigningKeyring(), settings: AuthSettings = AuthSettings()) {
        self.store = store
        self.policy = policy
        self.resourceTypes = resourceTypes
        self.keyring = keyring
        self.settings = settings
        self.revocations = RevocationCache(pollInterval: settings.revocationPollInterval)
    }

    /// Loads the signing keys, and creates the first administrator when the database has none:
    /// its password is `KILN_ADMIN_PASSWORD` or a random one, announced once and stored hashed.
    func prepare() async throws {
        try await keyring.load(from: store)
        let generated = settings.initialAdministratorPassword == nil
        let password = settings.initialAdministratorPassword ?? RandomToken.password()
        if try await store.ensureAdministrator(passwordHash: PasswordHasher().hash(password)), generated {
            settings.announceAdministratorPassword(AuthStore.firstAdministratorUsername, password)
        }
    }

    /// The verifier of bearer tokens for the FHIR base `baseURL`: Kiln's own tokens (issuer and
    /// audience the base URL) and those of the external issuers.
    func verifier(baseURL: String) -> TokenVerifier {
        TokenVerifier(issuer: baseURL, audience: baseURL, serverKeys: keyring.verificationKeys, externalIssuers: settings.externalIssuers)
    }
}

/// How the authorization server behaves.
public struct AuthSettings: Sendable {
    /// How long a revocation may take to reach every node (each node polls the database this often).
    public var revocationPollInterval: Duration = .seconds(2)
    /// Lifetime of access tokens of users and SMART apps.
    public var accessTokenLifetime: Duration = TokenLimits.accessTokenLifetime
    /// Lifetime of backend-services access tokens (SMART: at most 300 s).
    public var backendAccessTokenLifetime: Duration = TokenLimits.backendAccessTokenLifetime
    /// External OpenID Connect issuers whose tokens are accepted beside Kiln's own.
    public var externalIssuers: [ExternalIssuer] = []
    /// The first administrator's password (`KILN_ADMIN_PASSWORD`); a random one when nil.
    public var initialAdministratorPassword: String?
    /// Told the first administrator's generated password, once, when the account is created.
    public var announceAdministratorPassword: @Sendable (_ username: String, _ password: String) -> Void = { _, _ in }

    /// The defaults.
    public init() {}
}
