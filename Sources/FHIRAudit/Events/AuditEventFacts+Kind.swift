extension AuditEventFacts {
    /// What happened: a FHIR REST interaction, an authorization or administration event, a
    /// consent decision, or the server starting or stopping.
    public enum Kind: Sendable, Hashable {
        /// `GET [type]/[id]`.
        case read
        /// `GET [type]/[id]/_history/[vid]`.
        case vread
        /// A search; `query` is the request's method, path and query string (and, for a POST
        /// `_search`, its form body) as raw bytes, recorded base64 as BALP asks.
        case search(query: [UInt8])
        /// A history interaction at any level.
        case history
        /// `POST [type]`.
        case create
        /// `PUT [type]/[id]`.
        case update
        /// `PATCH [type]/[id]`.
        case patch
        /// `DELETE [type]/[id]`.
        case delete
        /// A transaction Bundle.
        case transaction
        /// A batch Bundle.
        case batch
        /// `GET metadata`.
        case capabilities
        /// An operation, by its name (`$export`, `$validate`…).
        case operation(String)
        /// The token endpoint issued a token.
        case tokenIssued
        /// The token endpoint refused to issue one.
        case tokenRefused
        /// A user signed in, or failed to.
        case login(succeeded: Bool)
        /// A token was revoked.
        case revocation
        /// A token was introspected.
        case introspection
        /// An administrative change; `action` is a short phrase Kiln makes ("client registered",
        /// "role changed"), never data.
        case administration(action: String)
        /// The `$consent-decision` operation answered.
        case consentDecision
        /// The server started.
        case applicationStart
        /// The server stopped.
        case applicationStop

        /// Whether this is a FHIR REST interaction (including operations).
        public var isREST: Bool {
            switch self {
            case .read, .vread, .search, .history, .create, .update, .patch, .delete, .transaction, .batch, .capabilities, .operation:
                true
            case .tokenIssued, .tokenRefused, .login, .revocation, .introspection, .administration, .consentDecision,
                 .applicationStart, .applicationStop:
                false
            }
        }

        /// Whether this is an authorization event (tokens, sign-in, revocation, introspection).
        public var isAuthorization: Bool {
            switch self {
            case .tokenIssued, .tokenRefused, .login, .revocation, .introspection: true
            default: false
            }
        }
    }
}
